package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.Operator;

/**
 * What the analysis needs to know of the language a front end lowered, that the IR and the models cannot say:
 * how its operators fold on constants, what is true, how a constant reads as text, how sequences are indexed,
 * and the few names the language gives to what every language has (the type of a string, the method that
 * initialises a new object). Each front end supplies one with its IR; the engine itself names nothing of any
 * language. What a language's built-in methods and functions do is data instead: {@code method} and
 * {@code function} lines of its models ({@link dev.secreview.dataflow.model.Operation}).
 *
 * <p>Constants are those of {@link dev.secreview.dataflow.ir.Operand.Const}: {@link String}, {@link Long},
 * {@link Double}, {@link Boolean}, {@link dev.secreview.dataflow.ir.Constant#NONE}, immutable lists and maps.
 * Every folding method returns null when the result is not a known constant (an operator the language does
 * not define on those operands, an error at run time, a result too large to be worth building).
 */
public interface LanguageSemantics {

    /** {@code left operator right} on two constants. */
    Object fold(Operator operator, Object left, Object right);

    /** {@code operator operand} on a constant. */
    Object fold(Operator operator, Object operand);

    /** Whether a branch on this constant takes its true edge. */
    boolean truthy(Object constant);

    /** The text of a constant, as the language writes it into a string. */
    String text(Object constant);

    /**
     * {@code container[key]} on two constants where the language defines it on a scalar: by default a string's
     * character at the {@link #position} the index names, as a one-character string.
     */
    default Object index(Object container, Object key) {
        if (container instanceof String s && key instanceof Long i) {
            int at = position(i, s.length());
            return at >= 0 ? String.valueOf(s.charAt(at)) : null;
        }
        return null;
    }

    /** The position a constant index names in a sequence of {@code size} elements, or -1 when it names none. */
    int position(long index, int size);

    /**
     * The {@code [start, end)} bounds of the slice {@code [lower:upper]} of a sequence of {@code length}
     * (an absent bound is null), or null when a bound is not an integer.
     */
    int[] sliceBounds(int length, Object lower, Object upper);

    /** What the operator does when an operand is text: concatenate the texts, fill a template, or neither. */
    TextOperator onText(Operator operator);

    /**
     * Whether the operator's result is of its left operand's type whatever the right one is, so that methods
     * called on it are matched by that type's name (Python's {@code pathlib}: {@code base / name} is a path).
     */
    boolean keepsLeftType(Operator operator);

    /**
     * Whether an attribute's name is made of several words, as the language's conventions join them
     * ({@code db_contains_type} in Python): such a name, bound in a class of the tree, is rarely also a library
     * object's, so the analysis may take its value from the tree's classes on an object of unknown type.
     */
    boolean compoundName(String attribute);

    /** The type the models name methods of a constant string by ({@code str} for {@code str.replace}). */
    String stringType();

    /** The method that initialises a new instance of a class, applied when the class is called. */
    String initializer();

    /** What an operator does to text. */
    enum TextOperator {
        /** The result is the operands' texts, one after the other. */
        CONCATENATE,
        /** A constant template on the left, its conversions filled printf-style from the right (an element each). */
        FORMAT,
        NEITHER
    }
}
