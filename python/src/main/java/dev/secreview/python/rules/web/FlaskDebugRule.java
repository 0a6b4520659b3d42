package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RewriteInfo;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "py-flask-debug",
        cwe = 489,
        severity = Severity.HIGH,
        confidence = Confidence.HIGH,
        summary = "A Flask/Werkzeug application is run with the interactive debugger enabled.",
        fix = "Leave debug off in code and enable it only on a developer machine through the environment: "
                + "`flask --app app run --debug`, or `app.run(debug=os.environ.get(\"FLASK_DEBUG\") == \"1\")`; "
                + "serve production traffic with gunicorn/uWSGI/mod_wsgi.",
        altNames = {"B201"},
        rewrites = @RewriteInfo(find = "\\bdebug(\\s*)=(\\s*)True\\b", replace = "debug$1=$2False"))
public final class FlaskDebugRule implements CallRule, NodeRule {
    private static final String DEBUGGER = "the Werkzeug debugger lets anyone who can reach the server and trigger an "
            + "error page run Python code in the server process (the debugger PIN is the only barrier)";

    @Override
    public Set<String> nodeTypes() {
        return Set.of("assignment");
    }

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null) return;
        switch (callee) {
            case "flask.Flask().run" -> {
                PyNode debug = call.argument(2, "debug");
                if (context.values().isTrue(debug)) {
                    context.report(call.node(), "`" + call.function().text() + "(debug=True)` starts the Flask "
                            + "development server with debug mode on: " + DEBUGGER + ".");
                }
            }
            case "flask.Flask().config.update", "flask.Flask().config.from_mapping" -> {
                if (context.values().isTrue(call.keyword("DEBUG"))) {
                    context.report(call.node(), "`" + call.function().text() + "(DEBUG=True)` turns Flask debug mode "
                            + "on for this application: when it is served by `app.run()` or `flask run`, " + DEBUGGER + ".");
                }
            }
            case "werkzeug.serving.run_simple", "werkzeug.run_simple" -> {
                if (context.values().isTrue(call.argument(4, "use_debugger"))) {
                    context.report(call.node(), "`run_simple(..., use_debugger=True)` wraps the application in the "
                            + "interactive debugger: " + DEBUGGER + ".");
                }
            }
            case "werkzeug.debug.DebuggedApplication" -> {
                if (context.values().isTrue(call.argument(1, "evalex"))) {
                    context.report(call.node(), "`DebuggedApplication(..., evalex=True)` enables the in-browser "
                            + "console: " + DEBUGGER + ".");
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        PyNode left = node.field("left");
        PyNode right = node.field("right");
        if (left == null || right == null || !context.values().isTrue(right)) return;
        if (left.is("attribute")) {
            // app.debug = True
            PyNode attribute = left.field("attribute");
            if (attribute == null || !attribute.text().equals("debug")) return;
            if (!"flask.Flask()".equals(context.file().qualifiedName(left.field("object")))) return;
            context.report(node, "`" + left.text() + " = True` turns Flask debug mode on: " + DEBUGGER + ".");
        } else if (left.is("subscript")) {
            // app.config["DEBUG"] = True
            PyNode container = left.field("value");
            Optional<String> key = context.values().string(left.field("subscript"));
            if (container == null || key.isEmpty() || !key.get().equals("DEBUG")) return;
            if (!"flask.Flask().config".equals(context.file().qualifiedName(container))) return;
            context.report(node, "`" + left.text() + " = True` turns Flask debug mode on: " + DEBUGGER + ".");
        }
    }
}
