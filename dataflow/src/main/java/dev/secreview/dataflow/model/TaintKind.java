package dev.secreview.dataflow.model;

import java.util.Set;

/**
 * What tainted data can do harm to (command, sql, xss...), the CWE of that harm, and the source
 * categories whose data counts as attacker-controlled for it. {@code bit} is its index in the
 * analysis' kind masks. A {@code strict} kind follows data only along paths the analysis knows
 * step by step: through code of the tree and modelled functions, not through unknown calls (for
 * harms such as storing data in the session, where anything derived from a request would qualify).
 */
public record TaintKind(String name, int cwe, Set<String> sourceCategories, int bit, boolean strict)
        implements java.io.Serializable {

    public TaintKind {
        sourceCategories = Set.copyOf(sourceCategories);
    }

    public long mask() {
        return 1L << bit;
    }
}
