package dev.secreview.python.rules.injection;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "py-os-system",
        cwe = 78,
        judgedBy = "command",
        severity = Severity.HIGH,
        confidence = Confidence.MEDIUM,
        summary = "A command line that is not a constant is run through the shell by os.system, os.popen, "
                + "popen2, platform.popen or an os.spawn*/os.exec* call of /bin/sh -c.",
        fix = "Run the program without a shell and pass its arguments as a list, e.g. "
                + "subprocess.run([\"ping\", \"-c\", \"1\", host], check=True); if a shell is unavoidable, "
                + "quote every variable part with shlex.quote().",
        altNames = {"B605", "B606"})
public final class OsSystemRule implements CallRule {

    /** Functions whose command argument is always a shell command line. */
    private static final Set<String> SHELL_COMMANDS = Set.of("os.system", "os.popen", "os.popen2", "os.popen3",
            "os.popen4", "posix.system", "posix.popen", "nt.system", "nt.popen", "platform.popen");
    /** popen2 runs a string through /bin/sh and a list without it. */
    private static final Set<String> POPEN2 = Set.of("popen2.popen2", "popen2.popen3", "popen2.popen4",
            "popen2.Popen3", "popen2.Popen4");
    /** os.spawn*(mode, path, ...): the program path is the second argument. */
    private static final Set<String> SPAWN = Set.of("os.spawnl", "os.spawnle", "os.spawnlp", "os.spawnlpe",
            "os.spawnv", "os.spawnve", "os.spawnvp", "os.spawnvpe");
    /** os.exec*(path, ...): the program path is the first argument. */
    private static final Set<String> EXEC = Set.of("os.execl", "os.execle", "os.execlp", "os.execlpe",
            "os.execv", "os.execve", "os.execvp", "os.execvpe");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "zsh", "ksh", "csh", "tcsh", "ash",
            "busybox", "cmd", "cmd.exe", "powershell", "powershell.exe", "pwsh");

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null) return;
        PyNode command;
        String how;
        if (SHELL_COMMANDS.contains(callee)) {
            command = call.argument(0, "cmd");
            if (command == null) command = call.keyword("command");
            how = "`" + callee + "` passes its command line to the shell";
        } else if (POPEN2.contains(callee)) {
            command = call.argument(0, "cmd");
            if (command == null || command.is("list") || command.is("tuple")) return;
            how = "`" + callee + "` runs a string command through `/bin/sh`";
        } else if (SPAWN.contains(callee) || EXEC.contains(callee)) {
            command = shellCommand(call, callee.substring(callee.indexOf('.') + 1), context.values());
            if (command == null) return;
            how = "`" + callee + "` starts a shell with `-c`, which parses its command line";
        } else {
            return;
        }
        if (command == null) return;
        ShellCommands.report(call, command, how, context);
    }

    /**
     * For os.spawn* and os.exec* calls of a shell ({@code os.spawnl(os.P_WAIT, "/bin/sh", "sh", "-c", cmd)}),
     * the argument after {@code -c}; null when the program is not a shell or there is no {@code -c}.
     */
    private static PyNode shellCommand(Call call, String name, Values values) {
        int pathIndex = name.startsWith("spawn") ? 1 : 0;
        List<PyNode> positional = call.positional();
        if (positional.size() <= pathIndex) return null;
        Optional<String> path = values.string(positional.get(pathIndex));
        if (path.isEmpty() || !SHELLS.contains(basename(path.get()))) return null;
        List<PyNode> argv = new ArrayList<>();
        if (name.contains("v")) {
            // spawnv(mode, path, args[, env]) / execv(path, args[, env]): args is one sequence.
            if (positional.size() <= pathIndex + 1) return null;
            PyNode args = positional.get(pathIndex + 1);
            if (!args.is("list") && !args.is("tuple")) return null;
            argv.addAll(args.namedChildren());
        } else {
            argv.addAll(positional.subList(pathIndex + 1, positional.size()));
            if (name.endsWith("e") && !argv.isEmpty()) argv.remove(argv.size() - 1);  // the env mapping
        }
        for (int i = 0; i + 1 < argv.size(); i++) {
            Optional<String> flag = values.string(argv.get(i));
            if (flag.isPresent() && (flag.get().equals("-c") || flag.get().equalsIgnoreCase("/c")
                    || flag.get().equalsIgnoreCase("-Command"))) {
                return argv.get(i + 1);
            }
        }
        return null;
    }

    private static String basename(String path) {
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        return name.toLowerCase(Locale.ROOT);
    }
}
