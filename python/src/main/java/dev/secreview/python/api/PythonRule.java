package dev.secreview.python.api;

import dev.secreview.core.rule.RuleMetadata;

/**
 * A Python rule: a small class annotated with {@link dev.secreview.core.rule.RuleInfo} that
 * implements {@link CallRule} and/or {@link NodeRule}; the front end walks the file once and
 * dispatches to it. Registered in {@code META-INF/services/dev.secreview.python.api.PythonRule}.
 * Rules are shared by all worker threads: keep them stateless.
 */
public interface PythonRule {

    default RuleMetadata metadata() {
        return RuleMetadata.of(getClass());
    }

    /**
     * Whether the rule also reviews test code ({@code test_*.py}, {@code tests/}, ...). Test code is not
     * shipped, so by default a defect there is not worth a reviewer's comment and the rule does not run.
     */
    default boolean reviewsTestCode() {
        return false;
    }

    /**
     * Whether the rule also reviews operator tools (scripts, one-shot commands; see
     * {@link dev.secreview.python.semantic.CodeRole}). A rule whose only harm is to the availability of
     * the running process (a hung request, a leaked handle, a slow regex) has no attacker there: whoever
     * runs the tool is the only one who feeds it, so such a rule returns false. Findings of the other
     * rules in tools are one severity step lower (see {@link RuleContext}).
     */
    default boolean reviewsOperatorTools() {
        return true;
    }
}
