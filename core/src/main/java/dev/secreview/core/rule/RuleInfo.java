package dev.secreview.core.rule;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The metadata of a rule, written on the rule class beside its logic (the way Error Prone's
 * {@code @BugPattern} works). Read once through {@link RuleMetadata#of(Class)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    /** Stable id, language prefix + kebab-case name, e.g. {@code py-subprocess-shell}. */
    String id();

    /** The most specific CWE weakness this rule reports. */
    int cwe();

    /** Default severity; a finding may lower or raise it with the evidence it has. */
    Severity severity();

    /** Default confidence; a finding may lower or raise it with the evidence it has. */
    Confidence confidence();

    /** One line: what the rule finds. */
    String summary();

    /** The default concrete fix; a finding may give a more specific one. */
    String fix();

    /** Other ids that suppress this rule, e.g. the Bandit test ids it covers ({@code B602}). */
    String[] altNames() default {};

    /**
     * The dataflow kind whose sink verdicts judge this rule's findings ({@code xxe} for the XML parser rules):
     * whether the data at the place can come from an attacker. Empty: no kind judges them (the dataflow removes
     * them only from code no execution reaches).
     */
    String judgedBy() default "";

    /**
     * Mechanical fixes of this rule's findings, tried in order (see {@link Rewrite}). Only for a replacement that
     * is right whatever the code around it: a review system offers it to be applied with one click.
     */
    RewriteInfo[] rewrites() default {};
}
