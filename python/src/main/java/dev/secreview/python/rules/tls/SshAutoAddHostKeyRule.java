package dev.secreview.python.rules.tls;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

@RuleInfo(
        id = "py-ssh-auto-add-host-key",
        cwe = 295,
        severity = Severity.HIGH,
        confidence = Confidence.HIGH,
        summary = "A paramiko SSH client accepts unknown host keys (AutoAddPolicy or WarningPolicy).",
        fix = "Load the known hosts and reject unknown keys: client.load_system_host_keys() (or "
                + "client.load_host_keys(path)); client.set_missing_host_key_policy(paramiko.RejectPolicy()).",
        altNames = {"B507"})
public final class SshAutoAddHostKeyRule implements CallRule {

    @Override
    public void visitCall(Call call, RuleContext context) {
        if (!call.name().equals("set_missing_host_key_policy")) return;
        PyNode policy = call.argument(0, "policy");
        if (policy == null) return;
        String qn = context.file().qualifiedName(policy);
        if (qn == null) return;
        if (qn.endsWith("()")) qn = qn.substring(0, qn.length() - 2);
        if (!qn.startsWith("paramiko.")) return;
        String name = qn.substring(qn.lastIndexOf('.') + 1);
        String what = switch (name) {
            case "AutoAddPolicy" -> "silently trusts and stores the key of any host it has not seen";
            case "WarningPolicy" -> "only logs a warning and connects anyway when the host key is unknown";
            default -> null;
        };
        if (what == null) return;
        context.report(call.node(), "`" + call.function().text() + "(" + policy.text() + ")` " + what
                + ", so a machine in the middle can pose as the server and receive the credentials and commands.");
    }
}
