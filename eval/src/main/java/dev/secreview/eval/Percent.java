package dev.secreview.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A fraction as a percentage with one decimal, rounded exactly as Python's {@code f"{100*x:.1f}"}
 * rounds it (the exact binary value, ties to even, a sign kept on a negative zero), so that the
 * tables agree digit for digit with the OWASP scoring script's.
 */
public final class Percent {

    private Percent() {
    }

    public static String of(double fraction) {
        double percent = 100 * fraction;
        String digits = new BigDecimal(percent).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = percent < 0 || (percent == 0 && 1 / percent < 0);
        return negative && !digits.startsWith("-") ? "-" + digits : digits;
    }

    /** Undefined ratios (nothing to divide by) are shown as a dash. */
    static String ofNullable(Double fraction) {
        return fraction == null ? "-" : of(fraction.doubleValue());
    }
}
