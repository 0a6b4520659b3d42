package dev.secreview.dataflow.model;

import java.util.Set;

/**
 * What tainted data can do harm to (command, sql, xss...), the CWE of that harm, and the source
 * categories whose data counts as attacker-controlled for it. {@code bit} is its index in the
 * analysis' kind masks.
 */
public record TaintKind(String name, int cwe, Set<String> sourceCategories, int bit) {

    public TaintKind {
        sourceCategories = Set.copyOf(sourceCategories);
    }

    public long mask() {
        return 1L << bit;
    }
}
