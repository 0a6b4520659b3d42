package dev.secreview.python.lowering;

import dev.secreview.dataflow.ir.Operator;

/** Python's spellings of the operators, as the IR names them. */
public final class Operators {

    private Operators() {
    }

    /** A comparison, boolean, binary or augmented-assignment operator as Python spells it. */
    public static Operator binary(String spelling) {
        return switch (spelling) {
            case "+" -> Operator.ADD;
            case "-" -> Operator.SUBTRACT;
            case "*" -> Operator.MULTIPLY;
            case "/" -> Operator.DIVIDE;
            case "//" -> Operator.FLOOR_DIVIDE;
            case "%" -> Operator.REMAINDER;
            case "**" -> Operator.POWER;
            case "&" -> Operator.BIT_AND;
            case "|" -> Operator.BIT_OR;
            case "^" -> Operator.BIT_XOR;
            case "<<" -> Operator.SHIFT_LEFT;
            case ">>" -> Operator.SHIFT_RIGHT;
            case "==" -> Operator.EQUAL;
            case "!=" -> Operator.NOT_EQUAL;
            case "<" -> Operator.LESS;
            case "<=" -> Operator.LESS_EQUAL;
            case ">" -> Operator.GREATER;
            case ">=" -> Operator.GREATER_EQUAL;
            case "in" -> Operator.IN;
            case "not in" -> Operator.NOT_IN;
            case "is" -> Operator.SAME;
            case "is not" -> Operator.NOT_SAME;
            case "and" -> Operator.AND;
            case "or" -> Operator.OR;
            default -> Operator.OTHER;   // @, Python 2's <>, anything the grammar adds
        };
    }

    /** A unary operator as Python spells it. */
    public static Operator unary(String spelling) {
        return switch (spelling) {
            case "not" -> Operator.NOT;
            case "-" -> Operator.NEGATE;
            case "+" -> Operator.PLUS;
            case "~" -> Operator.INVERT;
            default -> Operator.OTHER;
        };
    }
}
