package dev.secreview.dataflow.ir;

import dev.secreview.core.model.TextRange;

/** How control leaves a basic block. */
public sealed interface Terminator extends java.io.Serializable {

    record Jump(int target) implements Terminator {
    }

    /** Goes to {@code ifTrue} when {@code condition} is truthy, else to {@code ifFalse}. */
    record Branch(Operand condition, int ifTrue, int ifFalse) implements Terminator {
    }

    /** Leaves the function with {@code value} (a {@link Constant#NONE} constant when nothing is returned). */
    record Return(Operand value, TextRange range) implements Terminator {
    }

    /** Leaves the function by an exception. */
    record Raise() implements Terminator {
    }
}
