package dev.secreview.core.cwe;

/** The three kinds of entry in the MITRE CWE List. */
public enum CweKind {
    /** A weakness (Pillar, Class, Base, Variant or Compound). */
    WEAKNESS,
    /** A category: a grouping of entries that is not itself a weakness. */
    CATEGORY,
    /** A view, such as CWE-1000 "Research Concepts". */
    VIEW
}
