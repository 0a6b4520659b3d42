package dev.secreview.java.lowering;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.secreview.dataflow.ir.Operator;

/** Java's spellings of the IR's operators. */
final class Operators {
    private Operators() {
    }

    static Operator binary(BinaryExpr.Operator operator) {
        return switch (operator) {
            case PLUS -> Operator.ADD;
            case MINUS -> Operator.SUBTRACT;
            case MULTIPLY -> Operator.MULTIPLY;
            case DIVIDE -> Operator.DIVIDE;
            case REMAINDER -> Operator.REMAINDER;
            case BINARY_AND -> Operator.BIT_AND;
            case BINARY_OR -> Operator.BIT_OR;
            case XOR -> Operator.BIT_XOR;
            case LEFT_SHIFT -> Operator.SHIFT_LEFT;
            case SIGNED_RIGHT_SHIFT -> Operator.SHIFT_RIGHT;
            case UNSIGNED_RIGHT_SHIFT -> Operator.OTHER;
            case EQUALS -> Operator.EQUAL;
            case NOT_EQUALS -> Operator.NOT_EQUAL;
            case LESS -> Operator.LESS;
            case LESS_EQUALS -> Operator.LESS_EQUAL;
            case GREATER -> Operator.GREATER;
            case GREATER_EQUALS -> Operator.GREATER_EQUAL;
            case AND -> Operator.AND;
            case OR -> Operator.OR;
        };
    }

    static Operator unary(UnaryExpr.Operator operator) {
        return switch (operator) {
            case LOGICAL_COMPLEMENT -> Operator.NOT;
            case MINUS -> Operator.NEGATE;
            case PLUS -> Operator.PLUS;
            case BITWISE_COMPLEMENT -> Operator.INVERT;
            default -> Operator.OTHER;
        };
    }
}
