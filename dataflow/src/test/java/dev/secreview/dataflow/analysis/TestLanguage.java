package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.Constant;
import dev.secreview.dataflow.ir.Operator;

import java.util.Objects;

/**
 * A small language for IR written by hand in tests: integers add and compare, strings concatenate, equality
 * is value equality, only {@code false}, zero, the empty string and the null value are false, indexes are
 * never negative. Its models name its built-in methods ({@link #MODELS}): the engine knows no language's.
 */
final class TestLanguage implements LanguageSemantics {
    static final TestLanguage INSTANCE = new TestLanguage();

    /** The {@code method} and {@code function} lines of the language, to add to a test's models. */
    static final String MODELS = """
            method    append       append
            method    items        items
            method    get          get
            method    join         join
            function  length       length
            """;

    private TestLanguage() {
    }

    @Override
    public Object fold(Operator operator, Object left, Object right) {
        return switch (operator) {
            case EQUAL -> Objects.equals(left, right);
            case NOT_EQUAL -> !Objects.equals(left, right);
            case ADD -> left instanceof Long a && right instanceof Long b ? Long.valueOf(a + b)
                    : left instanceof String a && right instanceof String b ? a + b : null;
            case LESS -> left instanceof Long a && right instanceof Long b ? Boolean.valueOf(a < b) : null;
            default -> null;
        };
    }

    @Override
    public Object fold(Operator operator, Object operand) {
        return operator == Operator.NOT ? !truthy(operand) : null;
    }

    @Override
    public boolean truthy(Object constant) {
        if (constant == Constant.NONE) return false;
        if (constant instanceof Boolean b) return b;
        if (constant instanceof Long l) return l != 0;
        if (constant instanceof String s) return !s.isEmpty();
        return true;
    }

    @Override
    public String text(Object constant) {
        return constant == Constant.NONE ? "null" : String.valueOf(constant);
    }

    @Override
    public Object index(Object container, Object key) {
        return null;
    }

    @Override
    public int position(long index, int size) {
        return index >= 0 && index < size ? (int) index : -1;
    }

    @Override
    public int[] sliceBounds(int length, Object lower, Object upper) {
        if (!(lower == null || lower instanceof Long) || !(upper == null || upper instanceof Long)) return null;
        int start = (int) Math.min(length, lower == null ? 0 : Math.max(0, (Long) lower));
        int end = (int) Math.min(length, upper == null ? length : Math.max(0, (Long) upper));
        return new int[]{start, Math.max(start, end)};
    }

    @Override
    public TextOperator onText(Operator operator) {
        return operator == Operator.ADD ? TextOperator.CONCATENATE : TextOperator.NEITHER;
    }

    @Override
    public boolean keepsLeftType(Operator operator) {
        return false;
    }

    @Override
    public boolean compoundName(String attribute) {
        return attribute.indexOf('_', 1) > 0;
    }

    @Override
    public String stringType() {
        return "string";
    }

    @Override
    public String initializer() {
        return "init";
    }
}
