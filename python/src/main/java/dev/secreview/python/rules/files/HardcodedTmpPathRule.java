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
