package dev.secreview.audit;

import java.util.Locale;

/** What the auditor concluded about one claim. Only {@link #SUPPORTED} is accepted. */
public enum Verdict {
    /**
     * Evidence confirms the claim: the static review has a finding of its CWE (or of the CWE's pillar) at its
     * place, or a fact the code states is the one the claim asserts.
     */
    SUPPORTED,
    /** The names and lines exist and nothing refutes the claim, but the static review sees no such defect there. */
    UNSUPPORTED,
    /** The code states a fact the claim denies. */
    CONTRADICTED,
    /** A name, code fragment, construct or API the claim relies on exists neither in the file nor where it would be. */
    UNKNOWN_SYMBOL,
    /** A line is outside the file, or the quoted code is not near the line given. */
    BAD_LINE,
    /** The CWE name or pillar given does not match the catalog. */
    MISNAMED_CWE,
    /** The CWE id is unknown, a category or view, or deprecated. */
    NOT_A_WEAKNESS,
    /** Nothing could be checked: the claim names no place and no symbol of the file, or a library that cannot be read. */
    UNVERIFIED;

    /** How people read it: "misnamed CWE", "unknown symbol". */
    public String label() {
        return this == MISNAMED_CWE ? "misnamed CWE" : name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
