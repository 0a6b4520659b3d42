package dev.secreview.llm;

import dev.secreview.audit.Claim;
import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.cwe.CweEntry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the claims that several answers to the same question make. Two claims are the same when their
 * CWEs fall under the same CWE-1000 pillar (models often disagree on the exact CWE of one defect) and
 * their first lines are at most two apart. Claims without a CWE or a line cannot be matched or
 * reported, so they are not counted.
 */
final class SampleAgreement {

    private static final int LINE_TOLERANCE = 2;

    private final CweCatalog catalog;

    SampleAgreement(CweCatalog catalog) {
        this.catalog = catalog;
    }

    /** The claims made in at least {@code minimum} of {@code samples}, in the order they first appeared. */
    List<AgreedClaim> keep(List<List<Claim>> samples, int minimum) {
        List<Group> groups = new ArrayList<>();
        for (int sample = 0; sample < samples.size(); sample++) {
            for (Claim claim : samples.get(sample)) {
                if (claim.cwe() == null || claim.lines().isEmpty()) continue;
                int kind = kindOf(claim.cwe());
                int line = AgreedClaim.lineOf(claim);
                int from = sample;
                Group group = groups.stream().filter(g -> g.matches(kind, line, from)).findFirst().orElse(null);
                if (group == null) {
                    group = new Group(claim, kind, line);
                    groups.add(group);
                }
                group.samples.add(sample);
            }
        }
        return groups.stream().filter(g -> g.samples.size() >= minimum)
                .map(g -> new AgreedClaim(g.first, g.samples.size())).toList();
    }

    /** The pillar of a weakness; an id without one (a category, an unknown id) only matches itself. */
    private int kindOf(int cwe) {
        return catalog.pillarOf(cwe).map(CweEntry::id).orElse(cwe);
    }

    private static final class Group {
        final Claim first;
        final int kind;
        final int line;
        final Set<Integer> samples = new HashSet<>();

        Group(Claim first, int kind, int line) {
            this.first = first;
            this.kind = kind;
            this.line = line;
        }

        /** A sample counts once per group, however many of its claims fall in it. */
        boolean matches(int otherKind, int otherLine, int sample) {
            return kind == otherKind && Math.abs(line - otherLine) <= LINE_TOLERANCE && !samples.contains(sample);
        }
    }
}
