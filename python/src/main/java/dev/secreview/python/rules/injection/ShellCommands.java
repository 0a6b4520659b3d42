package dev.secreview.python.rules.injection;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Interpolation;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Set;

/** How the shell-command rules judge and explain a command line that a shell will parse. */
final class ShellCommands {
    private static final Set<String> QUOTING = Set.of("shlex.quote", "pipes.quote");

    private ShellCommands() {
    }

    /**
     * Reports {@code command} unless it is a constant or built only from constants, numbers and
     * {@code shlex.quote()}d values; {@code how} says how the call reaches the shell.
     */
    static void report(Call call, PyNode command, String how, RuleContext context) {
        Values values = context.values();
        if (values.isConstant(command)) return;
        PythonFile file = context.file();
        Interpolation.Result built = Interpolation.of(command, file, values);
        if (built != null) {
            List<PyNode> risky = built.riskyParts(file,
                    part -> QUOTING.contains(String.valueOf(Interpolation.calledName(part, file))));
            // Only constants, numbers and shlex.quote()d values go into the command line.
            if (risky.isEmpty()) return;
            context.report(call.node(), how + ", and the command is assembled from " + Interpolation.names(risky)
                    + "; a `;`, `|` or `$(...)` in " + (risky.size() == 1 ? "that value" : "those values")
                    + " runs a command of its own.", Severity.HIGH, Confidence.HIGH);
            return;
        }
        context.report(call.node(), how + ", and the command " + Interpolation.quote(command)
                + " is not a constant; if any of it comes from outside the program, it can inject shell commands.",
                Severity.HIGH, Confidence.MEDIUM);
    }

}
