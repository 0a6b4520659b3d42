package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.Constant;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Constant folding of the operations the scripting languages share, on the constants the IR carries
 * ({@link String}, {@link Long}, {@link Double}, {@link Boolean}, {@link Constant#NONE}). Every method
 * returns null when the result is not a known constant (unknown operator, error at run time).
 */
final class Folding {
    /** Strings longer than this are not built by folding: nothing needs them and they cost memory. */
    private static final int MAX_STRING = 4096;

    private Folding() {
    }

    static Object binary(String op, Object a, Object b) {
        switch (op) {
            case "==": return equal(a, b);
            case "!=": return !equal(a, b);
            case "is": return a == Constant.NONE || b == Constant.NONE ? a == b : null;
            case "is not": return a == Constant.NONE || b == Constant.NONE ? a != b : null;
            case "and": return Constant.truthy(a) ? b : a;
            case "or": return Constant.truthy(a) ? a : b;
            case "in": return contains(b, a);
            case "not in": {
                Boolean in = contains(b, a);
                return in == null ? null : !in;
            }
            default: break;
        }
        if (a instanceof String s && op.equals("%")) return percentFormat(s, b);
        if (a instanceof String s && b instanceof String t) {
            if (op.equals("+")) return s.length() + t.length() > MAX_STRING ? null : s + t;
            return compare(op, s.compareTo(t));
        }
        if (a instanceof String s && b instanceof Long n && op.equals("*")) {
            return n >= 0 && s.length() * n <= MAX_STRING ? s.repeat(n.intValue()) : null;
        }
        Long x = integer(a), y = integer(b);
        if (x != null && y != null) return integerOp(op, x, y);
        Double p = number(a), q = number(b);
        if (p != null && q != null) return doubleOp(op, p, q);
        return null;
    }

    private static Object integerOp(String op, long x, long y) {
        switch (op) {
            case "+": return x + y;
            case "-": return x - y;
            case "*": return x * y;
            case "//": return y == 0 ? null : Math.floorDiv(x, y);
            case "%": return y == 0 ? null : Math.floorMod(x, y);
            case "/": return y == 0 ? null : (double) x / y;
            case "&": return x & y;
            case "|": return x | y;
            case "^": return x ^ y;
            case "<<": return y < 0 || y > 62 ? null : x << y;
            case ">>": return y < 0 ? null : x >> Math.min(y, 63);
            case "**": return y < 0 || y > 62 ? null : (long) Math.pow(x, y);
            default: return compare(op, Long.compare(x, y));
        }
    }

    private static Object doubleOp(String op, double p, double q) {
        switch (op) {
            case "+": return p + q;
            case "-": return p - q;
            case "*": return p * q;
            case "/": return q == 0 ? null : p / q;
            default: return compare(op, Double.compare(p, q));
        }
    }

    private static Boolean compare(String op, int c) {
        switch (op) {
            case "<": return c < 0;
            case "<=": return c <= 0;
            case ">": return c > 0;
            case ">=": return c >= 0;
            default: return null;
        }
    }

    static Object unary(String op, Object a) {
        switch (op) {
            case "not": return !Constant.truthy(a);
            case "-":
                if (a instanceof Long l) return -l;
                if (a instanceof Double d) return -d;
                return null;
            case "+": return a instanceof Long || a instanceof Double ? a : null;
            case "~": return a instanceof Long l ? ~l : null;
            default: return null;
        }
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
    private static String percentFormat(String template, Object argument) {
        if (!(argument instanceof String) && !(argument instanceof Long)) return null;
        int at = template.indexOf('%');
        if (at < 0 || at + 1 >= template.length() || template.indexOf('%', at + 2) >= 0) return null;
        char conversion = template.charAt(at + 1);
        if (conversion != 's' && !(conversion == 'd' && argument instanceof Long)) return null;
        return template.substring(0, at) + text(argument) + template.substring(at + 2);
    }

    /** {@code str(value)} of a constant. */
    static String text(Object value) {
        if (value == Constant.NONE) return "None";
        if (value instanceof Boolean b) return b ? "True" : "False";
        return String.valueOf(value);
    }

    static Object index(Object container, Object key) {
        if (container instanceof String s && key instanceof Long i) {
            long at = i < 0 ? s.length() + i : i;
            return at >= 0 && at < s.length() ? String.valueOf(s.charAt((int) at)) : null;
        }
        return null;
    }

    /** Bounds of {@code [lower:upper]} on a sequence of {@code length}, or null when not constant. */
    static int[] sliceBounds(int length, Object lower, Object upper) {
        Long from = lower == null ? Long.valueOf(0) : integer(lower);
        Long to = upper == null ? Long.valueOf(length) : integer(upper);
        if (from == null || to == null) return null;
        int start = (int) Math.max(0, Math.min(length, from < 0 ? length + from : from));
        int end = (int) Math.max(0, Math.min(length, to < 0 ? length + to : to));
        return new int[]{start, Math.max(start, end)};
    }

    /** Methods of a constant string with constant arguments. */
    static Object stringMethod(String s, String method, List<Object> args) {
        switch (method) {
            case "upper": return args.isEmpty() ? s.toUpperCase(Locale.ROOT) : null;
            case "lower": return args.isEmpty() ? s.toLowerCase(Locale.ROOT) : null;
            case "strip": return args.isEmpty() ? s.strip() : null;
            case "lstrip": return args.isEmpty() ? s.stripLeading() : null;
            case "rstrip": return args.isEmpty() ? s.stripTrailing() : null;
            case "startswith": return args.size() == 1 && args.get(0) instanceof String p ? s.startsWith(p) : null;
            case "endswith": return args.size() == 1 && args.get(0) instanceof String p ? s.endsWith(p) : null;
            case "replace":
                return args.size() == 2 && args.get(0) instanceof String a && args.get(1) instanceof String b
                        && !a.isEmpty() ? s.replace(a, b) : null;
            case "isdigit": return args.isEmpty() ? !s.isEmpty() && s.chars().allMatch(Character::isDigit) : null;
            default: return null;
        }
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
