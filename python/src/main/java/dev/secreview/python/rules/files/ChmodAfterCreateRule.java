package dev.secreview.python.rules.files;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "py-chmod-after-create",
        cwe = 732,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A file is created with the default mode, readable by other users, and made private with chmod only "
                + "afterwards: whoever opens it in between keeps reading it.",
        fix = "Create it with its final mode: `fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)` and "
                + "`os.fdopen(fd, \"w\")` (remove an old file first: the mode applies only to a new file), or set "
                + "`os.umask(0o077)` around the creation.")
public final class ChmodAfterCreateRule implements NodeRule {
    /** A chmod that leaves group and others nothing is the evidence that the file is meant to be private. */
    private static final long GROUP_AND_OTHERS = 077;
    /** The read bits the usual umask 022 leaves on a new file (0o644): group and others. */
    private static final long GROUP_AND_OTHER_READ = 044;

    /** A call that creates a file through a path, with the path expression as written. */
    private record Creation(Call call, PyNode path) {
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of("module", "function_definition");
    }

    @Override
    public void visitNode(PyNode scope, RuleContext context) {
        List<Call> calls = callsOf(scope.is("module") ? scope : scope.field("body"), context);
        Set<PyNode> reported = new HashSet<>();
        for (Call chmod : calls) {
            PyNode target = chmodTarget(chmod);
            if (target == null) continue;
            PyNode modeArgument = chmod.calls("pathlib.Path().chmod") ? chmod.argument(0, "mode")
                    : chmod.argument(1, "mode");
            StatModeBits.Mode mode = StatModeBits.fold(modeArgument, context.file(), context.values());
            if (mode == null || !mode.exact() || (mode.bits() & GROUP_AND_OTHERS) != 0) continue;
            for (Call call : calls) {
                if (call.node().endOffset() > chmod.node().startOffset()) break;
                Creation creation = creation(call, context);
                if (creation == null || reported.contains(call.node()) || !sameFile(creation, target, chmod, context)
                        || privateUmaskBefore(calls, call, context)) {
                    continue;
                }
                reported.add(call.node());
                report(creation, chmod, mode.bits(), context);
            }
        }
    }

    /** The calls of a scope in the order they finish, without those of nested functions, lambdas and classes. */
    private static List<Call> callsOf(PyNode body, RuleContext context) {
        List<Call> calls = new ArrayList<>();
        if (body == null) return calls;
        List<PyNode> stack = new ArrayList<>();
        stack.add(body);
        while (!stack.isEmpty()) {
            PyNode node = stack.remove(stack.size() - 1);
            if (node != body && (node.is("function_definition") || node.is("lambda") || node.is("class_definition"))) {
                continue;
            }
            if (node.is("call")) calls.add(Call.of(node, context.file()));
            for (int i = node.childCount() - 1; i >= 0; i--) stack.add(node.child(i));
        }
        // A call finishes after the calls in its arguments: `open(p, "w").close()` creates before it closes.
        calls.sort((a, b) -> Integer.compare(a.node().endOffset(), b.node().endOffset()));
        return calls;
    }

    /** What a chmod call changes: a path, a {@code Path} object, or a descriptor; null for other calls. */
    private static PyNode chmodTarget(Call call) {
        if (call.calls("os.chmod")) return call.argument(0, "path");
        if (call.calls("os.fchmod")) return call.argument(0, "fd");
        if (call.calls("pathlib.Path().chmod")) return call.receiver();
        return null;
    }

