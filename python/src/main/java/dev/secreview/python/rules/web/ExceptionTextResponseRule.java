package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.Set;

@RuleInfo(
        id = "py-exception-text-response",
        cwe = 209,
        severity = Severity.LOW,
        confidence = Confidence.MEDIUM,
        summary = "The text of an exception caught as Exception (whatever a library or backend raised) is sent to the "
                + "API caller in an HTTP error or response.",
        fix = "Log the exception with its traceback and answer with a message of your own (and a request id to "
                + "find the log); send an exception's text only for exception types whose messages are written for users.",
        altNames = {})
public final class ExceptionTextResponseRule implements NodeRule {

    /** Responses and errors that carry text to the caller, by qualified name or its start. */
    private static final Set<String> RESPONSES = Set.of("django.http.HttpResponse", "django.http.JsonResponse",
            "django.http.HttpResponseBadRequest", "django.http.HttpResponseServerError", "flask.jsonify",
            "flask.abort", "flask.make_response", "flask.Response", "werkzeug.exceptions.abort",
            "fastapi.HTTPException", "starlette.exceptions.HTTPException", "rest_framework.response.Response",
            "webob.Response", "pecan.abort");
    private static final Set<String> TEXT_OF = Set.of("str", "repr", "six.text_type", "format");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("except_clause");
    }

    @Override
    public void visitNode(PyNode clause, RuleContext context) {
        String name = caughtGenerically(clause);
        if (name == null) return;
        clause.forEachDescendant(n -> {
            if (!n.is("call")) return;
            Call call = Call.of(n, context.file());
            String callee = call.callee();
            if (callee == null || !(RESPONSES.contains(callee) || callee.startsWith("webob.exc.HTTP")
                    || callee.contains(".exc.HTTP") || callee.startsWith("falcon.HTTP"))) {
                return;
            }
            PyNode arguments = n.field("arguments");
            PyNode text = arguments == null ? null : textOf(arguments, name, context);
            if (text == null) return;
            context.report(n, "`" + Snippets.shortened(n.text(), 60) + "` sends `" + Snippets.shortened(text.text(), 30)
                    + "`, the text of whatever exception was caught as `" + name + "`, to the caller: database "
                    + "errors, file paths, host names and library internals in it help an attacker map the service.");
        });
    }

    /** The name an {@code except Exception as e:} (or BaseException, or a tuple with one of them) binds. */
    private static String caughtGenerically(PyNode clause) {
        PyNode caught = clause.field("value");
        if (caught == null || !caught.is("as_pattern") || caught.namedChildren().isEmpty()) return null;
        PyNode alias = caught.field("alias");
        if (alias != null && alias.is("as_pattern_target") && !alias.namedChildren().isEmpty()) {
            alias = alias.namedChildren().get(0);
        }
        caught = caught.namedChildren().get(0);
        if (alias == null || !alias.is("identifier")) return null;
        boolean generic = genericName(caught) || (caught.is("tuple") || caught.is("parenthesized_expression"))
                && caught.namedChildren().stream().anyMatch(ExceptionTextResponseRule::genericName);
        return generic ? alias.text() : null;
    }

    private static boolean genericName(PyNode node) {
        return node.is("identifier") && (node.text().equals("Exception") || node.text().equals("BaseException"));
    }

    /** Where the caught exception's text is in the arguments: str(e), f"{e}", "..." % e, e.args. */
    private static PyNode textOf(PyNode arguments, String name, RuleContext context) {
        PyNode[] found = {null};
        arguments.forEachDescendant(n -> {
            if (found[0] != null) return;
            if (n.is("call")) {
                Call call = Call.of(n, context.file());
                if (call.callee() != null && TEXT_OF.contains(call.callee()) && call.positional().size() == 1
                        && call.positional().get(0).text().equals(name)) {
                    found[0] = n;
                }
            } else if (n.is("interpolation") && !n.namedChildren().isEmpty()
                    && n.namedChildren().get(0).text().equals(name)) {
                found[0] = n.parent();
            } else if (n.is("binary_operator") && "%".equals(Values.operator(n))
                    && n.field("right") != null && mentions(n.field("right"), name)) {
                found[0] = n;
            } else if (n.is("attribute") && n.field("object") != null && n.field("object").text().equals(name)
                    && n.field("attribute") != null && Set.of("args", "message", "strerror").contains(n.field("attribute").text())) {
                found[0] = n;
            }
        });
        return found[0];
    }

    private static boolean mentions(PyNode expr, String name) {
        if (expr.is("identifier")) return expr.text().equals(name);
        return expr.is("tuple") && expr.namedChildren().stream().anyMatch(c -> c.is("identifier") && c.text().equals(name));
    }
}
