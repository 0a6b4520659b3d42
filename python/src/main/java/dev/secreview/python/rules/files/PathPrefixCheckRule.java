package dev.secreview.python.rules.files;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "py-path-prefix-check",
        cwe = 187,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "Whether a path lies inside a directory is decided by comparing strings (os.path.commonprefix, or "
                + "startswith with a directory that does not end in a separator), so a sibling directory whose name "
                + "begins with the same text passes: /srv/data-evil is accepted as inside /srv/data.",
        fix = "Compare whole path components: os.path.commonpath([root, path]) == root, or "
                + "pathlib.Path(path).resolve().is_relative_to(root); with startswith, end the directory with a "
                + "separator (path == root or path.startswith(os.path.join(root, ''))).",
        altNames = {})
public final class PathPrefixCheckRule implements CallRule {

    /** Calls that make a path absolute and normal: their result is what a containment check tests. */
    private static final Set<String> NORMALISERS = Set.of("os.path.realpath", "os.path.abspath", "os.path.normpath",
            "posixpath.realpath", "posixpath.abspath", "posixpath.normpath");
    private static final Set<String> PATH_METHODS = Set.of("resolve", "absolute");
    private static final int MAX_DEPTH = 3;

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if ("os.path.commonprefix".equals(callee) || "posixpath.commonprefix".equals(callee)) {
            context.report(call.node(), "`os.path.commonprefix` compares the paths character by character, not by "
                    + "component: `/srv/data` is the common prefix of `/srv/data` and `/srv/data-evil/x`, so a check "
                    + "built on it lets a path escape into any sibling directory whose name starts the same way.",
                    Severity.MEDIUM, Confidence.HIGH);
            return;
        }
        if (!"startswith".equals(call.name()) || call.receiver() == null || call.positional().size() != 1) return;
        PyNode path = call.receiver();
        PyNode root = call.positional().get(0);
        if (!normalised(path, context, 0) || endsWithSeparator(root, context, 0) || !directory(root, context, 0)) return;
        context.report(call.node(), "`" + Snippets.shortened(call.node().text(), 60) + "` decides that `" + Snippets.shortened(path.text(), 60)
                + "` is inside `" + Snippets.shortened(root.text(), 60) + "` by text, and `" + Snippets.shortened(root.text(), 60)
                + "` does not end with a separator: a sibling directory whose name begins with the same text "
                + "(`/srv/data-evil` beside `/srv/data`) passes the check.");
    }

    /** The path is made absolute or normal: through realpath/abspath/normpath or Path.resolve(), in it or its value. */
    private static boolean normalised(PyNode expr, RuleContext context, int depth) {
        if (expr == null || depth > MAX_DEPTH) return false;
        Values values = context.values();
        switch (expr.type()) {
            case "identifier" -> {
                return normalised(values.singleAssignedValue(expr), context, depth + 1);
            }
            case "parenthesized_expression" -> {
                List<PyNode> inner = expr.namedChildren();
                return inner.size() == 1 && normalised(inner.get(0), context, depth + 1);
            }
            case "binary_operator" -> {
                return normalised(expr.field("left"), context, depth + 1);
            }
            case "call" -> {
                Call call = Call.of(expr, context.file());
                String callee = call.callee();
                if (callee != null && NORMALISERS.contains(callee)) return true;
                if (call.name() != null && PATH_METHODS.contains(call.name())) return true;
                if ("str".equals(callee) || "os.fspath".equals(callee)) {
                    return normalised(call.argument(0, null), context, depth + 1);
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /** A directory, not a constant marker such as "http" or "." : a variable, or a constant absolute path. */
    private static boolean directory(PyNode root, RuleContext context, int depth) {
        Optional<String> text = context.values().string(root);
        if (text.isPresent()) return text.get().startsWith("/") && text.get().length() > 1;
        return !context.values().isConstant(root);
    }

    /**
     * The directory ends with a separator: a constant ending in "/", {@code root + os.sep}, {@code root + "/"},
     * {@code os.path.join(root, "")}, an f-string ending in "/".
     */
    private static boolean endsWithSeparator(PyNode expr, RuleContext context, int depth) {
        if (expr == null || depth > MAX_DEPTH) return false;
        Values values = context.values();
        Optional<String> constant = values.string(expr);
        if (constant.isPresent()) return constant.get().endsWith("/") || constant.get().endsWith("\\");
        switch (expr.type()) {
            case "identifier" -> {
                return endsWithSeparator(values.singleAssignedValue(expr), context, depth + 1);
            }
            case "parenthesized_expression" -> {
                List<PyNode> inner = expr.namedChildren();
                return inner.size() == 1 && endsWithSeparator(inner.get(0), context, depth + 1);
            }
            case "binary_operator" -> {
                PyNode right = expr.field("right");
                return isSeparator(right, context) || endsWithSeparator(right, context, depth + 1);
            }
            case "attribute" -> {
                return isSeparator(expr, context);
            }
            case "string" -> {
                String text = expr.text();
                return text.endsWith("/\"") || text.endsWith("/'") || text.endsWith("{os.sep}\"")
                        || text.endsWith("{os.path.sep}\"");
            }
            case "call" -> {
                Call call = Call.of(expr, context.file());
                if ("os.path.join".equals(call.callee()) && !call.positional().isEmpty()) {
                    PyNode last = call.positional().get(call.positional().size() - 1);
                    return values.string(last).map(String::isEmpty).orElse(false);
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean isSeparator(PyNode expr, RuleContext context) {
        String name = context.file().qualifiedName(expr);
        return "os.sep".equals(name) || "os.path.sep".equals(name) || "os.altsep".equals(name);
    }
}
