package dev.secreview.audit;

import java.util.Locale;

/** What the auditor concluded about one claim. */
public enum Verdict {
    /** The CWE is a real, correctly named weakness and every line, code fragment and name was found. */
    GROUNDED,
    /** The CWE name or pillar given does not match the catalog. */
    MISNAMED_CWE,
    /** The CWE id is unknown, a category or view, or deprecated. */
    NOT_A_WEAKNESS,
    /** A line is outside the file, or the quoted code is not near the line given. */
    BAD_LINE,
    /** A quoted name, code fragment or construct does not exist in the file. */
    UNKNOWN_SYMBOL,
    /** The code states a fact the claim denies. */
    CONTRADICTED,
    /** Nothing refuted the claim, but it gives nothing concrete (no line, no code) to check. */
    UNVERIFIED;

    /** How people read it: "misnamed CWE", "bad line". */
    public String label() {
        return this == MISNAMED_CWE ? "misnamed CWE" : name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
