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

import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "py-exception-text-response",
        cwe = 209,
        severity = Severity.LOW,
        confidence = Confidence.MEDIUM,
        summary = "The text of an exception caught as Exception (whatever a library or backend raised), or a stack "
                + "trace, is sent to the API caller in an HTTP error or response.",
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

    /** Calls that give a stack trace as text: whatever was caught, its frames show the code's internals. */
    private static final Set<String> TRACES = Set.of("traceback.format_exc", "traceback.format_exception",
            "traceback.format_tb", "traceback.format_stack");
    /** Decorators of functions whose return value is the response: views, and handlers of errors. */
    private static final Set<String> RESPONDERS = Set.of("route", "get", "post", "put", "patch", "delete",
            "errorhandler", "exception_handler", "app_errorhandler");
    /** What an error handler is registered for when it handles whatever was raised. */
    private static final Set<String> ANY_ERROR = Set.of("Exception", "BaseException", "500", "InternalServerError",
            "werkzeug.exceptions.InternalServerError");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("except_clause", "decorated_definition");
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        if (node.is("decorated_definition")) {
            visitErrorHandler(node, context);
            return;
        }
        String name = caughtGenerically(node);
        PyNode function = context.file().enclosingFunction(node);
        boolean returnsResponse = function != null && responder(function.parent());
        reportResponses(node, name, returnsResponse, null, context);
    }

    /**
     * Reports each response under {@code scope} (the calls that build one, and returns when {@code returnsResponse})
     * that carries the exception {@code name}'s text or a stack trace, once per text (a returned jsonify(...) is one).
     */
    private static void reportResponses(PyNode scope, String name, boolean returnsResponse, PyNode onlyIn,
                                        RuleContext context) {
        Set<PyNode> reported = new java.util.HashSet<>();
        scope.forEachDescendant(n -> {
            if (onlyIn != null && context.file().enclosingFunction(n) != onlyIn) return;
            PyNode site = responseSite(n, returnsResponse, context);
            if (site == null) return;
            PyNode text = name != null ? textOf(site, name, context) : null;
            if (text == null) text = traceIn(site, context);
            if (text != null && reported.add(text)) report(n, text, name, context);
        });
    }

    /**
     * {@code @app.errorhandler(Exception)} or {@code (500)}, FastAPI's {@code exception_handler(Exception)}: the
     * handler's first parameter is whatever was raised, and what it returns is the response.
     */
    private static void visitErrorHandler(PyNode decorated, RuleContext context) {
        PyNode definition = decorated.field("definition");
        if (definition == null || !definition.is("function_definition") || !handlesAnyError(decorated)) return;
        PyNode parameters = definition.field("parameters");
        List<PyNode> names = parameters == null ? List.of() : parameters.namedChildren().stream()
                .filter(p -> p.is("identifier")).toList();
        if (names.isEmpty()) return;
        // FastAPI's handlers take (request, exc); Flask's take (error).
        String name = names.get(names.size() - 1).text();
        PyNode body = definition.field("body");
        if (body != null) reportResponses(body, name, true, definition, context);
    }

    /** The node whose contents reach the caller: a response or HTTP error built here, or what a view returns. */
    private static PyNode responseSite(PyNode n, boolean returnsResponse, RuleContext context) {
        if (n.is("return_statement")) return returnsResponse && !n.namedChildren().isEmpty() ? n : null;
        if (!n.is("call")) return null;
        String callee = Call.of(n, context.file()).callee();
        if (callee == null || !(RESPONSES.contains(callee) || callee.startsWith("webob.exc.HTTP")
                || callee.contains(".exc.HTTP") || callee.startsWith("falcon.HTTP"))) {
            return null;
        }
        return n.field("arguments");
    }

    private static void report(PyNode at, PyNode text, String name, RuleContext context) {
        boolean trace = text.is("call") && TRACES.contains(String.valueOf(Call.of(text, context.file()).callee()));
        String what = trace ? "a stack trace (file paths, code lines and library internals)"
                : "the text of whatever exception was caught as `" + name + "`";
        context.report(at, "`" + Snippets.shortened(at.text(), 60) + "` sends `" + Snippets.shortened(text.text(), 30)
                + "`, " + what + ", to the caller: database errors, file paths, host names and library internals "
                + "in it help an attacker map the service.");
    }

    /** Whether a decorated function's return value is a response: a view, or a handler of errors. */
    private static boolean responder(PyNode decorated) {
        if (decorated == null || !decorated.is("decorated_definition")) return false;
        for (PyNode decorator : decorated.namedChildren()) {
            if (!decorator.is("decorator")) continue;
            String text = decorator.text().replaceFirst("^@", "").replaceFirst("\\(.*", "");
            if (RESPONDERS.contains(text.substring(text.lastIndexOf('.') + 1))) return true;
        }
        return false;
    }

    private static boolean handlesAnyError(PyNode decorated) {
        for (PyNode decorator : decorated.namedChildren()) {
            PyNode call = decorator.is("decorator") && !decorator.namedChildren().isEmpty() ? decorator.namedChildren().get(0) : null;
            if (call == null || !call.is("call") || call.field("function") == null) continue;
            String function = call.field("function").text();
            String method = function.substring(function.lastIndexOf('.') + 1);
            PyNode arguments = call.field("arguments");
            if ((method.equals("errorhandler") || method.equals("exception_handler") || method.equals("app_errorhandler"))
                    && arguments != null && !arguments.namedChildren().isEmpty()
                    && ANY_ERROR.contains(arguments.namedChildren().get(0).text())) {
                return true;
            }
        }
        return false;
    }

    /** A {@code traceback.format_exc()} (or another trace formatter) among the node's contents. */
    private static PyNode traceIn(PyNode site, RuleContext context) {
        PyNode[] found = {null};
        site.forEachDescendant(n -> {
            if (found[0] == null && n.is("call") && TRACES.contains(String.valueOf(Call.of(n, context.file()).callee()))) {
                found[0] = n;
            }
        });
        return found[0];
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
    private static PyNode textOf(PyNode site, String name, RuleContext context) {
        PyNode[] found = {null};
        site.forEachDescendant(n -> {
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
