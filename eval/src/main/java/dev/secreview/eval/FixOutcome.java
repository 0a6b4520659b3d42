package dev.secreview.eval;

import dev.secreview.core.model.Finding;

import java.util.List;

/**
 * What the review made of one fix: the findings of the vulnerable file that match the defect (near a
 * vulnerable line, same CWE or same CWE-1000 pillar), and whether the fixed file is free of them.
 *
 * @param reviewed false when the vulnerable file was not in the reviewed tree (not materialised, unreadable)
 * @param cleared  true when every matching finding is gone from the fixed file
 */
public record FixOutcome(FixCase fix, boolean reviewed, List<Finding> matching, boolean cleared) {

    public FixOutcome {
        matching = List.copyOf(matching);
    }

    public boolean detected() {
        return !matching.isEmpty();
    }

    /** Detected by a finding of exactly the advisory's CWE (not only of its pillar). */
    public boolean exactCwe() {
        return matching.stream().anyMatch(f -> f.cwe() == fix.cwe());
    }
}
