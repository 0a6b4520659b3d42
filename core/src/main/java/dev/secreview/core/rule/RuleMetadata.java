package dev.secreview.core.rule;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The validated metadata of one rule: what it finds, which CWE, how bad, how sure, how to fix;
 * {@code judgedBy}, the dataflow kind that judges its findings (empty: none, see {@link RuleInfo});
 * and the {@code rewrites} that fix its findings mechanically, where there are any.
 */
public record RuleMetadata(String id, int cwe, Severity severity, Confidence confidence, String summary,
                           String fix, List<String> altNames, String judgedBy, List<Rewrite> rewrites) implements java.io.Serializable {

    private static final Pattern ID = Pattern.compile("[a-z]+(-[a-z0-9]+)+");

    public RuleMetadata {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must be a language prefix and kebab-case name: " + id);
        }
        if (cwe <= 0 || summary.isBlank() || fix.isBlank()) {
            throw new IllegalArgumentException("rule " + id + " needs a CWE id, a summary and a fix");
        }
        altNames = List.copyOf(altNames);
        rewrites = List.copyOf(rewrites);
    }

    /** A rule no dataflow kind judges, without mechanical fixes. */
    public RuleMetadata(String id, int cwe, Severity severity, Confidence confidence, String summary, String fix,
                        List<String> altNames) {
        this(id, cwe, severity, confidence, summary, fix, altNames, "", List.of());
    }

    public static RuleMetadata of(Class<?> ruleClass) {
        RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException(ruleClass.getName() + " has no @RuleInfo");
        }
        return new RuleMetadata(info.id(), info.cwe(), info.severity(), info.confidence(), info.summary(),
                info.fix(), List.of(info.altNames()), info.judgedBy(),
                Arrays.stream(info.rewrites()).map(Rewrite::of).toList());
    }

    /** The language prefix of the id: {@code py} for {@code py-weak-hash}. */
    public String language() {
        return id.substring(0, id.indexOf('-'));
    }

    /** Whether a suppression naming {@code name} (an id or an alternate name, any case) covers this rule. */
    public boolean answersTo(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return id.equals(wanted) || altNames.stream().anyMatch(alt -> alt.equalsIgnoreCase(wanted));
    }
}
