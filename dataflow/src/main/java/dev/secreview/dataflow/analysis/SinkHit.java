package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.model.TaintKind;

import java.util.Set;

/**
 * Tainted data arriving at a sink: the kind of harm, the fact, whose trace ends at the sink, and the source categories
 * the sink does not heed ({@code only} lines of the models).
 */
public record SinkHit(TaintKind kind, Fact fact, Set<String> unheeded) {
    public SinkHit {
        unheeded = Set.copyOf(unheeded);
    }

    /** Whether data of this fact's origin counts at the sink (a parameter's: as its callers' arguments do). */
    static boolean heeds(Set<String> unheeded, Fact fact) {
        return fact.origin().category() == null || !unheeded.contains(fact.origin().category());
    }
}
