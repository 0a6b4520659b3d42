package dev.secreview.java.taint;

import dev.secreview.dataflow.analysis.LanguageSemantics;
import dev.secreview.dataflow.analysis.NumberFolding;
import dev.secreview.dataflow.ir.Constant;
import dev.secreview.dataflow.ir.Operator;

import java.util.Objects;

/**
 * Java as the dataflow analysis needs to know it: {@code +} concatenates when either side is text (and
 * {@code "a" + null} is {@code "anull"}), integer division truncates, {@code &&}/{@code ||} and {@code !} work on
 * booleans only, a {@code char} is a one-character string, {@code null} is false only as a condition the compiler
 * would refuse, {@code java.lang.String} and the constructor {@code <init>}. What its library methods do to
 * containers and strings is data: {@code builtins.models}.
 */
public final class JavaSemantics implements LanguageSemantics {
    public static final JavaSemantics INSTANCE = new JavaSemantics();

    private static final int MAX_STRING = 4096;

    private JavaSemantics() {
    }

    @Override
    public Object fold(Operator op, Object a, Object b) {
        if (op == Operator.ADD && (a instanceof String || b instanceof String)) {
            String s = text(a), t = text(b);
            return s.length() + t.length() > MAX_STRING ? null : s + t;
        }
        switch (op) {
            case EQUAL: return equal(a, b);
            case NOT_EQUAL: return !equal(a, b);
            case AND: return a instanceof Boolean x && b instanceof Boolean y ? x && y : null;
            case OR: return a instanceof Boolean x && b instanceof Boolean y ? x || y : null;
            default: break;
        }
        if (a instanceof String s && b instanceof String t && s.length() == 1 && t.length() == 1) {
            return NumberFolding.compared(op, s.compareTo(t));   // chars compare by code
        }
        Long x = integer(a), y = integer(b);
        if (x != null && y != null) return integerOp(op, x, y);
        Double p = number(a), q = number(b);
        if (p != null && q != null) return NumberFolding.doubles(op, p, q);
        if (a instanceof Boolean x1 && b instanceof Boolean y1) {
            switch (op) {
                case BIT_AND: return x1 & y1;
                case BIT_OR: return x1 | y1;
                case BIT_XOR: return x1 ^ y1;
                default: return null;
            }
        }
        return null;
    }

    private static Object integerOp(Operator op, long x, long y) {
        switch (op) {
            case ADD: return x + y;
            case SUBTRACT: return x - y;
            case MULTIPLY: return x * y;
            case DIVIDE: return y == 0 ? null : x / y;
            case REMAINDER: return y == 0 ? null : x % y;
            case BIT_AND: return x & y;
            case BIT_OR: return x | y;
            case BIT_XOR: return x ^ y;
            case SHIFT_LEFT: return y < 0 || y > 62 ? null : x << y;
            case SHIFT_RIGHT: return y < 0 ? null : x >> Math.min(y, 63);
            default: return NumberFolding.compared(op, Long.compare(x, y));
        }
    }

    @Override
    public Object fold(Operator op, Object a) {
        if (op == Operator.NOT) return a instanceof Boolean b ? !b : null;
        return NumberFolding.unary(op, a);
    }

    /** Only booleans are conditions in Java; anything else the compiler refuses, and is taken as true when not null. */
    @Override
    public boolean truthy(Object value) {
        if (value instanceof Boolean b) return b;
        return value != Constant.NONE;
    }

    private static boolean equal(Object a, Object b) {
        Double p = number(a), q = number(b);
        if (p != null && q != null && !(a instanceof String) && !(b instanceof String)) return p.doubleValue() == q.doubleValue();
        return Objects.equals(a, b);
    }

    /** {@code String.valueOf(value)} of a constant. */
    @Override
    public String text(Object value) {
        if (value == Constant.NONE) return "null";
        return String.valueOf(value);
    }

    /** Java has no negative indexes. */
    @Override
    public int position(long index, int size) {
        return index >= 0 && index < size ? (int) index : -1;
    }

    @Override
    public int[] sliceBounds(int length, Object lower, Object upper) {
        Long from = lower == null ? Long.valueOf(0) : integer(lower);
        Long to = upper == null ? Long.valueOf(length) : integer(upper);
        if (from == null || to == null || from < 0 || to > length || from > to) return null;
        return new int[]{from.intValue(), to.intValue()};
    }

    @Override
    public TextOperator onText(Operator operator) {
        return operator == Operator.ADD ? TextOperator.CONCATENATE : TextOperator.NEITHER;
    }

    @Override
    public boolean keepsLeftType(Operator operator) {
        return false;
    }

    /** camelCase words: {@code dbContainsType}, not {@code name}. */
    @Override
    public boolean compoundName(String attribute) {
        for (int i = 1; i < attribute.length(); i++) if (Character.isUpperCase(attribute.charAt(i))) return true;
        return false;
    }

    @Override
    public String stringType() {
        return "java.lang.String";
    }

    @Override
    public String initializer() {
        return "<init>";
    }

    private static Long integer(Object o) {
        if (o instanceof Long l) return l;
        if (o instanceof String s && s.length() == 1) return (long) s.charAt(0);
        return null;
    }

    private static Double number(Object o) {
        if (o instanceof Double d) return d;
        Long l = o instanceof Long x ? x : null;
        return l == null ? null : l.doubleValue();
    }
}
