package dev.secreview.dataflow.model;

import dev.secreview.core.rule.RuleMetadata;

import java.util.Optional;
import java.util.Set;

/**
 * What tainted data can do harm to (command, sql, xss...), the CWE of that harm, and the source
 * categories whose data counts as attacker-controlled for it. {@code bit} is its index in the
 * analysis' kind masks. A {@code strict} kind follows data only along paths the analysis knows
 * step by step: through code of the tree and modelled functions, not through unknown calls (for
 * harms such as storing data in the session, where anything derived from a request would qualify).
 * {@code rule} is the dataflow rule that reports its taint findings, declared on the same models line; null
 * for a kind that only judges the findings of pattern rules ({@code xxe}).
 */
public record TaintKind(String name, int cwe, Set<String> sourceCategories, int bit, boolean strict, RuleMetadata rule)
        implements java.io.Serializable {

    public TaintKind {
        sourceCategories = Set.copyOf(sourceCategories);
    }

    public long mask() {
        return 1L << bit;
    }

    /** The dataflow rule that reports this kind's findings, if one does. */
    public Optional<RuleMetadata> reportedBy() {
        return Optional.ofNullable(rule);
    }
}
