package dev.secreview.python.rules.access;

import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the access rules (and the reliability rules about requests) read of a web module: its request handlers (Flask, blueprint and FastAPI-style route
 * decorators, Django function views, the methods of class-based views and viewsets), the acting user the session
 * or token names, the client's data, and the fetches of a model by the frameworks' query APIs.
 */
public final class WebRoutes {
    /** Methods of an application, blueprint or router that register a route. */
    private static final Set<String> ROUTE_METHODS = Set.of("route", "get", "post", "put", "delete", "patch",
            "api_route");

    /** HTTP methods of a class-based view. */
    private static final Set<String> VIEW_METHODS = Set.of("get", "post", "put", "patch", "delete", "retrieve",
            "update", "partial_update", "destroy");

    /** The last call of a query chain that fetches, changes or deletes what the chain selects. */
    private static final Set<String> TERMINALS = Set.of("get", "get_or_404", "first", "first_or_404", "one",
            "one_or_none", "one_or_404", "update", "delete");

    /** Shortcuts that take the model (or a query set) first: Django's and Flask-SQLAlchemy's. */
    private static final Set<String> SHORTCUTS = Set.of("get_object_or_404", "get_or_404");

    /** How the frameworks name the user the session or token authenticated. */
    static final Set<String> IDENTITY_EXPRESSIONS = Set.of("current_user", "request.user", "g.user",
            "self.request.user", "request.auth", "info.context.user", "g.current_user", "current_identity",
            "flask_login.current_user");

    private static final Set<String> IDENTITY_CALLS = Set.of("get_current_user", "get_jwt_identity",
            "_get_current_user", "get_user");

    /** Parts of a request that carry the client's data. */
    private static final Set<String> REQUEST_PARTS = Set.of("args", "form", "json", "values", "GET", "POST", "data",
            "query_params", "get_json", "path_params", "view_args", "files");

    /** Words of a decorator, base class or condition that make a route one for privileged users, who may see all. */
    static final Set<String> PRIVILEGE_WORDS = Set.of("admin", "staff", "superuser", "permission",
            "permissions", "perm", "perms", "role", "roles", "moderator");

    private static final Set<String> WRITE_VERBS = Set.of("post", "put", "patch", "delete");

    /** {@code methods=["POST"]}, {@code @require_http_methods(["DELETE"])}. */
    private static final Pattern WRITE_METHOD = Pattern.compile("[\"'](POST|PUT|PATCH|DELETE)[\"']");

    /** A request handler: its definition (with its decorators), whether it writes, whether it is for privileged users. */
    public record Handler(PyNode decorated, PyNode definition, boolean writes, boolean privileged) {
    }

    private WebRoutes() {
    }

    /** The module's request handlers. */
    public static List<Handler> handlers(PyNode module) {
        List<Handler> handlers = new ArrayList<>();
        for (PyNode child : module.namedChildren()) {
            PyNode definition = child.definition();
            if (definition == null) continue;
            if (definition.is("function_definition") && (routeDecorated(child) || djangoView(definition))) {
                handlers.add(handler(child, definition, false));
            } else if (definition.is("class_definition") && viewClass(definition)) {
                boolean privilegedClass = privilegedClass(definition);
                for (PyNode method : definitions(definition.field("body")).values()) {
                    PyNode methodDefinition = method.definition();
                    if (VIEW_METHODS.contains(methodDefinition.field("name").text())
                            && Identifiers.parameterNames(methodDefinition).contains("request")) {
                        handlers.add(handler(method, methodDefinition, privilegedClass));
                    }
                }
            }
        }
        return handlers;
    }

    private static Handler handler(PyNode decorated, PyNode definition, boolean privilegedClass) {
        boolean privileged = privilegedClass || decoratorNodes(decorated).stream()
                .anyMatch(d -> Identifiers.words(d.text()).stream().anyMatch(PRIVILEGE_WORDS::contains))
                || mentionsPrivilege(definition.field("body"));
        return new Handler(decorated, definition, writes(decorated, definition), privileged);
    }

