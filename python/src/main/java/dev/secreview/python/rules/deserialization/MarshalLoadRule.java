package dev.secreview.python.rules.deserialization;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

@RuleInfo(
        id = "py-marshal-load",
        cwe = 502,
        judgedBy = "deserialization",
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "Data is deserialized with marshal.load()/marshal.loads(), a format that is not safe "
                + "against malicious input.",
        fix = "Use marshal only for .pyc-style data this program wrote itself; exchange data with other "
                + "parties as JSON (json.loads(body)) or another format with a validating parser.",
        altNames = {"B302"})
public final class MarshalLoadRule implements CallRule {

    @Override
    public void visitCall(Call call, RuleContext context) {
        if (!call.calls("marshal.load", "marshal.loads")) return;
        PyNode data = call.argument(0, null);
        if (data == null) return;
        if (context.values().isConstant(data) || PickleLoadRule.roundTrip(data, context)) return;
        String what = "`" + call.function().text() + "`";
        boolean request = PickleLoadRule.fromRequest(data, context.values());
        context.report(call.node(), what + " deserializes " + PickleLoadRule.quote(data)
                + (request ? ", which comes from the request" : "")
                + "; marshal is not built to withstand malicious data: crafted bytes can crash the interpreter "
                + "or produce code objects, so only load data this program wrote itself.",
                request ? Severity.HIGH : Severity.MEDIUM, request ? Confidence.HIGH : Confidence.MEDIUM);
    }
}
