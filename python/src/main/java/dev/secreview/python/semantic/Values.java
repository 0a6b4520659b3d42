package dev.secreview.python.semantic;

import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the analysis knows about the value of an expression: its constant value when it folds
 * (literals, concatenations of literals, names assigned exactly once to a constant), or how it is
 * built. Rules use this to grade evidence: a literal command is not an injection, an f-string with a
 * variable in it very likely is, a bare variable might be.
 */
public final class Values {

    /** How the value of an expression is made. */
    public enum Origin {
        /** Folds to a constant. */
        CONSTANT,
        /** A string assembled from constant text and non-constant parts (f-string, %, format, +, join). */
        BUILT,
        /** Anything else: a parameter, a call's result, an attribute. */
        UNKNOWN
    }

    /** The Python value {@code None}. */
    public static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private final PythonFile file;

    public Values(PythonFile file) {
        this.file = file;
    }

    /** The constant value: String, Long, Double, Boolean, {@link #NONE}, or a List of those. */
    public Optional<Object> constant(PyNode expr) {
        return Optional.ofNullable(fold(expr, 0));
    }

    public boolean isConstant(PyNode expr) {
        return fold(expr, 0) != null;
    }

    /** The constant string value, if the expression folds to a string. */
    public Optional<String> string(PyNode expr) {
        return fold(expr, 0) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    public boolean isTrue(PyNode expr) {
        return Boolean.TRUE.equals(fold(expr, 0));
    }

    public boolean isFalse(PyNode expr) {
        return Boolean.FALSE.equals(fold(expr, 0));
    }

    public Origin origin(PyNode expr) {
        return origin(expr, 0);
    }

    private Origin origin(PyNode expr, int depth) {
        if (expr == null || depth > PythonFile.MAX_RESOLUTION_DEPTH) return Origin.UNKNOWN;
        if (fold(expr, depth) != null) return Origin.CONSTANT;
        switch (expr.type()) {
            case "string":
                return Origin.BUILT;  // it does not fold, so it has replacement fields
            case "concatenated_string":
                return Origin.BUILT;
            case "binary_operator": {
                String op = operator(expr);
                if ("+".equals(op) || "%".equals(op)) {
                    PyNode left = expr.field("left");
                    PyNode right = expr.field("right");
                    boolean textOnLeft = isText(left, depth + 1);
                    boolean textOnRight = "+".equals(op) && isText(right, depth + 1);
                    if (textOnLeft || textOnRight) return Origin.BUILT;
                }
                return Origin.UNKNOWN;
            }
            case "call": {
                PyNode function = expr.field("function");
                if (function != null && function.is("attribute")) {
                    PyNode attribute = function.field("attribute");
                    PyNode object = function.field("object");
                    String method = attribute == null ? "" : attribute.text();
                    if ((method.equals("format") || method.equals("join")) && object != null
                            && origin(object, depth + 1) != Origin.UNKNOWN) {
                        return Origin.BUILT;
                    }
                }
                return Origin.UNKNOWN;
            }
            case "parenthesized_expression": {
                List<PyNode> inner = expr.namedChildren();
                return inner.size() == 1 ? origin(inner.get(0), depth + 1) : Origin.UNKNOWN;
            }
            case "identifier": {
                PyNode value = singleAssignedValue(expr);
                return value == null ? Origin.UNKNOWN : origin(value, depth + 1);
            }
            default:
                return Origin.UNKNOWN;
        }
    }

    /** Whether an expression is string text: a string constant or a string built from parts. */
    private boolean isText(PyNode expr, int depth) {
        return fold(expr, depth) instanceof String || origin(expr, depth) == Origin.BUILT;
    }

    /**
     * The non-constant names an expression is made of, as written ({@code host}, {@code request.args}),
     * looking through a name assigned once to a built string: for {@code cmd = "ping " + host} the
     * inputs of {@code cmd} are {@code [host]}. Used to name the variables in a finding's explanation.
     */
    public List<String> inputs(PyNode expr) {
        List<String> names = new ArrayList<>();
        collectInputs(expr, names, 0);
        return names;
    }

    private void collectInputs(PyNode expr, List<String> names, int depth) {
        if (expr == null || depth > PythonFile.MAX_RESOLUTION_DEPTH || names.size() >= 5 || isConstant(expr)) return;
        switch (expr.type()) {
            case "identifier" -> {
                PyNode value = singleAssignedValue(expr);
                if (value != null && origin(value, depth + 1) == Origin.BUILT) {
                    collectInputs(value, names, depth + 1);
                } else if (!names.contains(expr.text())) {
                    names.add(expr.text());
                }
            }
            case "attribute", "subscript" -> {
                if (!names.contains(expr.text()) && expr.text().length() <= 60) names.add(expr.text());
            }
            case "call" -> {
                PyNode function = expr.field("function");
                boolean stringMethod = function != null && function.is("attribute")
                        && isText(function.field("object"), depth + 1);
                if (stringMethod) {
                    collectInputs(expr.field("arguments"), names, depth + 1);
                } else if (!names.contains(expr.text()) && expr.text().length() <= 60) {
                    names.add(expr.text());
                }
            }
            default -> {
                for (PyNode child : expr.namedChildren()) collectInputs(child, names, depth + 1);
            }
        }
    }

    /**
     * The value a name was given when every binding it has in its scope is one plain assignment
     * (flow-insensitive: a name assigned twice, a parameter or a loop variable has no single value).
     */
    public PyNode singleAssignedValue(PyNode identifier) {
        List<Binding> bindings = file.resolve(identifier.text(), identifier);
        if (bindings.size() != 1) return null;
        Binding only = bindings.get(0);
        if (only.kind() != Binding.Kind.ASSIGNMENT || only.value() == null || identifier.within(only.site())) {
            return null;
        }
        return only.value();
    }

    private Object fold(PyNode expr, int depth) {
        if (expr == null || depth > PythonFile.MAX_RESOLUTION_DEPTH) return null;
        switch (expr.type()) {
            case "string":
                return StringLiteral.hasInterpolation(expr) ? null : StringLiteral.value(expr);
            case "concatenated_string": {
                StringBuilder joined = new StringBuilder();
                for (PyNode part : expr.namedChildren()) {
                    if (!(fold(part, depth + 1) instanceof String s)) return null;
                    joined.append(s);
                }
                return joined.toString();
            }
            case "integer":
                return parseInteger(expr.text());
            case "float":
                try {
                    return Double.parseDouble(expr.text().replace("_", ""));
                } catch (NumberFormatException e) {
                    return null;
                }
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "none":
                return NONE;
            case "parenthesized_expression": {
                List<PyNode> inner = expr.namedChildren();
                return inner.size() == 1 ? fold(inner.get(0), depth + 1) : null;
            }
            case "unary_operator": {
                Object operand = fold(expr.field("argument"), depth + 1);
                String op = operator(expr);
                if (operand instanceof Long l && "-".equals(op)) return -l;
                if (operand instanceof Long l && "+".equals(op)) return l;
                return null;
            }
            case "binary_operator":
                return foldBinary(expr, depth);
            case "tuple", "list": {
                List<Object> items = new ArrayList<>();
                for (PyNode item : expr.namedChildren()) {
                    Object v = fold(item, depth + 1);
                    if (v == null) return null;
                    items.add(v);
                }
                return List.copyOf(items);
            }
            case "identifier": {
                PyNode value = singleAssignedValue(expr);
                return value == null ? null : fold(value, depth + 1);
            }
            default:
                return null;
        }
    }

    private Object foldBinary(PyNode expr, int depth) {
        Object left = fold(expr.field("left"), depth + 1);
        Object right = fold(expr.field("right"), depth + 1);
        if (left == null || right == null) return null;
        String op = operator(expr);
        if (left instanceof String a && right instanceof String b && "+".equals(op)) return a + b;
        if (left instanceof Long a && right instanceof Long b) {
            try {
                return switch (op) {
                    case "+" -> Math.addExact(a, b);
                    case "-" -> Math.subtractExact(a, b);
                    case "*" -> Math.multiplyExact(a, b);
                    case "**" -> power(a, b);
                    case "|" -> a | b;
                    case "&" -> a & b;
                    default -> null;
                };
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    private static Long power(long base, long exponent) {
        if (exponent < 0 || exponent > 64) return null;
        long result = 1;
        for (long i = 0; i < exponent; i++) result = Math.multiplyExact(result, base);
        return result;
    }

    /** The operator token of a binary/unary/boolean operator node. */
    public static String operator(PyNode expr) {
        PyNode op = expr.field("operator");
        return op == null ? null : op.text();
    }

    private static Long parseInteger(String text) {
        String t = text.replace("_", "").toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("l")) t = t.substring(0, t.length() - 1);
            if (t.startsWith("0x")) return Long.parseLong(t.substring(2), 16);
            if (t.startsWith("0o")) return Long.parseLong(t.substring(2), 8);
            if (t.startsWith("0b")) return Long.parseLong(t.substring(2), 2);
            if (t.length() > 1 && t.startsWith("0") && t.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(t, 8);  // Python 2 octal, e.g. 0777
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
