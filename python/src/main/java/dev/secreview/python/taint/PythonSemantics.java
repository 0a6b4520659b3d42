package dev.secreview.python.taint;

import dev.secreview.dataflow.analysis.LanguageSemantics;
import dev.secreview.dataflow.analysis.NumberFolding;
import dev.secreview.dataflow.ir.Constant;
import dev.secreview.dataflow.ir.Operator;

import java.util.Objects;

/**
 * Python as the dataflow analysis needs to know it: constant folding of its operators ({@code //} floors,
 * {@code %} fills a template, {@code and}/{@code or} return an operand, {@code is} compares with {@code None}),
 * its truthiness, {@code str()} of a constant, negative indexes counting from the end, {@code pathlib}'s
 * {@code /}, the {@code str} type and {@code __init__}. What its built-in methods and functions do to
 * containers and strings is data: {@code builtins.models}.
 */
public final class PythonSemantics implements LanguageSemantics {
    public static final PythonSemantics INSTANCE = new PythonSemantics();

    /** Strings longer than this are not built by folding: nothing needs them and they cost memory. */
    private static final int MAX_STRING = 4096;

    private PythonSemantics() {
    }

    @Override
    public Object fold(Operator op, Object a, Object b) {
        switch (op) {
            case EQUAL: return equal(a, b);
            case NOT_EQUAL: return !equal(a, b);
            case SAME: return a == Constant.NONE || b == Constant.NONE ? a == b : null;
            case NOT_SAME: return a == Constant.NONE || b == Constant.NONE ? a != b : null;
            case AND: return truthy(a) ? b : a;
            case OR: return truthy(a) ? a : b;
            case IN: return contains(b, a);
            case NOT_IN: {
                Boolean in = contains(b, a);
                return in == null ? null : !in;
            }
            default: break;
        }
        if (a instanceof String s && op == Operator.REMAINDER) return percentFormat(s, b);
        if (a instanceof String s && b instanceof String t) {
            if (op == Operator.ADD) return s.length() + t.length() > MAX_STRING ? null : s + t;
            return NumberFolding.compared(op, s.compareTo(t));
        }
        if (a instanceof String s && b instanceof Long n && op == Operator.MULTIPLY) {
            return n >= 0 && s.length() * n <= MAX_STRING ? s.repeat(n.intValue()) : null;
        }
        Long x = integer(a), y = integer(b);
        if (x != null && y != null) return integerOp(op, x, y);
        Double p = number(a), q = number(b);
        if (p != null && q != null) return NumberFolding.doubles(op, p, q);
        return null;
    }

    private static Object integerOp(Operator op, long x, long y) {
        switch (op) {
            case ADD: return x + y;
            case SUBTRACT: return x - y;
            case MULTIPLY: return x * y;
            case FLOOR_DIVIDE: return y == 0 ? null : Math.floorDiv(x, y);
            case REMAINDER: return y == 0 ? null : Math.floorMod(x, y);
            case DIVIDE: return y == 0 ? null : (double) x / y;
            case BIT_AND: return x & y;
            case BIT_OR: return x | y;
            case BIT_XOR: return x ^ y;
            case SHIFT_LEFT: return y < 0 || y > 62 ? null : x << y;
            case SHIFT_RIGHT: return y < 0 ? null : x >> Math.min(y, 63);
            case POWER: return y < 0 || y > 62 ? null : (long) Math.pow(x, y);
            default: return NumberFolding.compared(op, Long.compare(x, y));
        }
    }

    @Override
    public Object fold(Operator op, Object a) {
        if (op == Operator.NOT) return !truthy(a);
        return NumberFolding.unary(op, a);
    }

    /** Python's truthiness: {@code None}, {@code False}, zero and the empty string are false. */
    @Override
    public boolean truthy(Object value) {
        if (value == Constant.NONE) return false;
        if (value instanceof Boolean b) return b;
        if (value instanceof Long l) return l != 0;
        if (value instanceof Double d) return d != 0.0;
        if (value instanceof String s) return !s.isEmpty();
        return true;
    }

    private static boolean equal(Object a, Object b) {
        Double p = number(a), q = number(b);
        if (p != null && q != null) return p.doubleValue() == q.doubleValue();
        return Objects.equals(a, b);
    }

    private static Boolean contains(Object container, Object element) {
        if (container instanceof String s && element instanceof String e) return s.contains(e);
        if (container instanceof java.util.Map<?, ?> mapping) return mapping.containsKey(element);
        if (container instanceof java.util.List<?> items) {
            for (Object item : items) if (equal(item, element)) return true;
            return false;
        }
        return null;
    }

    /** {@code "%s" % a} or {@code "%d" % n}: one conversion, one constant argument. */
    private String percentFormat(String template, Object argument) {
        if (!(argument instanceof String) && !(argument instanceof Long)) return null;
        int at = template.indexOf('%');
        if (at < 0 || at + 1 >= template.length() || template.indexOf('%', at + 2) >= 0) return null;
        char conversion = template.charAt(at + 1);
        if (conversion != 's' && !(conversion == 'd' && argument instanceof Long)) return null;
        return template.substring(0, at) + text(argument) + template.substring(at + 2);
    }

    /** {@code str(value)} of a constant. */
    @Override
    public String text(Object value) {
        if (value == Constant.NONE) return "None";
        if (value instanceof Boolean b) return b ? "True" : "False";
        return String.valueOf(value);
    }

    /** A negative index counts from the end. */
    @Override
    public int position(long index, int size) {
        long at = index < 0 ? size + index : index;
        return at >= 0 && at < size ? (int) at : -1;
    }

    @Override
    public int[] sliceBounds(int length, Object lower, Object upper) {
        Long from = lower == null ? Long.valueOf(0) : integer(lower);
        Long to = upper == null ? Long.valueOf(length) : integer(upper);
        if (from == null || to == null) return null;
        int start = (int) Math.max(0, Math.min(length, from < 0 ? length + from : from));
        int end = (int) Math.max(0, Math.min(length, to < 0 ? length + to : to));
        return new int[]{start, Math.max(start, end)};
    }

    @Override
    public TextOperator onText(Operator operator) {
        return switch (operator) {
            case ADD -> TextOperator.CONCATENATE;
            case REMAINDER -> TextOperator.FORMAT;
            default -> TextOperator.NEITHER;
        };
    }

    /** {@code pathlib}: {@code base / name} is still a {@code Path}. */
    @Override
    public boolean keepsLeftType(Operator operator) {
        return operator == Operator.DIVIDE;
    }

    /** Words joined by an underscore, not at the start ({@code db_contains_type}, not {@code _private}). */
    @Override
    public boolean compoundName(String attribute) {
        return attribute.indexOf('_', 1) > 0;
    }

    @Override
    public String stringType() {
        return "str";
    }

    @Override
    public String initializer() {
        return "__init__";
    }

    private static Long integer(Object o) {
        if (o instanceof Long l) return l;
        if (o instanceof Boolean b) return b ? 1L : 0L;
        return null;
    }

    private static Double number(Object o) {
        if (o instanceof Double d) return d;
        Long l = integer(o);
        return l == null ? null : l.doubleValue();
    }
}
