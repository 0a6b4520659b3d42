package dev.secreview.python.rules.files;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.Optional;

@RuleInfo(
        id = "py-hardcoded-tmp-path",
        cwe = 377,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A file or directory is created at a fixed name in a world-writable directory (/tmp, /var/tmp, /dev/shm).",
        fix = "Create it with a name nobody can predict and exclusive creation: `fd, path = tempfile.mkstemp(prefix=\"nova-\")`, "
                + "`tempfile.NamedTemporaryFile()` or `tempfile.mkdtemp()`; for state that must persist use a directory "
                + "owned by the service (e.g. CONF.state_path or $XDG_RUNTIME_DIR).",
        altNames = {"B108"})
public final class HardcodedTmpPathRule implements CallRule {
    /** Parts of a file name that make it unpredictable. */
    private static final java.util.regex.Pattern RANDOM_NAME = java.util.regex.Pattern.compile(
            "uuid|secrets\\.|token_hex|token_urlsafe|urandom|mkstemp|mkdtemp|random");
    /** Calls that create or fill the file at their first argument ({@code atomic_open}, {@code extract}, {@code save}). */
    private static final java.util.regex.Pattern WRITER_NAME = java.util.regex.Pattern.compile(
            "open|write|save|extract|dump|copy|move|mkdir|makedirs");
    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null) return;
        PyNode path;
        boolean exclusive = false;
        String what = "file";
        switch (callee) {
            case "open", "io.open", "codecs.open", "gzip.open", "bz2.open", "lzma.open" -> {
                String mode = context.values().string(call.argument(1, "mode")).orElse(null);
                if (mode == null || !isWriteMode(mode)) return;
                exclusive = mode.contains("x");
                path = call.argument(0, "file");
                if (path == null) path = call.argument(0, "filename");
            }
            case "os.open" -> {
                PyNode flags = call.argument(1, "flags");
                if (flags == null) return;
                String text = flags.text();
                if (!(text.contains("O_CREAT") || text.contains("O_WRONLY") || text.contains("O_RDWR")
                        || text.contains("O_APPEND") || text.contains("O_TRUNC"))) {
                    return;
                }
                exclusive = text.contains("O_EXCL");
                path = call.argument(0, "path");
            }
            case "shutil.copy", "shutil.copy2", "shutil.copyfile", "shutil.copytree", "shutil.move" -> {
                path = call.argument(1, "dst");
                what = callee.equals("shutil.copytree") ? "directory" : "file";
            }
            case "os.mkdir", "os.makedirs" -> {
                path = call.argument(0, callee.equals("os.mkdir") ? "path" : "name");
                what = "directory";
            }
            case "logging.FileHandler", "logging.handlers.RotatingFileHandler",
                    "logging.handlers.TimedRotatingFileHandler", "logging.handlers.WatchedFileHandler" -> {
                path = call.argument(0, "filename");
                what = "log file";
            }
            case "logging.basicConfig" -> {
                path = call.keyword("filename");
                what = "log file";
            }
            case "pathlib.Path().write_text", "pathlib.Path().write_bytes", "pathlib.Path().touch",
                    "pathlib.Path().mkdir", "pathlib.Path().open", "pathlib.PurePath().write_text" -> {
                if (callee.endsWith(".open")) {
                    String mode = context.values().string(call.argument(0, "mode")).orElse(null);
                    if (mode == null || !isWriteMode(mode)) return;
                    exclusive = mode.contains("x");
                }
                if (callee.endsWith(".touch")) {
                    exclusive = context.values().isFalse(call.keyword("exist_ok"));
                }
                path = pathOfPathObject(call, context);
                what = callee.endsWith(".mkdir") ? "directory" : "file";
            }
            case "os.path.join" -> {
                joinedIntoTempDirectory(call, context);
                return;
            }
            default -> {
                return;
            }
        }
        if (path == null) return;
        Optional<String> literal = SharedDirectories.constantPath(path, context);
        if (literal.isEmpty() || !SharedDirectories.inSharedDirectory(literal.get())) return;
        String value = literal.get();
        String named = path.is("string") ? "`" + value + "`" : "`" + value + "` (from `" + Snippets.shortened(path.text(), 60) + "`)";
        if (exclusive) {
            context.report(call.node(), "`" + callee + "` creates the " + what + " " + named + " exclusively, so it "
                    + "cannot be hijacked, but the name is fixed in a world-writable directory: any local user can "
                    + "create it first and make this code fail every time.", Severity.LOW, Confidence.MEDIUM);
            return;
        }
        String risk = what.equals("directory")
                ? "another local user can create that directory first and then own, read and swap everything written into it"
                : "another local user can create it first or plant a symlink there, and make this process write to a "
                        + "file of their choosing";
        context.report(call.node(), "`" + callee + "` creates the " + what + " " + named + " at a fixed, predictable "
                + "name in a world-writable directory; " + risk + ".", Severity.MEDIUM,
                path.is("string") ? Confidence.HIGH : Confidence.MEDIUM);
    }

    /**
     * {@code path = os.path.join(tempfile.gettempdir(), name)} then a call that writes or extracts to {@code path}:
     * the shared temporary directory under a name anyone can predict, as with a literal /tmp path.
     */
    private static void joinedIntoTempDirectory(Call call, RuleContext context) {
        PyNode arguments = call.node().field("arguments");
        if (arguments == null || arguments.namedChildren().size() < 2 || !tempDirectory(arguments.namedChildren().get(0), context)) {
            return;
        }
        for (PyNode part : arguments.namedChildren().subList(1, arguments.namedChildren().size())) {
            if (RANDOM_NAME.matcher(part.text()).find()) return;
        }
        PyNode assignment = call.node().parent();
        if (assignment == null || !assignment.is("assignment") || assignment.field("left") == null
                || !assignment.field("left").is("identifier")) {
            return;
        }
        String name = assignment.field("left").text();
        PyNode function = context.file().enclosingFunction(call.node());
        PyNode scope = function == null ? context.file().root() : function;
        PyNode[] writer = {null};
        scope.forEachDescendant(n -> {
            if (writer[0] != null || !n.is("call") || n.startOffset() < call.node().endOffset()) return;
            Call use = Call.of(n, context.file());
            PyNode first = use.argument(0, null);
            if (first != null && first.is("identifier") && first.text().equals(name) && WRITER_NAME.matcher(use.name()).find()) {
                writer[0] = n;
            }
        });
        if (writer[0] == null || checksOwner(scope, name)) return;
        context.report(call.node(), "`" + name + "` is a file in the shared temporary directory named by `"
                + Snippets.shortened(arguments.namedChildren().get(arguments.namedChildren().size() - 1).text(), 40)
                + "`, which anyone can predict, and `" + Snippets.shortened(writer[0].text(), 50) + "` (line "
                + writer[0].startLine() + ") uses it: another local user can create that file or a symlink there "
                + "first, and make this process write where they choose or read what they planted.",
                Severity.MEDIUM, Confidence.MEDIUM);
    }

    /**
     * Whether the function checks who owns what is at {@code name} ({@code os.lstat(name).st_uid}), as Jinja's
     * bytecode cache does before it trusts its directory in /tmp.
     */
    private static boolean checksOwner(PyNode scope, String name) {
        if (!scope.text().contains("st_uid")) return false;
        boolean[] found = {false};
        scope.forEachDescendant(n -> {
            if (!found[0] && n.is("call")) {
                found[0] = n.text().startsWith("os.lstat(" + name) || n.text().startsWith("os.stat(" + name);
            }
        });
        return found[0];
    }


    /** {@code tempfile.gettempdir()}, or a local name given only that. */
    private static boolean tempDirectory(PyNode expr, RuleContext context) {
        PyNode value = expr.is("identifier") ? context.values().singleAssignedValue(expr) : expr;
        return value != null && value.is("call") && Call.of(value, context.file()).calls("tempfile.gettempdir");
    }

    private static boolean isWriteMode(String mode) {
        return mode.contains("w") || mode.contains("a") || mode.contains("x") || mode.contains("+");
    }

    /** The path a {@code Path(...)} receiver was built from: {@code Path("/tmp/x").touch()} or {@code p = Path(...)}. */
    private static PyNode pathOfPathObject(Call call, RuleContext context) {
        PyNode built = context.file().constructorCall(call.receiver());
        if (built == null) return null;
        String factory = context.file().qualifiedName(built.field("function"));
        if (!"pathlib.Path".equals(factory) && !"pathlib.PurePath".equals(factory)
                && !"pathlib.PosixPath".equals(factory)) {
            return null;
        }
        return Call.of(built, context.file()).argument(0, null);
    }
}