    /**
     * The model a call fetches: {@code Invoice} of {@code Invoice.objects.get(pk=pk)}, {@code Invoice.query.get(id)},
     * {@code db.session.query(Invoice).filter_by(id=id).first()}, {@code db.session.get(Invoice, id)},
     * {@code get_object_or_404(Invoice, pk=pk)}; {@code invoices} of {@code request.user.invoices.get(pk=pk)}.
     */
    static PyNode model(PyNode call) {
        if (!call.is("call") || call.field("function") == null) return null;
        PyNode callee = call.field("function");
        String name = callee.is("attribute") ? text(callee.field("attribute")) : callee.text();
        List<PyNode> arguments = arguments(call);
        if (SHORTCUTS.contains(name) && !arguments.isEmpty()) {
            PyNode first = arguments.get(0);
            if (className(first)) return first;
            PyNode root = chainModel(first);
            if (root != null) return root;
        }
        if (!callee.is("attribute") || !TERMINALS.contains(name)) return null;
        PyNode receiver = callee.field("object");
        if (name.equals("get") && arguments.size() >= 2 && className(arguments.get(0))
                && receiver.text().endsWith("session")) {
            return arguments.get(0);
        }
        return chainModel(receiver);
    }

    /** The model at the root of a query chain: {@code X.objects...}, {@code X.query...}, {@code session.query(X)...}. */
    static PyNode chainModel(PyNode chain) {
        PyNode at = chain;
        while (at != null) {
            if (at.is("call")) {
                PyNode callee = at.field("function");
                if (callee != null && callee.is("attribute") && text(callee.field("attribute")).equals("query")) {
                    List<PyNode> arguments = arguments(at);
                    return !arguments.isEmpty() && className(arguments.get(0)) ? arguments.get(0) : null;
                }
                at = callee;
            } else if (at.is("attribute")) {
                String attribute = text(at.field("attribute"));
                PyNode object = at.field("object");
                if ((attribute.equals("objects") || attribute.equals("query")) && className(object)) return object;
                if (IDENTITY_EXPRESSIONS.contains(object.text())) return at.field("attribute");
                at = object;
            } else {
                return null;
            }
        }
        return null;
    }

    /** {@code request.args}, {@code request.json}, {@code request.GET}, {@code request.get_json()} and the like. */
    public static boolean requestData(PyNode node) {
        if (!node.is("attribute") || node.field("object") == null) return false;
        String object = node.field("object").text();
        return (object.equals("request") || object.equals("self.request") || object.equals("flask.request"))
                && REQUEST_PARTS.contains(text(node.field("attribute")));
    }

    /** {@code is_admin}, {@code is_staff}, {@code has_perm(...)} in the route: a route for privileged users. */
    private static boolean mentionsPrivilege(PyNode body) {
        boolean[] found = {false};
        if (body == null) return false;
        body.forEachDescendant(n -> {
            if (n.is("attribute") && n.field("attribute") != null) {
                String attribute = n.field("attribute").text();
                if (attribute.startsWith("is_") || attribute.startsWith("has_")) {
                    if (Identifiers.words(attribute).stream().anyMatch(PRIVILEGE_WORDS::contains)) found[0] = true;
                }
            }
        });
        return found[0];
    }

    private static boolean privilegedClass(PyNode cls) {
        PyNode superclasses = cls.field("superclasses");
        if (superclasses != null && Identifiers.words(superclasses.text()).stream().anyMatch(PRIVILEGE_WORDS::contains)) {
            return true;
        }
        PyNode body = cls.field("body");
        if (body == null) return false;
        for (PyNode statement : body.namedChildren()) {
            if (statement.is("expression_statement") && !statement.namedChildren().isEmpty()
                    && statement.namedChildren().get(0).is("assignment")
                    && Identifiers.words(statement.text()).stream().anyMatch(PRIVILEGE_WORDS::contains)) {
                return true;
            }
        }
        return false;
    }

    private static boolean routeDecorated(PyNode decorated) {
        for (PyNode decorator : decoratorNodes(decorated)) {
            PyNode expression = decorator.namedChildren().get(0);
            if (!expression.is("call") || expression.field("function") == null) continue;
            PyNode callee = expression.field("function");
            if (callee.is("attribute") && ROUTE_METHODS.contains(text(callee.field("attribute")))) return true;
        }
        return false;
    }

    /** A Django function view: its first parameter is the request. */
    private static boolean djangoView(PyNode definition) {
        List<String> parameters = Identifiers.parameterNames(definition);
        return !parameters.isEmpty() && parameters.get(0).equals("request");
    }

    private static boolean viewClass(PyNode cls) {
        PyNode superclasses = cls.field("superclasses");
        return superclasses != null && superclasses.namedChildren().stream()
                .anyMatch(b -> Identifiers.lastName(b).endsWith("View") || Identifiers.lastName(b).endsWith("ViewSet"));
    }

