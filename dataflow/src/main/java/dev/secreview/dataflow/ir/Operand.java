package dev.secreview.dataflow.ir;

/** A value an instruction reads: a local variable (or temporary), a constant, or a global name. */
public sealed interface Operand extends java.io.Serializable {

    /** A variable of the function, a parameter, or a temporary the lowering introduced ({@code $3}). */
    record Local(String name) implements Operand {
    }

    /**
     * A literal: {@link String}, {@link Long}, {@link Double}, {@link Boolean}, {@link Constant#NONE}, an
     * immutable {@link java.util.List} of constants (a constant tuple or list, such as an allow-list), or an
     * immutable {@link java.util.Map} from scalars to constants (a constant lookup table); lists and maps nest.
     */
    record Const(Object value) implements Operand {
    }

    /** A name resolved by the front end to its qualified name: {@code subprocess.run}, {@code app.views.helper}. */
    record Global(String name) implements Operand {
    }
}
