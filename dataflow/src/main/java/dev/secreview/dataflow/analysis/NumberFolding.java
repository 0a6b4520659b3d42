package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.Operator;

/**
 * Folding of numbers that reads the same in the languages so far, for a {@link LanguageSemantics} to use where its
 * language agrees: IEEE arithmetic on doubles, and order comparisons of either kind of number. Integer division,
 * remainders and shifts differ between languages and stay with each front end.
 */
public final class NumberFolding {

    private NumberFolding() {
    }

    /** {@code p op q} for two doubles; null when the operator is none of these or the result is not a number. */
    public static Object doubles(Operator op, double p, double q) {
        return switch (op) {
            case ADD -> p + q;
            case SUBTRACT -> p - q;
            case MULTIPLY -> p * q;
            case DIVIDE -> q == 0 ? null : p / q;
            default -> compared(op, Double.compare(p, q));
        };
    }

    /** An order comparison, given the sign of {@code compare(a, b)}; null for any other operator. */
    public static Boolean compared(Operator op, int comparison) {
        return switch (op) {
            case LESS -> comparison < 0;
            case LESS_EQUAL -> comparison <= 0;
            case GREATER -> comparison > 0;
            case GREATER_EQUAL -> comparison >= 0;
            default -> null;
        };
    }

    /** Negation, unary plus or bitwise inversion of a number; null for any other operator or operand. */
    public static Object unary(Operator op, Object a) {
        if (a instanceof Long l) {
            return switch (op) {
                case NEGATE -> -l;
                case PLUS -> l;
                case INVERT -> ~l;
                default -> null;
            };
        }
        if (a instanceof Double d) {
            return switch (op) {
                case NEGATE -> -d;
                case PLUS -> d;
                default -> null;
            };
        }
        return null;
    }
}
