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
        id = "py-ssti",
        cwe = 1336,
        judgedBy = "code",
        severity = Severity.HIGH,
        confidence = Confidence.MEDIUM,
        summary = "A Jinja2 or Mako template is compiled from text that is not a constant "
                + "(render_template_string, jinja2.Template, Environment.from_string).",
        fix = "Keep the template text constant (or in a template file) and pass data as context variables, "
                + "e.g. render_template_string(\"Hello {{ name }}\", name=name); if users must author "
                + "templates, render them with jinja2.sandbox.SandboxedEnvironment.",
        altNames = {})
public final class SstiRule implements CallRule {

    private static final Set<String> TEMPLATE_FROM_TEXT = Set.of("flask.render_template_string",
            "flask.templating.render_template_string", "jinja2.Template", "jinja2.environment.Template",
            "mako.template.Template");
    /** Calls whose result is a template file's text, shipped with the application. */
    private static final Set<String> FILE_READS = Set.of("read", "read_text", "get_data", "resource_string",
            "get_source");

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null) return;
        boolean fromText = TEMPLATE_FROM_TEXT.contains(callee);
        boolean fromString = callee.endsWith(".from_string")
                && (callee.startsWith("jinja2.") || callee.startsWith("flask.")) && !callee.contains("Sandboxed");
        if (!fromText && !fromString) return;
        PyNode source = call.argument(0, callee.startsWith("mako.") ? "text" : "source");
        if (source == null) return;
        Values values = context.values();
        if (values.isConstant(source) || readFromFile(source, values)) return;
        PythonFile file = context.file();
        String what = "`" + shortName(callee) + "`";
        Interpolation.Result built = Interpolation.of(source, file, values);
        if (built != null) {
            List<PyNode> risky = built.riskyParts(file, part -> false);
            if (risky.isEmpty()) return;
            context.report(call.node(), what + " compiles a template whose text is assembled from "
                    + Interpolation.names(risky) + "; template syntax in " + (risky.size() == 1 ? "that value" : "those values")
                    + " (`{{ ... }}`) is executed by the engine, which can reach Python objects and run code. "
                    + "Pass the values as context variables instead.", Severity.HIGH, Confidence.HIGH);
            return;
        }
        context.report(call.node(), what + " compiles " + Interpolation.quote(source) + " as template source, and "
                + "it is not a constant; if a user can influence it, `{{ ... }}` expressions in it run inside the "
                + "template engine and can execute code.", Severity.HIGH, Confidence.MEDIUM);
    }

    /** {@code Template(open(path).read())}, {@code tpl = path.read_text()}: a template file, not user text. */
    private static boolean readFromFile(PyNode source, Values values) {
        PyNode expr = source;
        if (expr.is("identifier")) {
            PyNode assigned = values.singleAssignedValue(expr);
            if (assigned != null) expr = assigned;
        }
        if (!expr.is("call")) return false;
        PyNode function = expr.field("function");
        if (function == null || !function.is("attribute")) return false;
        PyNode attribute = function.field("attribute");
        return attribute != null && FILE_READS.contains(attribute.text());
    }

    private static String shortName(String callee) {
        int paren = callee.lastIndexOf("()");
        if (paren >= 0) return callee.substring(callee.lastIndexOf('.', paren) + 1);
        return callee.substring(callee.lastIndexOf('.') + 1) + "()";
    }
}
