package dev.secreview.python.rules.files;

import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Optional;

/**
 * Paths in the directories where every local user can create files: /tmp, /var/tmp, /dev/shm, and the
 * directory of the {@code tempfile} module ({@code tempfile.gettempdir()}, /tmp unless TMPDIR says otherwise).
 */
final class SharedDirectories {
    private static final String[] DIRECTORIES = {"/tmp/", "/var/tmp/", "/dev/shm/"};
    private static final int MAX_DEPTH = 8;

    /**
     * The shared directory a path lies in: {@code directory} as a reader should see it ({@code /tmp},
     * {@code tempfile.gettempdir()}), {@code literal} when the code names it.
     */
    record Location(String directory, boolean literal) {
    }

    private SharedDirectories() {
    }

    /** The constant value of a path, also through {@code os.path.join} of constants. */
    static Optional<String> constantPath(PyNode path, RuleContext context) {
        Values values = context.values();
        Optional<String> s = values.string(path);
        if (s.isPresent()) return s;
        Call join = pathJoin(path, context.file());
        if (join == null) return Optional.empty();
        StringBuilder joined = new StringBuilder();
        for (PyNode part : join.positional()) {
            Optional<String> piece = values.string(part);
            if (piece.isEmpty()) return Optional.empty();
            String p = piece.get();
            if (p.startsWith("/")) {
                joined.setLength(0);
            } else if (joined.length() > 0 && joined.charAt(joined.length() - 1) != '/') {
                joined.append('/');
            }
            joined.append(p);
        }
        return Optional.of(joined.toString());
    }

    /** Whether a constant path names an entry inside one of the shared directories (not the directory itself). */
    static boolean inSharedDirectory(String path) {
        return containing(path, false) != null;
    }

    /**
     * The shared directory a path is built in, whatever the rest of its name is: from its constant leading
     * text ({@code f"/tmp/{name}.pid"}, {@code "/var/tmp/%s" % name}) or the first part of an
     * {@code os.path.join}; null when the path is not known to lie in one.
     */
    static Location locate(PyNode path, RuleContext context) {
        return locate(path, context, 0);
    }

    private static Location locate(PyNode path, RuleContext context, int depth) {
        if (path == null || depth > MAX_DEPTH) return null;
        Values values = context.values();
        Optional<String> constant = constantPath(path, context);
        if (constant.isPresent()) return literal(containing(constant.get(), false));
        switch (path.type()) {
            case "identifier" -> {
                return locate(values.singleAssignedValue(path), context, depth + 1);
            }
            case "parenthesized_expression" -> {
                List<PyNode> inner = path.namedChildren();
                return inner.size() == 1 ? locate(inner.get(0), context, depth + 1) : null;
            }
            case "string" -> {
                return literal(containing(leadingText(path), true));
            }
            case "binary_operator" -> {
                PyNode left = path.field("left");
                Optional<String> text = values.string(left);
                if ("%".equals(Values.operator(path))) {
                    return text.map(t -> literal(containing(upTo(t, '%'), true))).orElse(null);
                }
                if (!"+".equals(Values.operator(path))) return null;
                return text.isPresent() ? literal(containing(text.get(), true)) : locate(left, context, depth + 1);
            }
            case "call" -> {
                Call call = Call.of(path, context.file());
                PyNode receiver = call.receiver();
                if ("format".equals(call.name()) && receiver != null) {
                    return values.string(receiver).map(t -> literal(containing(upTo(t, '{'), true))).orElse(null);
                }
                Call join = pathJoin(path, context.file());
                if (join == null || join.positional().size() < 2) return null;
                List<PyNode> parts = join.positional();
                for (PyNode later : parts.subList(1, parts.size())) {
                    // an absolute part starts the path again
                    if (values.string(later).filter(s -> s.startsWith("/")).isPresent()) return null;
                }
                PyNode first = parts.get(0);
                if (isTempfileDirectory(first, context, depth)) return new Location(first.text(), false);
                Optional<String> base = values.string(first);
                return base.isPresent() ? literal(containing(base.get() + "/", true)) : locate(first, context, depth + 1);
            }
            default -> {
                return null;
            }
        }
    }

    /** {@code tempfile.gettempdir()}, {@code tempfile.tempdir}, or a name given one of them. */
    private static boolean isTempfileDirectory(PyNode expr, RuleContext context, int depth) {
        if (expr == null || depth > MAX_DEPTH) return false;
        if (expr.is("identifier")) {
            PyNode value = context.values().singleAssignedValue(expr);
            if (value != null) return isTempfileDirectory(value, context, depth + 1);
        }
        if (expr.is("call")) return Call.of(expr, context.file()).calls("tempfile.gettempdir", "tempfile.gettempdirb");
        return "tempfile.tempdir".equals(context.file().qualifiedName(expr));
    }

    private static Call pathJoin(PyNode path, PythonFile file) {
        if (!path.is("call")) return null;
        Call join = Call.of(path, file);
        return join.calls("os.path.join", "posixpath.join") && !join.unpacksArguments() && !join.positional().isEmpty()
                ? join : null;
    }

    /** The text of an f-string before its first replacement field. */
    private static String leadingText(PyNode string) {
        StringBuilder text = new StringBuilder();
        for (PyNode child : string.namedChildren()) {
            if (child.is("interpolation")) break;
            if (child.is("string_content")) text.append(child.text());
        }
        return text.toString();
    }

    private static String upTo(String template, char placeholder) {
        int at = template.indexOf(placeholder);
        return at < 0 ? template : template.substring(0, at);
    }

    /**
     * The shared directory {@code text} starts with, without its trailing slash; {@code more} when the path goes
     * on after {@code text}, so {@code "/tmp/"} followed by a name is inside /tmp while {@code "/tmp/"} alone is not.
     */
    private static String containing(String text, boolean more) {
        for (String dir : DIRECTORIES) {
            if (text.startsWith(dir) && (more || text.length() > dir.length())) {
                return dir.substring(0, dir.length() - 1);
            }
        }
        return null;
    }

    private static Location literal(String directory) {
        return directory == null ? null : new Location(directory, true);
    }
}
