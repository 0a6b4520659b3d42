package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The running version handed to every template: a Flask context processor or template global, a Jinja environment's
 * globals, a Django context processor. Every page shows it, the login page an anonymous visitor sees too, so anyone
 * can tell which release a site runs and pick the advisories that apply to it.
 */
@RuleInfo(
        id = "py-version-in-every-page",
        cwe = 497,
        severity = Severity.LOW,
        confidence = Confidence.MEDIUM,
        summary = "The application's version is handed to every template (a context processor, a template global), "
                + "so every page, the login page anonymous visitors see included, tells them which release runs and "
                + "which published vulnerabilities it has.",
        fix = "Show the version only to signed-in users (check current_user.is_authenticated or request.user in the "
                + "context processor), and bust caches with a hash of the version and an installation secret instead "
                + "of the version itself.",
        altNames = {})
public final class VersionInEveryPageRule implements NodeRule {

    /** Flask decorators whose function feeds every template. */
    private static final Set<String> TEMPLATE_FEEDERS = Set.of("context_processor", "app_context_processor",
            "template_global", "app_template_global");
    private static final Set<String> VERSION_NAMES = Set.of("__version__", "__display_version__");
    private static final Set<String> METADATA_VERSION = Set.of("importlib.metadata.version", "importlib_metadata.version");
    private static final Set<String> DISTRIBUTIONS = Set.of("pkg_resources.get_distribution", "pkg_resources.require");
    /** Calls whose result shows the version as it is. */
    private static final Set<String> KEEPS_TEXT = Set.of("dict", "str", "format");
    /** The value depends on who is asking (or only shows in debug mode): not every visitor sees it. */
    private static final Pattern AUDIENCE = Pattern.compile(
            "is_authenticated|is_anonymous|current_user|request\\.user|\\bDEBUG\\b|is_staff|is_superuser|is_admin");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("function_definition", "assignment", "call");
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        if (node.is("function_definition")) {
            if (!feedsEveryTemplate(node, context) || AUDIENCE.matcher(node.text()).find()) return;
            for (PyNode returned : returnedValues(node)) {
                PyNode version = version(returned, context, node);
                if (version != null) {
                    report(version, "`" + name(node) + "` hands every template", context);
                    return;
                }
            }
        } else if (node.is("assignment")) {
            PyNode left = node.field("left");
            PyNode right = node.field("right");
            if (left == null || right == null || !left.is("subscript") || left.field("value") == null
                    || !left.field("value").text().endsWith("jinja_env.globals")) {
                return;
            }
            PyNode version = version(right, context, null);
            if (version != null) report(version, "`" + Snippets.shortened(left.text(), 50) + "` gives every template", context);
        } else {
            PyNode function = node.field("function");
            if (function == null || !function.text().endsWith("jinja_env.globals.update")) return;
            PyNode version = version(node.field("arguments"), context, null);
            if (version != null) report(version, "`" + Snippets.shortened(function.text(), 50) + "` gives every template", context);
        }
    }

    private static void report(PyNode version, String what, RuleContext context) {
        context.report(version, what + " the running version (`" + Snippets.shortened(version.text(), 50) + "`): every "
                + "page shows it, the login page anonymous visitors see included, so anyone can tell which release "
                + "runs here and look up the vulnerabilities published for it.");
    }

    /** A Flask context processor or template global, or a Django context processor (module `context_processors`). */
    private static boolean feedsEveryTemplate(PyNode function, RuleContext context) {
        PyNode decorated = function.parent();
        if (decorated != null && decorated.is("decorated_definition")) {
            for (PyNode decorator : decorated.namedChildren()) {
                if (!decorator.is("decorator")) continue;
                PyNode expression = decorator.namedChildren().isEmpty() ? null : decorator.namedChildren().get(0);
                if (expression != null && expression.is("call")) expression = expression.field("function");
                if (expression != null && expression.is("attribute") && expression.field("attribute") != null
                        && TEMPLATE_FEEDERS.contains(expression.field("attribute").text())) {
                    return true;
                }
            }
        }
        // Django: settings name the functions of an app's context_processors module, each called with the request.
        String file = context.file().source().path().getFileName().toString();
        boolean topLevel = function.ancestor("function_definition", "class_definition") == null;
        return topLevel && file.equals("context_processors.py") && parameterCount(function) == 1;
    }

    private static List<PyNode> returnedValues(PyNode function) {
        List<PyNode> values = new ArrayList<>();
        function.forEachDescendant(node -> {
            if (node.is("return_statement") && !node.namedChildren().isEmpty()
                    && node.ancestor("function_definition") == function) {
                values.add(node.namedChildren().get(0));
            }
        });
        return values;
    }

    /**
     * The first expression in {@code value} that is the running version: {@code __version__}, the package metadata's
     * version, or a local of the function bound once to one of them.
     */
    private static PyNode version(PyNode value, RuleContext context, PyNode function) {
        return find(value, context, function, true);
    }

    /** The first version in {@code value} that reaches the template as it is, not hashed or otherwise transformed. */
    private static PyNode find(PyNode value, RuleContext context, PyNode function, boolean followLocal) {
        if (value == null) return null;
        PyNode[] found = {null};
        value.forEachDescendant(node -> {
            if (found[0] == null && shownAsItIs(node, value) && isVersion(node, context, function, followLocal)) {
                found[0] = node;
            }
        });
        return found[0];
    }

    /** Between the node and the value, only calls that keep the text: dict(), str(), "...".format(). */
    private static boolean shownAsItIs(PyNode node, PyNode value) {
        for (PyNode at = node.parent(); at != null && at != value.parent(); at = at.parent()) {
            if (!at.is("call") || at == node) continue;
            PyNode callee = at.field("function");
            String name = callee == null ? "" : callee.is("attribute") ? callee.field("attribute").text() : callee.text();
            if (!KEEPS_TEXT.contains(name)) return false;
        }
        return true;
    }

    private static boolean isVersion(PyNode node, RuleContext context, PyNode function, boolean followLocal) {
        if (node.is("identifier") && VERSION_NAMES.contains(node.text())) {
            return node.parent() == null || !node.parent().is("attribute") || node.parent().field("attribute") != node;
        }
        if (node.is("attribute") && node.field("attribute") != null) {
            String attribute = node.field("attribute").text();
            if (VERSION_NAMES.contains(attribute)) return true;
            if (attribute.equals("version") && distribution(node.field("object"), context)) return true;
        }
        if (node.is("call")) {
            String callee = context.file().qualifiedName(node.field("function"));
            if (callee != null && METADATA_VERSION.contains(callee)) return true;
        }
        if (followLocal && function != null && node.is("identifier")
                && (node.parent() == null || !node.parent().is("keyword_argument") || node.parent().field("name") != node)) {
            PyNode bound = context.values().singleAssignedValue(node);
            if (bound != null && bound.within(function)) {
                return isVersion(bound, context, function, false) || find(bound, context, function, false) != null;
            }
        }
        return false;
    }

    /** {@code pkg_resources.get_distribution("app")} or {@code pkg_resources.require("app")[0]}. */
    private static boolean distribution(PyNode object, RuleContext context) {
        if (object == null) return false;
        if (object.is("subscript")) object = object.field("value");
        if (object == null || !object.is("call")) return false;
        String callee = context.file().qualifiedName(object.field("function"));
        return callee != null && DISTRIBUTIONS.contains(callee);
    }

    private static int parameterCount(PyNode function) {
        PyNode parameters = function.field("parameters");
        return parameters == null ? 0 : parameters.namedChildren().size();
    }

    private static String name(PyNode function) {
        PyNode name = function.field("name");
        return name == null ? "this function" : name.text();
    }
}
