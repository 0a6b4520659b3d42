package dev.secreview.dataflow.ir;

import dev.secreview.core.model.TextRange;

/** One step of a basic block; each knows the source range it was lowered from. */
public sealed interface Instruction extends java.io.Serializable {

    TextRange range();

    /** {@code target = value}; {@code target} is a local (or temporary) of the function. */
    record Assign(String target, Expr value, TextRange range) implements Instruction {
    }

    /** {@code object.name = value}; {@code name} is {@link #ANY} when it is computed at run time. */
    record StoreAttribute(Operand object, String name, Operand value, TextRange range) implements Instruction {
        /** The name of a store whose attribute is chosen at run time ({@code setattr(obj, key, value)}). */
        public static final String ANY = "*";
    }

    /** {@code object[key] = value}. */
    record StoreItem(Operand object, Operand key, Operand value, TextRange range) implements Instruction {
    }
}
