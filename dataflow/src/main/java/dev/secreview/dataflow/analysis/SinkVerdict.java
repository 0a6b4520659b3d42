package dev.secreview.dataflow.analysis;

/**
 * What the dataflow concluded about the data reaching one sink: attacker-controlled ({@link #TAINTED}),
 * proven harmless (a constant, or sanitised: {@link #SAFE}), or not known either way. Ordered from the
 * weakest to the strongest conclusion a site can combine to.
 */
public enum SinkVerdict {
    SAFE, UNKNOWN, TAINTED;

    public SinkVerdict combine(SinkVerdict other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