    /** A call that creates a file with the default mode (or a mode others can read), and the path it creates. */
    private static Creation creation(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null) return null;
        switch (callee) {
            case "open", "io.open", "codecs.open" -> {
                Optional<String> mode = context.values().string(call.argument(1, "mode"));
                if (mode.isEmpty() || !mode.get().matches(".*[wax].*")) return null;
                PyNode path = call.argument(0, callee.equals("codecs.open") ? "filename" : "file");
                return path == null ? null : new Creation(call, path);
            }
            case "os.open" -> {
                PyNode flags = call.argument(1, "flags");
                if (flags == null || !flags.text().contains("O_CREAT") || !readableByOthers(call.argument(2, "mode"),
                        context)) {
                    return null;
                }
                PyNode path = call.argument(0, "path");
                return path == null ? null : new Creation(call, path);
            }
            case "shutil.copy", "shutil.copy2", "shutil.copyfile" -> {
                PyNode path = call.argument(1, "dst");
                return path == null ? null : new Creation(call, path);
            }
            case "pathlib.Path().write_text", "pathlib.Path().write_bytes" -> {
                return new Creation(call, call.receiver());
            }
            case "pathlib.Path().touch" -> {
                return readableByOthers(call.argument(0, "mode"), context) ? new Creation(call, call.receiver()) : null;
            }
            case "pathlib.Path().open" -> {
                Optional<String> mode = context.values().string(call.argument(0, "mode"));
                return mode.isPresent() && mode.get().matches(".*[wax].*") ? new Creation(call, call.receiver()) : null;
            }
            default -> {
                return null;
            }
        }
    }

    /** Whether a creation mode (absent: the default 0o777/0o666) keeps read access for group or others. */
    private static boolean readableByOthers(PyNode mode, RuleContext context) {
        if (mode == null) return true;
        StatModeBits.Mode bits = StatModeBits.fold(mode, context.file(), context.values());
        return bits != null && (bits.bits() & GROUP_AND_OTHER_READ) != 0;
    }

    /**
     * Whether the chmod changes the file the creation made: the same path expression, also through
     * {@code Path(p)}; for {@code os.fchmod}, the descriptor of the created file ({@code f.fileno()}, or the
     * result of {@code os.open}).
     */
    private static boolean sameFile(Creation creation, PyNode target, Call chmod, RuleContext context) {
        if (chmod.calls("os.fchmod")) {
            PyNode fd = target;
            if (fd.is("call") && "fileno".equals(Call.of(fd, context.file()).name())) {
                fd = Call.of(fd, context.file()).receiver();
            }
            return context.file().constructorCall(fd) == creation.call().node();
        }
        return pathText(creation.path(), context).equals(pathText(target, context));
    }

    private static String pathText(PyNode path, RuleContext context) {
        if (path.is("call")) {
            Call built = Call.of(path, context.file());
            if (built.calls("pathlib.Path", "pathlib.PosixPath") && built.positional().size() == 1) {
                path = built.positional().get(0);
            }
        }
        return path.text().replaceAll("\\s+", "");
    }

    /** Whether the scope sets a umask that removes read access for group and others before the creation. */
    private static boolean privateUmaskBefore(List<Call> calls, Call creation, RuleContext context) {
        for (Call call : calls) {
            if (call.node().endOffset() > creation.node().startOffset()) return false;
            if (!call.calls("os.umask")) continue;
            Optional<Object> mask = context.values().constant(call.argument(0, "mask"));
            if (mask.isPresent() && mask.get() instanceof Long m && (m & GROUP_AND_OTHER_READ) == GROUP_AND_OTHER_READ) {
                return true;
            }
        }
        return false;
    }

    private static void report(Creation creation, Call chmod, long mode, RuleContext context) {
        String created = quote(creation.call().node());
        String path = quote(creation.path());
        context.report(creation.call().node(), created + " creates " + path + " (when it is new) readable by every local "
                + "user under the usual umask 022, and " + quote(chmod.node()) + " on line " + chmod.node().startLine()
                + " makes it private to its owner (" + StatModeBits.octal(mode) + ") only afterwards: whoever opens it "
                + "in between keeps reading it through that descriptor, including what is written later.");
    }

    private static String quote(PyNode node) {
        String text = node.text().replaceAll("\\s+", " ");
        return "`" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "`";
    }
}
