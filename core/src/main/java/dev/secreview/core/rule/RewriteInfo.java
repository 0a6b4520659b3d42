package dev.secreview.core.rule;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A mechanical fix a rule offers, written in its {@link RuleInfo#rewrites()}: in the code a finding covers,
 * the one match of the regular expression {@code find} becomes {@code replace} ({@code $1} for its groups).
 * Declare one only where the replacement is right whatever the code around it; see {@link Rewrite}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface RewriteInfo {
    String find();

    String replace();
}
