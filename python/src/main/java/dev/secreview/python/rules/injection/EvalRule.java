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
        judgedBy = "code",
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
        if (values.isConstant(source) || compiledConstant(source, context) || wholeFileText(source, context)) return;
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

    /**
     * {@code exec(f.read())} of a file opened here, or of {@code compile(f.read(), path, "exec")}: that runs a
     * module from a file, as an import does, and is a defect only when others can write the file or choose
     * its path, which the path rules and the dataflow judge at {@code open}; the text is not data made code.
     */
    private static boolean wholeFileText(PyNode source, RuleContext context) {
        PyNode expr = assignedOrItself(source, context);
        if (expr.is("call") && Call.of(expr, context.file()).calls("compile", "builtins.compile")) {
            PyNode text = Call.of(expr, context.file()).argument(0, "source");
            if (text == null) return false;
            expr = assignedOrItself(text, context);
        }
        if (!expr.is("call") || expr.field("function") == null || !expr.field("function").is("attribute")) return false;
        PyNode read = expr.field("function");
        if (!"read".equals(read.field("attribute").text()) || !expr.field("arguments").namedChildren().isEmpty()) {
            return false;
        }
        PyNode handle = read.field("object");
        return isOpenCall(handle, context) || handle.is("identifier") && openedAs(handle, context);
    }

    private static PyNode assignedOrItself(PyNode expr, RuleContext context) {
        PyNode assigned = expr.is("identifier") ? context.values().singleAssignedValue(expr) : null;
        return assigned != null ? assigned : expr;
    }

    private static boolean isOpenCall(PyNode node, RuleContext context) {
        return node.is("call") && Call.of(node, context.file()).calls("open", "io.open", "builtins.open");
    }

    /** Whether {@code name} is bound by {@code with open(...) as name} or {@code name = open(...)}. */
    private static boolean openedAs(PyNode name, RuleContext context) {
        if (isOpenCall(assignedOrItself(name, context), context)) return true;
        PyNode scope = context.file().enclosingFunction(name);
        boolean[] found = {false};
        (scope != null ? scope : context.file().root()).forEachDescendant(n -> {
            PyNode alias = n.is("as_pattern") ? n.field("alias") : null;
            if (alias != null && alias.text().equals(name.text()) && isOpenCall(n.namedChildren().get(0), context)) {
                found[0] = true;
            }
        });
        return found[0];
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
