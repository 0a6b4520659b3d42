package dev.secreview.dataflow.ir;

/**
 * The operators of {@link Expr.Binary} and {@link Expr.Unary}, named for what they do, not for how a language
 * spells them: the front end maps its spellings here ({@code +} to {@link #ADD}, Python's {@code is} to
 * {@link #SAME}), and its {@code LanguageSemantics} says what each does to constants. {@link #OTHER} is an
 * operator the IR does not name: nothing is folded through it.
 */
public enum Operator {
    ADD, SUBTRACT, MULTIPLY, DIVIDE, FLOOR_DIVIDE, REMAINDER, POWER,
    BIT_AND, BIT_OR, BIT_XOR, SHIFT_LEFT, SHIFT_RIGHT,
    EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL,
    /** Membership: the left operand is an element, key or substring of the right one. */
    IN, NOT_IN,
    /** Identity: both operands are the same object. */
    SAME, NOT_SAME,
    /** Short-circuit conjunction and disjunction (the result is one of the operands where the language says so). */
    AND, OR,
    /** Unary: logical negation, arithmetic negation, unary plus, bitwise inversion. */
    NOT, NEGATE, PLUS, INVERT,
    OTHER;

    /** Whether the result is a truth value computed from the operands, carrying none of their data. */
    public boolean yieldsTruthValue() {
        return switch (this) {
            case EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, IN, NOT_IN, SAME, NOT_SAME, NOT -> true;
            default -> false;
        };
    }

    /** Membership or its negation. */
    public boolean membership() {
        return this == IN || this == NOT_IN;
    }
}
