package dev.secreview.core.cwe;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the embedded CWE catalog.
 *
 * @param id              the CWE number (79 for CWE-79)
 * @param kind            weakness, category or view
 * @param abstraction     for weaknesses the CWE abstraction (Pillar, Class, Base, Variant,
 *                        Compound); {@code "-"} for categories and views
 * @param status          the CWE status (Stable, Draft, Incomplete, Deprecated, Obsolete, ...)
 * @param name            the official CWE name
 * @param researchParents the ids this entry is ChildOf in view CWE-1000 (Research Concepts), the
 *                        Primary parent first; empty for pillars, categories and views
 */
public record CweEntry(int id, CweKind kind, String abstraction, String status, String name,
        List<Integer> researchParents) {

    public CweEntry {
        if (id <= 0) {
            throw new IllegalArgumentException("CWE id must be positive: " + id);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(abstraction, "abstraction");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(name, "name");
        researchParents = List.copyOf(researchParents);
    }

    public boolean isWeakness() {
        return kind == CweKind.WEAKNESS;
    }

    /** True if MITRE has retired the entry (status Deprecated or Obsolete). */
    public boolean isDeprecated() {
        return "Deprecated".equals(status) || "Obsolete".equals(status);
    }

    /** {@code "CWE-79: Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')"}. */
    public String label() {
        return "CWE-" + id + ": " + name;
    }
}
