package dev.secreview.python.rules.web;

import dev.secreview.core.rule.RuleInfo;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.Optional;
import java.util.Set;

/**
 * A query string split on {@code ;} as well as {@code &}. Caches, proxies and most frameworks split only on
 * {@code &} (the WHATWG URL standard; CPython's parse_qs since 3.9.2), so {@code ?q=a;q=b} is one parameter to
 * the cache and two to this parser: a request can hide a parameter from the layer in front (parameter cloaking)
 * and poison a cache keyed on what that layer sees.
 */
@RuleInfo(
        id = "py-query-semicolon-separator",
        cwe = 436,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A query string is split on ';' as well as '&', unlike the caches and proxies in front of the "
                + "application, so a request can carry parameters they do not see (parameter cloaking, web cache "
                + "poisoning).",
        fix = "Split query strings on '&' only (urllib.parse.parse_qsl with its default separator); if a legacy "
                + "client needs ';', make sure every cache and proxy in front splits the same way.")
public final class QuerySemicolonSeparatorRule implements CallRule {
    private static final Set<String> PARSERS = Set.of("urllib.parse.parse_qs", "urllib.parse.parse_qsl");
    /** Words that name a query string. */
    private static final Set<String> QUERY_WORDS = Set.of("qs", "query", "querystring");

    @Override
    public void visitCall(Call call, RuleContext context) {
        if (call.calls(PARSERS.toArray(String[]::new))) {
            PyNode separator = call.keyword("separator");
            if (separator != null && context.values().string(separator).map(s -> s.contains(";")).orElse(false)) {
                report(call, context);
            }
            return;
        }
        if ("re.split".equals(call.callee()) && call.positional().size() >= 2) {
            Optional<String> pattern = context.values().string(call.positional().get(0));
            if (pattern.isPresent() && pattern.get().matches("\\[(&;|;&)\\]") && namesQuery(call.positional().get(1))) {
                report(call, context);
            }
            return;
        }
        if (!call.name().equals("replace") || call.receiver() == null || call.positional().size() != 2) return;
        String from = context.values().string(call.positional().get(0)).orElse("");
        String to = context.values().string(call.positional().get(1)).orElse("");
        boolean merges = from.equals(";") && to.equals("&") || from.equals("&") && to.equals(";");
        if (merges && (namesQuery(call.receiver()) || splitOn(call, to, context))) report(call, context);
    }

    private static void report(Call call, RuleContext context) {
        context.report(call.node(), "`" + Snippets.shortened(call.node().text(), 60) + "` treats `;` as a parameter "
                + "separator like `&`. A cache or proxy in front splits on `&` only, so `?q=a;q=b` is one parameter "
                + "there and two here: a request can hide a parameter from the cache key and poison what the cache "
                + "serves to others (parameter cloaking).");
    }

    /** {@code qs}, {@code query_string}, {@code request.query}, {@code environ["QUERY_STRING"]}. */
    private static boolean namesQuery(PyNode expr) {
        String name = expr.is("subscript") ? expr.field("subscript") == null ? null : expr.field("subscript").text()
                : Identifiers.targetName(expr);
        if (name == null) return false;
        return Identifiers.words(name.replaceAll("['\"]", "")).stream().anyMatch(QUERY_WORDS::contains);
    }

    /** The replaced text is then split on the separator it was merged into: {@code qs.replace(";", "&").split("&")}. */
    private static boolean splitOn(Call replace, String separator, RuleContext context) {
        PyNode parent = replace.node().parent();
        if (parent == null || !parent.is("attribute") || parent.parent() == null || !parent.parent().is("call")) return false;
        Call split = Call.of(parent.parent(), context.file());
        return split.name().equals("split") && !split.positional().isEmpty()
                && context.values().string(split.positional().get(0)).map(separator::equals).orElse(false);
    }
}