    static Map<String, PyNode> definitions(PyNode block) {
        Map<String, PyNode> functions = new LinkedHashMap<>();
        if (block == null) return functions;
        for (PyNode child : block.namedChildren()) {
            PyNode definition = child.definition();
            if (definition != null && definition.is("function_definition") && definition.field("name") != null) {
                functions.put(definition.field("name").text(), child);
            }
        }
        return functions;
    }


    static List<PyNode> decoratorNodes(PyNode decorated) {
        if (!decorated.is("decorated_definition")) return List.of();
        return decorated.namedChildren().stream()
                .filter(c -> c.is("decorator") && !c.namedChildren().isEmpty()).toList();
    }

    static List<PyNode> arguments(PyNode call) {
        PyNode arguments = call.field("arguments");
        return arguments == null ? List.of() : arguments.namedChildren().stream().filter(a -> !a.is("comment")).toList();
    }

    /** {@code Invoice}, {@code models.Invoice}: a class by Python's naming. */
    static boolean className(PyNode node) {
        if (node == null || !(node.is("identifier") || node.is("attribute"))) return false;
        String name = Identifiers.lastName(node);
        return !name.isEmpty() && Character.isUpperCase(name.charAt(0)) && !name.equals(name.toUpperCase(Locale.ROOT));
    }

    static boolean attributeName(PyNode identifier) {
        PyNode parent = identifier.parent();
        return parent != null && parent.is("attribute") && parent.field("attribute") == identifier
                || parent != null && parent.is("keyword_argument") && parent.field("name") == identifier;
    }

    static String text(PyNode node) {
        return node == null ? "" : node.text();
    }

    /** Whether the route writes: a write method in its decorator or view, or a commit, save or delete in its body. */
    private static boolean writes(PyNode decorated, PyNode definition) {
        String name = text(definition.field("name"));
        if (WRITE_VERBS.contains(name) || Set.of("update", "partial_update", "destroy").contains(name)) return true;
        for (PyNode decorator : decoratorNodes(decorated)) {
            PyNode expression = decorator.namedChildren().get(0);
            PyNode callee = expression.is("call") ? expression.field("function") : expression;
            if (callee != null && WRITE_VERBS.contains(Identifiers.lastName(callee).toLowerCase(Locale.ROOT).replace("require_", ""))) {
                return true;
            }
            if (WRITE_METHOD.matcher(decorator.text()).find()) return true;
        }
        boolean[] found = {false};
        PyNode body = definition.field("body");
        if (body != null) {
            body.forEachDescendant(n -> {
                if (n.is("call") && n.field("function") != null && Set.of("commit", "save", "delete", "update")
                        .contains(Identifiers.lastName(n.field("function")))) {
                    found[0] = true;
                }
            });
        }
        return found[0];
    }

    /** Whether the node names the acting user: {@code current_user}, {@code request.user}, a name in {@code identity}. */
    static boolean mentionsIdentity(PyNode node, Set<String> identity) {
        return firstIdentity(node, identity) != null;
    }

    /** The first expression in the node that names the acting user, or null. */
    static PyNode firstIdentity(PyNode node, Set<String> identity) {
        PyNode[] found = {null};
        node.forEachDescendant(n -> {
            if (found[0] != null) return;
            boolean candidate = (n.is("attribute") || n.is("identifier")) && IDENTITY_EXPRESSIONS.contains(n.text())
                    || n.is("identifier") && identity.contains(n.text()) && !attributeName(n)
                    || n.is("call") && n.field("function") != null && IDENTITY_CALLS.contains(Identifiers.lastName(n.field("function")))
                    || n.is("subscript") && n.field("value") != null && n.field("value").text().equals("session")
                    && n.text().contains("user");
            // The import that brings current_user in is not a use of it; asked only of a candidate, being a walk up.
            if (candidate && n.ancestor("import_from_statement", "import_statement") == null) found[0] = n;
        });
        return found[0];
    }

    /** FastAPI's parameters that receive the acting user: {@code user: User = Depends(get_current_user)}. */
    static Set<String> identityParameters(PyNode definition) {
        Set<String> identity = new HashSet<>();
        PyNode parameters = definition.field("parameters");
        if (parameters == null) return identity;
        for (PyNode parameter : parameters.namedChildren()) {
            PyNode name = parameter.field("name");
            PyNode value = parameter.field("value");
            if (name == null || value == null || !value.is("call") || value.field("function") == null) continue;
            String callee = Identifiers.lastName(value.field("function"));
            if ((callee.equals("Depends") || callee.equals("Security"))
                    && Identifiers.words(name.text() + " " + value.text()).contains("user")) {
                identity.add(name.text());
            }
        }
        return identity;
    }
}
