package dev.secreview.python.rules.files;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;

@RuleInfo(
        id = "py-tempfile-mktemp",
        cwe = 377,
        severity = Severity.MEDIUM,
        confidence = Confidence.HIGH,
        summary = "A temporary file name is generated without creating the file (tempfile.mktemp, os.tempnam, os.tmpnam).",
        fix = "Let tempfile create the file atomically and hand you the open handle: `fd, path = tempfile.mkstemp()` "
                + "or `with tempfile.NamedTemporaryFile(delete=False) as f:`; for a directory use `tempfile.mkdtemp()`.",
        altNames = {"B306", "B325"})
public final class TempfileMktempRule implements CallRule {

    @Override
    public void visitCall(Call call, RuleContext context) {
        if (!call.calls("tempfile.mktemp", "os.tempnam", "os.tmpnam")) return;
        String callee = call.callee();
        String extra = call.callee().startsWith("os.")
                ? " (`" + callee + "` is also gone from Python 3, so this code is Python 2 only)"
                : "";
        context.report(call.node(), "`" + callee + "()` only returns a name that did not exist a moment ago; the file "
                + "is created later by the caller, and in between another local user can create that file or a "
                + "symlink with that name and have this process write through it" + extra + ".");
    }
}
