package dev.secreview.python.rules.access;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The handlers of one API controller or view class are checked the same way: when nearly all of them make
 * an authorization check and one does not, that one is more likely a forgotten check than a public
 * operation (the deviant-behaviour inference of Engler et al.: the code's own majority is the policy).
 */
@RuleInfo(
        id = "py-missing-authz-check",
        cwe = 862,
        severity = Severity.MEDIUM,
        confidence = Confidence.LOW,
        summary = "One handler of an API controller or view makes no authorization check while nearly all its "
                + "siblings do (context.can, authorize, enforce, a permission decorator): unless it is public on "
                + "purpose, any authenticated caller can use it on any resource.",
        fix = "Add the same kind of check its siblings make (a policy rule of its own, checked against the "
                + "resource's owner), or say in a comment why this operation is open to every caller.",
        altNames = {})
public final class MissingAuthorizationRule implements NodeRule {

    /** Base classes whose public methods the framework routes requests to. */
    private static final Pattern HANDLER_BASE = Pattern.compile(
            "(Controller|View|ViewSet|Resource|RequestHandler|APIView|MethodView|Handler)$");
    /** Words in a decorator that make it an access check. */
    private static final Set<String> CHECK_WORDS = Set.of("policy", "authorize", "authorise", "permission",
            "permissions", "login", "required", "admin", "protected", "auth", "authenticated", "perm");
    /** Handlers that are public by their nature. */
    private static final Set<String> PUBLIC = Set.of("version", "versions", "health", "healthcheck", "ping",
            "status", "login", "logout", "register", "signup", "options", "head");
    private static final int MIN_CHECKED = 3;
    private static final double MIN_SHARE = 0.75;
    private static final int MAX_DEPTH = 2;

    @Override
    public Set<String> nodeTypes() {
        return Set.of("class_definition");
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        if (!handlerClass(node)) return;
        // by name; a definition wrapped in decorators is kept whole (its decorators are evidence)
        Map<String, PyNode> methods = WebRoutes.definitions(node.field("body"));
        Map<String, PyNode> functions = moduleFunctions(node);
        // stubs and refusals neither set nor break the pattern
        List<PyNode> handlers = methods.values().stream().filter(m -> handler(m) && !trivial(m)).toList();
        Map<PyNode, PyNode> checks = new LinkedHashMap<>();
        List<PyNode> unchecked = new ArrayList<>();
        for (PyNode handler : handlers) {
            PyNode check = check(handler, methods, functions);
            if (check != null) checks.put(handler, check);
            else if (!delegates(handler, methods, functions)) unchecked.add(handler);  // a delegating one may check out of sight
        }
        if (checks.size() < MIN_CHECKED || checks.size() < MIN_SHARE * (checks.size() + unchecked.size())) return;
        String className = node.field("name") == null ? "this class" : node.field("name").text();
        for (PyNode handler : unchecked) {
            String name = handler.definition().field("name").text();
            List<Map.Entry<PyNode, String>> related = new ArrayList<>();
            checks.forEach((sibling, check) -> {
                if (related.size() < 3) {
                    related.add(Map.entry(check, "`" + sibling.definition().field("name").text() + "` checks here"));
                }
            });
            context.report(handler.definition().field("name"), "`" + className + "." + name + "` makes no authorization "
                    + "check, while " + checks.size() + " of the class's " + handlers.size() + " handlers do (`"
                    + Snippets.shortened(checks.values().iterator().next().text(), 50) + "`): unless this operation is meant for "
                    + "every caller, whoever can reach the API can use it on resources that are not theirs.",
                    Severity.MEDIUM, Confidence.LOW, related);
        }
    }

    private static boolean handlerClass(PyNode cls) {
        PyNode superclasses = cls.field("superclasses");
        if (superclasses == null) return false;
        for (PyNode base : superclasses.namedChildren()) {
            String text = base.text();
            String last = text.substring(text.lastIndexOf('.') + 1);
            if (HANDLER_BASE.matcher(last).find()) return true;
        }
        return false;
    }

    private static Map<String, PyNode> moduleFunctions(PyNode cls) {
        PyNode module = cls;
        while (module.parent() != null) module = module.parent();
        return WebRoutes.definitions(module);
    }

    /** A method the framework calls with a request: public (or marked as an action) and taking one. */
    private static boolean handler(PyNode method) {
        PyNode definition = method.definition();
        String name = definition.field("name").text();
        boolean action = decorators(method).stream().anyMatch(d -> Identifiers.words(d).contains("action"));
        if ((name.startsWith("_") && !action) || PUBLIC.contains(name)) return false;
        if (decorators(method).stream().anyMatch(d -> d.equals("property") || d.endsWith("staticmethod")
                || d.endsWith("classmethod") || d.endsWith("setter"))) {
            return false;
        }
        PyNode parameters = definition.field("parameters");
        if (parameters == null) return false;
        for (PyNode parameter : parameters.namedChildren()) {
            String p = parameter.is("identifier") ? parameter.text()
                    : parameter.field("name") != null ? parameter.field("name").text() : "";
            if (p.equals("req") || p.equals("request")) return true;
        }
        return false;
    }

    private static List<String> decorators(PyNode method) {
        List<String> names = new ArrayList<>();
        if (!method.is("decorated_definition")) return names;
        for (PyNode child : method.namedChildren()) {
            if (!child.is("decorator")) continue;
            PyNode expr = child.namedChildren().isEmpty() ? null : child.namedChildren().get(0);
            if (expr == null) continue;
            if (expr.is("call") && expr.field("function") != null) expr = expr.field("function");
            names.add(expr.text());
        }
        return names;
    }

    /** The node that shows the method's check: a checking decorator or call, also in what it calls of its class or module. */
    private static PyNode check(PyNode method, Map<String, PyNode> methods, Map<String, PyNode> functions) {
        return reached(method, methods, functions, MissingAuthorizationRule::checkingDecorator,
                AuthorizationCalls::isCheck, 0, new ArrayList<>());
    }

    /**
     * Whether the handler hands the request context to a service layer ({@code self.volume_api.get(context, id)}):
     * OpenStack services check many policies there, in code this rule does not see.
     */
    private static boolean delegates(PyNode method, Map<String, PyNode> methods, Map<String, PyNode> functions) {
        return reached(method, methods, functions, definition -> null, MissingAuthorizationRule::toServiceLayer, 0,
                new ArrayList<>()) != null;
    }

    /**
     * The first place in the method, or in the methods of its class and the functions of its module it calls
     * (two calls deep), that shows what is looked for: a decorator {@code atDefinition} returns, or a call
     * {@code wanted} accepts.
     */
    private static PyNode reached(PyNode method, Map<String, PyNode> methods, Map<String, PyNode> functions,
                                  Function<PyNode, PyNode> atDefinition,
                                  Predicate<PyNode> wanted, int depth, List<PyNode> seen) {
        if (depth > MAX_DEPTH || seen.contains(method)) return null;
        seen.add(method);
        PyNode shown = atDefinition.apply(method);
        if (shown != null) return shown;
        PyNode body = method.definition().field("body");
        if (body == null) return null;
        PyNode[] found = {null};
        List<PyNode> callees = new ArrayList<>();
        body.forEachDescendant(n -> {
            if (found[0] != null || !n.is("call") || n.field("function") == null) return;
            PyNode function = n.field("function");
            String name = AuthorizationCalls.calledName(n);
            if (wanted.test(n)) {
                found[0] = n;
            } else if (function.is("attribute") && function.field("object") != null
                    && function.field("object").text().equals("self") && methods.containsKey(name)) {
                callees.add(methods.get(name));
            } else if (function.is("identifier") && functions.containsKey(name)) {
                callees.add(functions.get(name));
            }
        });
        if (found[0] != null) return found[0];
        for (PyNode callee : callees) {
            PyNode reached = reached(callee, methods, functions, atDefinition, wanted, depth + 1, seen);
            if (reached != null) return reached;
        }
        return null;
    }

    /** The decorator's own name, not its arguments, says it checks (`@wsgi.action("os-admin-actions")` checks nothing). */
    private static PyNode checkingDecorator(PyNode method) {
        if (!method.is("decorated_definition")) return null;
        for (PyNode child : method.namedChildren()) {
            if (!child.is("decorator") || child.namedChildren().isEmpty()) continue;
            PyNode expr = child.namedChildren().get(0);
            if (expr.is("call") && expr.field("function") != null) expr = expr.field("function");
            if (Identifiers.words(expr.text()).stream().anyMatch(CHECK_WORDS::contains)) return child;
            if (decoratorArgumentsCheck(child)) return child;
        }
        return null;
    }

    /** {@code self.volume_api.get(context, ...)}: the request context handed to an API, service or manager of the object. */
    private static boolean toServiceLayer(PyNode call) {
        PyNode function = call.field("function");
        PyNode receiver = function.is("attribute") ? function.field("object") : null;
        if (receiver == null || !receiver.is("attribute") || receiver.field("object") == null
                || !receiver.field("object").text().equals("self") || receiver.field("attribute") == null) {
            return false;
        }
        PyNode arguments = call.field("arguments");
        return arguments != null && arguments.namedChildren().stream().anyMatch(a -> a.text().equals("context")
                || a.text().equals("ctxt") || a.text().equals("req") || a.text().equals("request"))
                && Identifiers.words(receiver.field("attribute").text()).stream()
                .anyMatch(w -> w.equals("api") || w.equals("service") || w.equals("manager"));
    }

    /** FastAPI's {@code dependencies=[Depends(login_check)]} and the like: a dependency named for an access check. */
    private static boolean decoratorArgumentsCheck(PyNode decorator) {
        boolean[] found = {false};
        decorator.forEachDescendant(n -> {
            if (found[0] || !n.is("call") || n.field("function") == null) return;
            if (!n.field("function").text().endsWith("Depends") && !n.field("function").text().endsWith("Security")) return;
            if (Identifiers.words(n.text()).stream().anyMatch(CHECK_WORDS::contains)) found[0] = true;
        });
        return found[0];
    }

    /** A handler that only raises or returns a constant: a stub or a refusal, nothing to protect. */
    private static boolean trivial(PyNode method) {
        PyNode body = method.definition().field("body");
        if (body == null) return true;
        List<PyNode> statements = body.namedChildren().stream()
                .filter(s -> !(s.is("expression_statement") && s.namedChildren().size() == 1
                        && s.namedChildren().get(0).is("string")))
                .toList();
        if (statements.isEmpty()) return true;
        if (statements.size() != 1) return false;
        PyNode only = statements.get(0);
        if (only.is("raise_statement") || only.is("pass_statement")) return true;
        return only.is("return_statement") && (only.namedChildren().isEmpty()
                || only.namedChildren().get(0).is("string") || only.namedChildren().get(0).is("none")
                || only.namedChildren().get(0).is("integer"));
    }
}
