package dev.secreview.python.rules.injection;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.List;

@RuleInfo(
        id = "py-subprocess-shell",
        cwe = 78,
        judgedBy = "command",
        severity = Severity.HIGH,
        confidence = Confidence.MEDIUM,
        summary = "A command that is not a constant is run through the shell (shell=True).",
        fix = "Pass the command as a list of arguments without shell=True, e.g. subprocess.run([\"ping\", \"-c\", \"1\", host]); if a shell is unavoidable, quote every variable part with shlex.quote().",
        altNames = {"B602", "B604"})
public final class SubprocessShellRule implements CallRule {

    @Override
    public void visitCall(Call call, RuleContext context) {
        boolean alwaysShell = call.calls("subprocess.getoutput", "subprocess.getstatusoutput",
                "asyncio.create_subprocess_shell", "commands.getoutput", "commands.getstatusoutput");
        boolean shellOption = call.calls("subprocess.Popen", "subprocess.run", "subprocess.call",
                "subprocess.check_call", "subprocess.check_output")
                && context.values().isTrue(call.keyword("shell"));
        if ((!alwaysShell && !shellOption)) return;
        PyNode command = call.argument(0, alwaysShell ? "cmd" : "args");
        if (command == null) return;
        if (command.is("list") || command.is("tuple")) {
            // With a shell, only the first element is the command line; the rest are shell arguments.
            List<PyNode> items = command.namedChildren();
            if (items.isEmpty()) return;
            command = items.get(0);
        }
        String how = alwaysShell ? "`" + call.callee() + "` always runs its command through a shell"
                : "`" + call.callee() + "` runs its command through a shell because of `shell=True`";
        ShellCommands.report(call, command, how, context);
    }
}
