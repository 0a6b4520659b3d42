package dev.secreview.dataflow.analysis;

/**
 * One reason a value is tainted: its origin, the kinds of harm it can still do (a bit per kind;
 * sanitisers clear bits, and a fact with no bit left records that the data was sanitised), and the
 * path it took.
 */
public record Fact(Origin origin, long kinds, Step trace) {

    public Fact narrowed(long remaining) {
        return remaining == kinds ? this : new Fact(origin, remaining, trace);
    }

    public Fact via(Step next) {
        return next == trace ? this : new Fact(origin, kinds, next);
    }

    public boolean threatens(long kindMask) {
        return (kinds & kindMask) != 0;
    }
}
