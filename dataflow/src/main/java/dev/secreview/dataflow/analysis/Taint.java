package dev.secreview.dataflow.analysis;

import dev.secreview.core.model.TextRange;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The facts that make a value tainted, at most one per origin. Immutable; {@link #NONE} is clean.
 * Bounded in size so the lattice stays finite and the analysis fast.
 */
public final class Taint {
    static final int MAX_FACTS = 6;
    public static final Taint NONE = new Taint(List.of());

    private final List<Fact> facts;

    private Taint(List<Fact> facts) {
        this.facts = facts;
    }

    public static Taint of(Fact fact) {
        return new Taint(List.of(fact));
    }

    public List<Fact> facts() {
        return facts;
    }

    public boolean isEmpty() {
        return facts.isEmpty();
    }

    /** Whether some fact can still do harm of one of {@code kindMask}'s kinds. */
    public boolean threatens(long kindMask) {
        for (Fact fact : facts) if (fact.threatens(kindMask)) return true;
        return false;
    }

    public Taint union(Taint other) {
        if (other.facts.isEmpty() || other == this) return this;
        if (facts.isEmpty()) return other;
        List<Fact> merged = new ArrayList<>(facts);
        boolean changed = false;
        for (Fact fact : other.facts) {
            int at = indexOf(merged, fact.origin());
            if (at < 0) {
                if (merged.size() < MAX_FACTS) {
                    merged.add(fact);
                    changed = true;
                }
            } else if ((merged.get(at).kinds() | fact.kinds()) != merged.get(at).kinds()) {
                merged.set(at, merged.get(at).narrowed(merged.get(at).kinds() | fact.kinds()));
                changed = true;
            }
        }
        return changed ? new Taint(List.copyOf(merged)) : this;
    }

    private static int indexOf(List<Fact> facts, Origin origin) {
        for (int i = 0; i < facts.size(); i++) if (facts.get(i).origin().equals(origin)) return i;
        return -1;
    }

    /** The same facts, no longer harmful for the kinds in {@code kindMask}. */
    public Taint sanitize(long kindMask) {
        return map(f -> f.narrowed(f.kinds() & ~kindMask));
    }

    /** Each fact's path extended by a step. */
    public Taint via(String path, TextRange range, String note) {
        return map(f -> f.via(f.trace().then(path, range, note)));
    }

    Taint map(UnaryOperator<Fact> change) {
        if (facts.isEmpty()) return this;
        List<Fact> mapped = new ArrayList<>(facts.size());
        boolean changed = false;
        for (Fact fact : facts) {
            Fact after = change.apply(fact);
            if (after != null) mapped.add(after);
            changed |= after != fact;
        }
        return changed ? (mapped.isEmpty() ? NONE : new Taint(List.copyOf(mapped))) : this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Taint other && facts.equals(other.facts);
    }

    @Override
    public int hashCode() {
        return facts.hashCode();
    }
}
