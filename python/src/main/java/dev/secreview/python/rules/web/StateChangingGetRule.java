package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "py-state-changing-get",
        cwe = 352,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A Flask route that deletes, clears or revokes something answers GET, so a link or an image "
                + "on another site makes the user's browser do it, with no CSRF token asked.",
        fix = "Accept only POST (or DELETE) for the action, `@app.route(\"/items/<id>/delete\", methods=[\"POST\"])`, "
                + "and send it from a form that carries the CSRF token (Flask-WTF's `csrf_token()`); keep GET for a "
                + "confirmation page.")
public final class StateChangingGetRule implements NodeRule {

    /** Words of a route's function name or URL that say it changes state. */
    private static final Set<String> ACTIONS = Set.of("delete", "remove", "clear", "unlink", "destroy", "purge",
            "revoke", "wipe", "erase", "truncate", "drop", "ban");
    /** Calls that render a page: a GET that shows a confirmation form changes nothing. */
    private static final Set<String> RENDERERS = Set.of("flask.render_template", "flask.render_template_string");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("decorated_definition");
    }

    @Override
    public void visitNode(PyNode decorated, RuleContext context) {
        PyNode definition = decorated.field("definition");
        if (definition == null || !definition.is("function_definition")) return;
        for (PyNode decorator : decorated.namedChildren()) {
            PyNode call = decorator.is("decorator") && !decorator.namedChildren().isEmpty() ? decorator.namedChildren().get(0) : null;
            if (call == null || !call.is("call")) continue;
            Call route = Call.of(call, context.file());
            if (!flaskRoute(route, context) || !answersGet(route, context)) continue;
            Optional<String> path = route.argument(0, "rule") == null ? Optional.empty()
                    : context.values().string(route.argument(0, "rule"));
            String action = action(definition.field("name").text(), path.orElse(""));
            if (action == null || checksMethod(definition) || rendersPage(definition, context)) return;
            context.report(call, "The route " + path.map(p -> "`" + p + "` ").orElse("") + "(`"
                    + definition.field("name").text() + "()`) does what its name says (" + action + ") on a GET: an "
                    + "`<img src>` or a link on any site makes a signed-in user's browser send it with their session, "
                    + "and GET requests carry no CSRF token.");
            return;
        }
    }

    /** {@code @app.route(...)}, {@code @bp.route(...)}, {@code @app.get(...)} of a Flask application or blueprint. */
    private static boolean flaskRoute(Call route, RuleContext context) {
        PyNode function = route.function();
        if (function == null || !function.is("attribute") || function.field("attribute") == null) return false;
        String method = function.field("attribute").text();
        return (method.equals("route") || method.equals("get")) && context.file().imports("flask");
    }

    /** Whether the route takes GET: {@code .get(...)}, no {@code methods}, or a list naming GET. */
    private static boolean answersGet(Call route, RuleContext context) {
        if (route.function().field("attribute").text().equals("get")) return true;
        PyNode methods = route.keyword("methods");
        if (methods == null) return true;
        Optional<Object> listed = context.values().constant(methods);
        return listed.isPresent() && listed.get() instanceof List<?> names
                && names.stream().anyMatch(n -> "GET".equalsIgnoreCase(String.valueOf(n)));
    }

    private static String action(String function, String path) {
        List<String> words = new ArrayList<>(Identifiers.words(function));
        words.addAll(Identifiers.words(path));
        return words.stream().filter(ACTIONS::contains).findFirst().orElse(null);
    }

    private static boolean rendersPage(PyNode definition, RuleContext context) {
        boolean[] renders = {false};
        definition.forEachDescendant(n -> {
            if (n.is("call") && RENDERERS.contains(String.valueOf(Call.of(n, context.file()).callee()))) renders[0] = true;
        });
        return renders[0];
    }

    /** {@code if request.method == "POST":}: the view acts only on the method it checks. */
    private static boolean checksMethod(PyNode definition) {
        boolean[] checks = {false};
        definition.forEachDescendant(n -> {
            if (n.is("attribute") && n.field("attribute") != null && n.field("attribute").text().equals("method")) {
                checks[0] = true;
            }
        });
        return checks[0];
    }
}
