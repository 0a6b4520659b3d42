package dev.secreview.dataflow.ir;

import java.util.List;

/** The right-hand side of an assignment: every expression is lowered to one of these over operands. */
public sealed interface Expr extends java.io.Serializable {

    record Use(Operand value) implements Expr {
    }

    /**
     * A call. With {@code method} null, {@code target} is what is called ({@code f(x)}); otherwise it is
     * the receiver of a method call ({@code target.method(x)}).
     */
    record Call(Operand target, String method, List<Argument> arguments) implements Expr {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    record LoadAttribute(Operand object, String name) implements Expr {
    }

    record LoadItem(Operand object, Operand key) implements Expr {
    }

    /** {@code object[lower:upper]}; absent bounds are null. */
    record Slice(Operand object, Operand lower, Operand upper) implements Expr {
    }

    /** Arithmetic, comparison, membership, identity and the short-circuit operators. */
    record Binary(Operator operator, Operand left, Operand right) implements Expr {
    }

    /** {@link Operator#NOT}, {@link Operator#NEGATE}, {@link Operator#PLUS}, {@link Operator#INVERT}. */
    record Unary(Operator operator, Operand operand) implements Expr {
    }

    /** String interpolation and concatenation of the parts' text (f-strings, template literals). */
    record Concat(List<Operand> parts) implements Expr {
        public Concat {
            parts = List.copyOf(parts);
        }
    }

    /** A list, tuple or set display. */
    record Sequence(Kind kind, List<Operand> items) implements Expr {
        public enum Kind { LIST, TUPLE, SET }

        public Sequence {
            items = List.copyOf(items);
        }
    }

    record Mapping(List<Operand> keys, List<Operand> values) implements Expr {
        public Mapping {
            keys = List.copyOf(keys);
            values = List.copyOf(values);
        }
    }

    /** One element of {@code iterable}, as a {@code for} loop binds it. */
    record Element(Operand iterable) implements Expr {
    }

    /**
     * {@code value}, which the language declares an instance of {@code type} (a qualified name): a local variable
     * declared with a type, a cast. Method calls on it are matched by that type's name, unless the analysis knows
     * better (a constant, a container it tracks, an instance of a class of the tree).
     */
    record Typed(Operand value, String type) implements Expr {
    }

    /**
     * What the IR does not model in detail (comprehensions, lambdas, generators): its value depends on
     * {@code inputs} and nothing is known of its shape.
     */
    record Opaque(List<Operand> inputs) implements Expr {
        public Opaque {
            inputs = List.copyOf(inputs);
        }
    }
}
