package dev.secreview.python.rules.injection;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Interpolation;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "py-eval",
        cwe = 95,
        severity = Severity.HIGH,
        confidence = Confidence.MEDIUM,
        summary = "The builtin eval() or exec() runs Python source that is not a constant.",
        fix = "Do not evaluate data as code: parse literals with ast.literal_eval(text) or json.loads(text), "
                + "and map names to functions with a dict (handlers = {\"add\": add}; handlers[name]()) "
                + "instead of building source text.",
        altNames = {"B307", "B102"})
public final class EvalRule implements CallRule {

    private static final Set<String> EVALUATORS = Set.of("eval", "exec", "builtins.eval", "builtins.exec",
            "__builtin__.eval");

    @Override
    public void visitCall(Call call, RuleContext context) {
        // `eval` resolves to the builtin only when no local or imported name shadows it.
        if (call.callee() == null || !EVALUATORS.contains(call.callee())) return;
        PyNode source = call.argument(0, "source");
        if (source == null) return;
        Values values = context.values();
        if (values.isConstant(source) || compiledConstant(source, context)) return;
        PythonFile file = context.file();
        String function = call.callee().substring(call.callee().lastIndexOf('.') + 1);
        Interpolation.Result built = Interpolation.of(source, file, values);
        if (built != null) {
            List<PyNode> risky = built.riskyParts(file, part -> false);
            if (risky.isEmpty()) return;
            context.report(call.node(), "`" + function + "()` runs Python source assembled from "
                    + Interpolation.names(risky) + "; whatever " + (risky.size() == 1 ? "that value holds" : "those values hold")
                    + " becomes code, so text such as `__import__('os').system(...)` in it runs with the "
                    + "privileges of this process.", Severity.HIGH, Confidence.HIGH);
            return;
        }
        context.report(call.node(), "`" + function + "()` runs " + Interpolation.quote(source)
                + " as Python code, and that value is not a constant; if it can come from a user, a request "
                + "or a file, this is arbitrary code execution.", Severity.HIGH, Confidence.MEDIUM);
    }

    /** {@code eval(compile("1 + 2", "<expr>", "eval"))}: a code object compiled from a constant. */
    private static boolean compiledConstant(PyNode source, RuleContext context) {
        PyNode expr = source;
        if (expr.is("identifier")) {
            PyNode assigned = context.values().singleAssignedValue(expr);
            if (assigned != null) expr = assigned;
        }
        if (!expr.is("call")) return false;
        Call compile = Call.of(expr, context.file());
        if (!compile.calls("compile", "builtins.compile")) return false;
        PyNode text = compile.argument(0, "source");
        return text != null && context.values().isConstant(text);
    }
}
