package dev.secreview.python.rules.files;

import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Map;

/**
 * Folds a file-mode expression: integer literals, {@code stat.S_*} constants and {@code |}, {@code +},
 * {@code &} of them. When one side of a {@code |} is unknown ({@code st.st_mode | stat.S_IWOTH}) the
 * result is not exact but the known bits are still certainly set.
 */
final class StatModeBits {
    /** Bits a mode surely has; {@code exact} when they are the whole mode. */
    record Mode(long bits, boolean exact) {
    }

    private static final Map<String, Long> STAT = Map.ofEntries(
            Map.entry("S_ISUID", 04000L), Map.entry("S_ISGID", 02000L), Map.entry("S_ISVTX", 01000L),
            Map.entry("S_IRWXU", 0700L), Map.entry("S_IRUSR", 0400L), Map.entry("S_IWUSR", 0200L),
            Map.entry("S_IXUSR", 0100L), Map.entry("S_IREAD", 0400L), Map.entry("S_IWRITE", 0200L),
            Map.entry("S_IEXEC", 0100L), Map.entry("S_IRWXG", 070L), Map.entry("S_IRGRP", 040L),
            Map.entry("S_IWGRP", 020L), Map.entry("S_IXGRP", 010L), Map.entry("S_IRWXO", 07L),
            Map.entry("S_IROTH", 04L), Map.entry("S_IWOTH", 02L), Map.entry("S_IXOTH", 01L));

    private StatModeBits() {
    }

    static Mode fold(PyNode expr, PythonFile file, Values values) {
        return fold(expr, file, values, 0);
    }

    private static Mode fold(PyNode expr, PythonFile file, Values values, int depth) {
        if (expr == null || depth > 8) return null;
        if (values.constant(expr).orElse(null) instanceof Long l) return new Mode(l, true);
        switch (expr.type()) {
            case "attribute", "identifier" -> {
                String qn = file.qualifiedName(expr);
                if (qn != null && qn.startsWith("stat.")) {
                    Long bits = STAT.get(qn.substring(5));
                    return bits == null ? null : new Mode(bits, true);
                }
                if (expr.is("identifier")) {
                    PyNode value = values.singleAssignedValue(expr);
                    return value == null ? null : fold(value, file, values, depth + 1);
                }
                return null;
            }
            case "parenthesized_expression" -> {
                List<PyNode> inner = expr.namedChildren();
                return inner.size() == 1 ? fold(inner.get(0), file, values, depth + 1) : null;
            }
            case "binary_operator" -> {
                String op = Values.operator(expr);
                Mode left = fold(expr.field("left"), file, values, depth + 1);
                Mode right = fold(expr.field("right"), file, values, depth + 1);
                if ("|".equals(op) || "+".equals(op)) {
                    if (left != null && right != null) {
                        return new Mode(left.bits() | right.bits(), left.exact() && right.exact());
                    }
                    // `|` keeps the known side's bits whatever the other side is; `+` would not.
                    if ("|".equals(op)) return left != null ? new Mode(left.bits(), false)
                            : right != null ? new Mode(right.bits(), false) : null;
                    return null;
                }
                if ("&".equals(op) && left != null && right != null && left.exact() && right.exact()) {
                    return new Mode(left.bits() & right.bits(), true);
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /** {@code 0o777}-style rendering for messages. */
    static String octal(long bits) {
        return "0o" + Long.toOctalString(bits);
    }
}
