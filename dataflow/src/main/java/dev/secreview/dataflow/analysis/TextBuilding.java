package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.model.TaintModels;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strings built from parts ({@code a + b}, interpolation, a printf-style template filled: {@code "%s/%s" % (a, b)}): constant when every
 * part is, tainted by every part, and fixed when every part is harmless. Data placed after a fixed
 * prefix that already ends a URL's host ({@code "https://example.com/" + name}, {@code base_url +
 * "/items/" + name}), or a path of this host ({@code "/items/" + name}), cannot choose where the URL points: it
 * is not a threat for the kinds the models name {@code prefixed} (redirects, server-side requests). Data placed in
 * text whose constant parts hold a marker of an {@code embedded} kind ({@code "<a>" + name}) now threatens it.
 */
final class TextBuilding {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    /** Something, then a path, query or fragment separator: the host part is over. */
    private static final Pattern HOST_THEN_SEPARATOR = Pattern.compile("^[^/?#]+[/?#]");
    /** Stands for a fixed part of unknown text in the prefix: it may hold the scheme and host. */
    private static final char FIXED_UNKNOWN = '\u0001';
    private static final Pattern CONVERSION = Pattern.compile("%(?:\\([^)]*\\))?[-#0 +]*\\d*(?:\\.\\d+)?([sdirfxXeEgGcoa%])");

    private TextBuilding() {
    }

    static Value concatenate(List<Value> parts, TaintModels models, LanguageSemantics semantics) {
        long prefixedKinds = models.prefixedKinds();
        StringBuilder constants = new StringBuilder();
        StringBuilder text = new StringBuilder();
        StringBuilder prefix = new StringBuilder();
        Taint taint = Taint.NONE;
        boolean constant = true;
        boolean harmless = true;
        for (Value part : parts) {
            Taint partTaint = part.taint();
            if (prefixedKinds != 0 && !partTaint.isEmpty() && endsHost(prefix)) {
                partTaint = partTaint.sanitize(prefixedKinds);
            }
            taint = taint.union(partTaint);
            harmless &= part.harmless();
            if (constant && part.isConstant()) text.append(semantics.text(part.constant()));
            else constant = false;
            if (part.isConstant()) {
                prefix.append(semantics.text(part.constant()));
                constants.append(semantics.text(part.constant()));
            } else if (!fromSource(part.taint(), prefixedKinds)) prefix.append(FIXED_UNKNOWN);
            else prefix.append('\u0000');   // attacker text: nothing after it counts as a fixed prefix
        }
        return constant ? Value.constant(text.toString()) : Value.derived(placed(taint, constants.toString(), models), harmless);
    }

    /** The taint of data placed in text whose constant parts are {@code text} ({@code embedded} kinds). */
    static Taint placed(Taint taint, String text, TaintModels models) {
        if (text.isEmpty() || models.placedBits() == 0) return taint;
        return taint.map(fact -> fact.narrowed(models.placedIn(fact.kinds(), text)));
    }

    /** {@code template % arguments} with a constant template: its pieces and the arguments, in order. */
    static Value format(String template, Value arguments, TaintModels models, LanguageSemantics semantics) {
        List<Value> values = arguments.items() != null ? arguments.items() : List.of(arguments);
        List<Value> parts = new ArrayList<>();
        Matcher m = CONVERSION.matcher(template);
        int at = 0;
        int next = 0;
        while (m.find()) {
            parts.add(Value.constant(template.substring(at, m.start())));
            if (m.group(1).equals("%")) parts.add(Value.constant("%"));
            else parts.add(next < values.size() ? values.get(next++) : Value.UNKNOWN);
            at = m.end();
        }
        parts.add(Value.constant(template.substring(at)));
        return concatenate(parts, models, semantics);
    }

    /**
     * Whether a part holds data from a source. A parameter's data counts as fixed here: if a caller
     * passes attacker data, that part's own taint reaches the sink and is reported there.
     */
    private static boolean fromSource(Taint taint, long kinds) {
        for (Fact fact : taint.facts()) {
            if (!fact.origin().isParameter() && fact.threatens(kinds)) return true;
        }
        return false;
    }

    private static boolean endsHost(CharSequence prefix) {
        String text = prefix.toString();
        if (text.indexOf('\u0000') >= 0) return false;
        Matcher scheme = SCHEME.matcher(text);
        String rest = scheme.find() ? text.substring(scheme.end()) : text;
        if (rest.startsWith("/") || rest.startsWith("\\")) {
            // "/items/" is a path of this host; "//evil.example" and "/\\evil.example" name a host, and so may "/" + unknown.
            char second = rest.length() > 1 ? rest.charAt(1) : '/';
            return second != '/' && second != '\\' && second != FIXED_UNKNOWN;
        }
        return HOST_THEN_SEPARATOR.matcher(rest).find();
    }
}
