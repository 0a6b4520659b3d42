package dev.secreview.dataflow.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What the analysis knows how to do to the values it tracks, independent of any language: grow, read and copy
 * the containers whose elements it follows, fold methods of constant strings, and compute a few functions of
 * constants and containers. A language's models files name which of its methods and functions are these
 * ({@code method append append,add}, {@code function length len}); the analysis then applies the operation.
 * The models spell each in lower case with dashes ({@link #STRIP_LEADING} is {@code strip-leading}).
 */
public enum Operation {
    // Methods of containers the analysis tracks (lists, tuples, sets, mappings).
    /** Adds its one argument at the end ({@code list.append}, a set's {@code add}). */
    APPEND(Target.CONTAINER),
    /** Adds its one argument at the front: the elements' places are lost. */
    PREPEND(Target.CONTAINER),
    /** Adds the elements of its one argument at the end. */
    EXTEND(Target.CONTAINER),
    /** {@code (index, element)}: adds the element at the index. */
    INSERT(Target.CONTAINER),
    /** Removes and returns an element: the last, the one at a constant index, or a mapping's under a key. */
    POP(Target.CONTAINER, true),
    /** A mapping's value under the key, or the second argument (else null) when there is none. */
    GET(Target.CONTAINER, true),
    /** Reads a mapping's value under the key, storing a default first; only its reading is followed. */
    SET_DEFAULT(Target.CONTAINER, true),
    /** Adds the entries of its one argument to the mapping. */
    UPDATE(Target.CONTAINER),
    /** A mapping's values, keys, or (key, value) pairs, as a sequence. */
    VALUES(Target.CONTAINER), KEYS(Target.CONTAINER), ITEMS(Target.CONTAINER),
    /** A shallow copy. */
    COPY(Target.CONTAINER),
    // Methods of constant strings, folded when every argument is constant too.
    UPPER(Target.TEXT), LOWER(Target.TEXT),
    /** Without whitespace at both ends, at the start, at the end. */
    STRIP(Target.TEXT), STRIP_LEADING(Target.TEXT), STRIP_TRAILING(Target.TEXT),
    /** Whether the string starts (ends) with the argument: also a test the branch refinement reads. */
    STARTS_WITH(Target.TEXT), ENDS_WITH(Target.TEXT),
    /** Every occurrence of the first argument replaced by the second. */
    REPLACE(Target.TEXT),
    /** Whether the string is not empty and all digits. */
    ALL_DIGITS(Target.TEXT),
    /** The string is a separator put between the texts of the argument's elements. */
    JOIN(Target.TEXT),
    // Functions of one argument.
    /** The text of a constant. */
    TO_TEXT(Target.FUNCTION),
    /** The length of a constant string or of a sequence whose elements are known. */
    LENGTH(Target.FUNCTION),
    /** A new sequence of the known elements of the argument. */
    TO_SEQUENCE(Target.FUNCTION),
    /**
     * Joins path pieces ({@code os.path.join}): the branch refinement reads it, as it reads the {@code /} and
     * {@code +} that join pieces, when a check vouches for the joined path (its pieces stay under the same base).
     */
    JOIN_PATH(Target.FUNCTION);

    /** What the operation applies to: a container receiver, a constant string receiver, or a called function. */
    public enum Target { CONTAINER, TEXT, FUNCTION }

    private final Target target;
    private final boolean readsItem;

    Operation(Target target) {
        this(target, false);
    }

    Operation(Target target, boolean readsItem) {
        this.target = target;
        this.readsItem = readsItem;
    }

    public Target target() {
        return target;
    }

    /** Whether the method reads one item of a mapping by its key (its first argument). */
    public boolean readsItem() {
        return readsItem;
    }

    /** The operation a models file names ({@code strip-leading}). */
    public static Optional<Operation> named(String name) {
        for (Operation operation : values()) if (operation.spelling().equals(name)) return Optional.of(operation);
        return Optional.empty();
    }

    /** How the models spell it. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
