package dev.secreview.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The figures Python's {@code f"{100*x:.1f}"} prints for the same doubles. */
class PercentTest {

    @Test
    void roundsTheExactBinaryValueHalfToEven() {
        assertEquals("6.2", Percent.of(0.0625));    // 6.25 exactly: ties to even
        assertEquals("18.8", Percent.of(0.1875));   // 18.75 exactly: ties to even
        assertEquals("33.3", Percent.of(1 / 3.0));
        assertEquals("66.7", Percent.of(2 / 3.0));
        assertEquals("100.0", Percent.of(1));
        assertEquals("0.0", Percent.of(0));
    }

    @Test
    void keepsTheSignOfANegativeFigureThatRoundsToZero() {
        assertEquals("-0.0", Percent.of(-0.0001));
        assertEquals("-16.7", Percent.of(-1 / 6.0));
    }

    @Test
    void undefinedRatiosAreADash() {
        assertEquals("-", Percent.ofNullable(null));
        assertEquals("50.0", Percent.ofNullable(0.5));
    }
}
