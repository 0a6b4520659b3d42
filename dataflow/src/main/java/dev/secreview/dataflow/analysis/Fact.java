package dev.secreview.dataflow.analysis;

/**
 * One reason a value is tainted: its origin, the kinds of harm it can still do (a bit per kind;
 * sanitisers clear bits, and a fact with no bit left records that the data was sanitised), and the
 * path it took. Two facts are equal when origin and kinds are: the path is a witness, not part of
 * what the fixpoint computes (paths rebuilt on each pass would otherwise keep it from converging).
 */
public record Fact(Origin origin, long kinds, Step trace) {

    @Override
    public boolean equals(Object o) {
        return o instanceof Fact other && kinds == other.kinds && origin.equals(other.origin);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() * 31 + Long.hashCode(kinds);
    }

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
