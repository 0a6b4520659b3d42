package dev.secreview.python.rules.access;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A route registered under the path of a route that requires authentication, without requiring it itself:
 * {@code /monitoring} needs a login and {@code /monitoring/summary} does not. The application's own choice for the
 * parent path is the policy (the deviant-behaviour inference of {@link MissingAuthorizationRule}, applied to a path
 * family of Flask, FastAPI or Starlette-style route decorators in one module); a child that is public on purpose
 * usually checks something of its own, which the rule looks for in its body.
 */
@RuleInfo(
        id = "py-route-missing-auth",
        cwe = 306,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A route whose path extends that of a route requiring authentication (a login decorator, a FastAPI "
                + "dependency) is registered without it, so what the parent protects can be read or changed through "
                + "the child by anyone.",
        fix = "Give the route the same check its parent path has (the decorator, or dependencies=[Depends(...)]), "
                + "or protect the whole path family in one place (a router with the dependency, a blueprint "
                + "before_request).",
        altNames = {})
public final class RouteMissingAuthRule implements NodeRule {

    /** Methods of an application, blueprint or router that register a route by path. */
    private static final Set<String> ROUTE_METHODS = Set.of("route", "get", "post", "put", "delete", "patch", "head",
            "api_route", "websocket");
    /** Words of a decorator, dependency or called function that make it an authentication or access check. */
    private static final Set<String> CHECK_WORDS = Set.of("login", "auth", "authenticate", "authenticated",
            "authorize", "authorise", "authorized", "permission", "permissions", "perm", "perms", "admin", "protected",
            "password", "passwords", "token", "credentials", "principal", "role", "roles");

    /** Routes that are public by their nature. */
    private static final Set<String> PUBLIC = Set.of("login", "logout", "signin", "signout", "signup", "register",
            "health", "healthcheck", "healthz", "ping", "version", "static", "favicon.ico", "robots.txt", "callback");

    private record Route(PyNode function, PyNode decorator, String path, String check) {
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of("module");
    }

    @Override
    public void visitNode(PyNode module, RuleContext context) {
        List<Route> routes = new ArrayList<>();
        module.forEachDescendant(node -> {
            if (node.is("decorated_definition")) route(node).ifPresent(routes::add);
        });
        for (Route child : routes) {
            if (child.check() != null || publicByNature(child)) continue;
            Route parent = protectedParent(child, routes);
            if (parent == null) continue;
            context.report(child.decorator(), "`" + child.path() + "` is registered without authentication, but the "
                    + "route of its parent path `" + parent.path() + "` (line " + parent.decorator().startLine()
                    + ") requires `" + parent.check() + "`; whatever `" + name(child.function()) + "` returns or "
                    + "changes is open to anyone who can reach the server.",
                    Severity.MEDIUM, Confidence.MEDIUM,
                    List.of(Map.entry(parent.decorator(), "the parent path's route, with `" + parent.check() + "`")));
        }
    }

    /** Logging in, out or up, health and static files are open on purpose, whatever their path. */
    private static boolean publicByNature(Route route) {
        String segment = route.path().substring(route.path().lastIndexOf('/', route.path().length() - 2) + 1)
                .replace("/", "");
        return PUBLIC.contains(segment.toLowerCase(Locale.ROOT))
                || Identifiers.words(name(route.function())).stream().anyMatch(PUBLIC::contains);
    }

    /** The protected route with the longest path that this route's path extends. */
    private static Route protectedParent(Route child, List<Route> routes) {
        Route best = null;
        for (Route candidate : routes) {
            if (candidate.check() == null || candidate.path().equals("/") || candidate.path().isEmpty()) continue;
            String prefix = candidate.path().endsWith("/") ? candidate.path() : candidate.path() + "/";
            if (!child.path().startsWith(prefix) || child.path().length() <= prefix.length()) continue;
            if (best == null || candidate.path().length() > best.path().length()) best = candidate;
        }
        return best;
    }

    /** A function registered by a route decorator with a constant path, and the check it makes, if any. */
    private static Optional<Route> route(PyNode decorated) {
        PyNode function = decorated.field("definition");
        if (function == null || !function.is("function_definition")) return Optional.empty();
        PyNode routeDecorator = null;
        String path = null;
        String check = null;
        for (PyNode decorator : decorated.namedChildren()) {
            if (!decorator.is("decorator") || decorator.namedChildren().isEmpty()) continue;
            PyNode expression = decorator.namedChildren().get(0);
            PyNode callee = expression.is("call") ? expression.field("function") : expression;
            String last = callee != null && callee.is("attribute") && callee.field("attribute") != null
                    ? callee.field("attribute").text() : callee == null ? "" : callee.text();
            if (expression.is("call") && callee.is("attribute") && ROUTE_METHODS.contains(last)) {
                String routePath = constantPath(expression);
                if (routePath == null) continue;
                if (routeDecorator == null) {
                    routeDecorator = decorator;
                    path = routePath;
                }
                PyNode dependencies = keyword(expression, "dependencies");
                if (check == null && dependencies != null) check = checkIn(dependencies);
            } else if (check == null && checkNamed(callee)) {
                check = "@" + callee.text();
            }
        }
        if (routeDecorator == null) return Optional.empty();
        if (check == null) check = checkIn(function.field("parameters"));
        if (check == null) check = checkCalled(function);
        return Optional.of(new Route(function, routeDecorator, path, check));
    }

    /** {@code Depends(login_check)} or {@code Security(get_current_user)} with a check's name, in the node. */
    private static String checkIn(PyNode node) {
        if (node == null) return null;
        String[] found = {null};
        node.forEachDescendant(n -> {
            if (found[0] != null || !n.is("call") || n.field("function") == null) return;
            String callee = n.field("function").text();
            if (!callee.endsWith("Depends") && !callee.endsWith("Security")) return;
            PyNode arguments = n.field("arguments");
            if (arguments == null || arguments.namedChildren().isEmpty()) return;
            String dependency = arguments.namedChildren().get(0).text();
            String simple = dependency.substring(dependency.lastIndexOf('.') + 1);
            if (checkName(simple) || Identifiers.words(simple).contains("user")) found[0] = "Depends(" + dependency + ")";
        });
        return found[0];
    }

    /** A call in the body named as a check ({@code compare_passwords_securely(key, ...)}, {@code Permissions.PRINT.require(403)}). */
    private static String checkCalled(PyNode function) {
        String[] found = {null};
        function.forEachDescendant(n -> {
            if (found[0] != null || !n.is("call") || n.field("function") == null) return;
            PyNode callee = n.field("function");
            PyNode last = callee.is("attribute") ? callee.field("attribute") : callee;
            // a constant-time comparison is a check of a secret: a key in the path, a token in a header
            boolean secretCompared = last != null && last.text().equals("compare_digest");
            if (secretCompared || checkNamed(callee)) found[0] = callee.text() + "()";
        });
        return found[0];
    }

    /** A decorator or callee any of whose names says it checks: {@code login_required}, {@code Permissions.ADMIN.require}. */
    private static boolean checkNamed(PyNode callee) {
        if (callee == null) return false;
        for (PyNode at = callee; at != null; at = at.is("attribute") ? at.field("object") : null) {
            PyNode name = at.is("attribute") ? at.field("attribute") : at;
            if (name != null && name.is("identifier") && checkName(name.text())) return true;
            if (!at.is("attribute")) break;
        }
        return false;
    }

    private static boolean checkName(String name) {
        return name != null && Identifiers.words(name).stream().anyMatch(CHECK_WORDS::contains);
    }

    private static String constantPath(PyNode call) {
        PyNode arguments = call.field("arguments");
        if (arguments == null || arguments.namedChildren().isEmpty()) return null;
        PyNode first = arguments.namedChildren().get(0);
        if (!first.is("string") || first.text().startsWith("f")) return null;
        String text = first.text();
        int quote = Math.max(text.indexOf('"'), text.indexOf('\''));
        if (quote < 0 || text.length() < quote + 2) return null;
        String body = text.substring(quote + 1, text.length() - 1);
        return body.startsWith("/") ? body : null;
    }

    private static PyNode keyword(PyNode call, String name) {
        PyNode arguments = call.field("arguments");
        if (arguments == null) return null;
        for (PyNode argument : arguments.namedChildren()) {
            if (argument.is("keyword_argument") && argument.field("name") != null
                    && argument.field("name").text().equals(name)) {
                return argument.field("value");
            }
        }
        return null;
    }

    private static String name(PyNode function) {
        PyNode name = function.field("name");
        return name == null ? "the handler" : name.text();
    }
}
