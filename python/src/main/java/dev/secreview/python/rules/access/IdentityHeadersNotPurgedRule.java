package dev.secreview.python.rules.access;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.StringLiteral;
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
 * An authentication middleware tells the application who the caller is in request headers (keystonemiddleware's
 * {@code X-User-Id}, {@code X-Roles}, {@code X-Identity-Status}). The application cannot tell those from the same
 * headers sent by the client, so the middleware must remove the client's copies on every request; one that only
 * writes them when it authenticates passes the client's own {@code X-Roles: admin} through on the requests it lets by
 * without authenticating.
 */
@RuleInfo(
        id = "py-identity-header-not-purged",
        cwe = 290,
        severity = Severity.HIGH,
        confidence = Confidence.MEDIUM,
        summary = "An authentication middleware writes identity headers (X-User-Id, X-Roles, X-Identity-Status) when "
                + "it authenticates, but lets other requests through to the application without removing the "
                + "client's own copies, which the application then trusts.",
        fix = "Remove every identity header the middleware owns from each request before deciding anything "
                + "(keystonemiddleware's _remove_auth_headers, swift's s3token: headers set to None), then write "
                + "them only from what was authenticated.",
        altNames = {})
public final class IdentityHeadersNotPurgedRule implements NodeRule {

    /** Identity headers as normalised here: upper case, {@code _} for {@code -}, no {@code HTTP_} prefix. */
    private static final Pattern IDENTITY_HEADER = Pattern.compile("X_(SERVICE_)?(USER(_ID|_NAME|_DOMAIN_ID|_DOMAIN_NAME)?"
            + "|PROJECT_(ID|NAME|DOMAIN_ID|DOMAIN_NAME)|TENANT(_ID|_NAME)?|DOMAIN_(ID|NAME)|ROLES?|IDENTITY_STATUS"
            + "|IS_ADMIN_PROJECT)");
    /** Words of a helper's name that say it removes headers ({@code _remove_auth_headers}, {@code purge_headers}). */
    private static final Set<String> REMOVING_WORDS = Set.of("remove", "purge", "strip", "clear", "delete", "drop",
            "scrub", "sanitize", "sanitise");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("class_definition");
    }

    @Override
    public void visitNode(PyNode cls, RuleContext context) {
        Map<String, PyNode> methods = methods(cls);
        if (methods.values().stream().noneMatch(IdentityHeadersNotPurgedRule::entry)) return;
        Set<String> apps = wrappedApplications(methods.get("__init__"));
        if (apps.isEmpty() || removesIdentityHeaders(cls) || calledFunctions(cls).stream()
                .anyMatch(IdentityHeadersNotPurgedRule::removesIdentityHeaders)) {
            return;
        }
        Set<String> writers = writingMethods(methods);
        for (String name : writers) {
            PyNode method = methods.get(name);
            PyNode write = firstWrite(method, writers);
            PyNode passThrough = firstPassThrough(method, apps);
            if (write == null || passThrough == null || passThrough.startOffset() > write.startOffset()) continue;
            context.report(passThrough, "`" + cls.field("name").text() + "` writes identity headers (`"
                            + write.text().lines().findFirst().orElse("").strip() + "`) when it authenticates, but "
                            + "here passes the request on without removing the client's own copies: a client that "
                            + "sends `X-Roles: admin` or another user's `X-User-Id` is taken at its word.",
                    Severity.HIGH, Confidence.MEDIUM, List.of(Map.entry(write, "identity headers written here")));
            return;
        }
    }

    /** A WSGI entry: {@code __call__(self, environ, start_response)}, a {@code @wsgify} method, {@code process_request}. */
    private static boolean entry(PyNode method) {
        PyNode decorated = method.parent();
        if (decorated != null && decorated.is("decorated_definition") && decorated.namedChildren().stream()
                .anyMatch(d -> d.is("decorator") && d.text().contains("wsgify"))) {
            return true;
        }
        String name = method.field("name").text();
        return name.equals("process_request")
                || name.equals("__call__") && Identifiers.parameterNames(method).size() >= 3;
    }

    /** The attributes {@code __init__} keeps the wrapped application in: {@code self.app = app}. */
    private static Set<String> wrappedApplications(PyNode init) {
        Set<String> apps = new HashSet<>();
        if (init == null) return apps;
        List<String> parameters = Identifiers.parameterNames(init);
        if (parameters.size() < 2) return apps;
        String app = parameters.get(1);
        init.field("body").forEachDescendant(node -> {
            if (!node.is("assignment")) return;
            PyNode left = node.field("left");
            PyNode right = node.field("right");
            if (selfAttribute(left) && right != null && right.is("identifier") && right.text().equals(app)) {
                apps.add(left.field("attribute").text());
            }
        });
        return apps;
    }

    /** The methods of the class that write identity headers, themselves or through another method of the class. */
    private static Set<String> writingMethods(Map<String, PyNode> methods) {
        Set<String> writers = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, PyNode> method : methods.entrySet()) {
                if (!writers.contains(method.getKey()) && firstWrite(method.getValue(), writers) != null) {
                    writers.add(method.getKey());
                    grew = true;
                }
            }
        }
        return writers;
    }

    /** The first identity-header write in the method, or call of a method of the class that writes. */
    private static PyNode firstWrite(PyNode method, Set<String> writers) {
        PyNode[] first = {null};
        method.field("body").forEachDescendant(node -> {
            if (first[0] != null) return;
            if (node.is("assignment") && node.field("left") != null && node.field("left").is("subscript")
                    && identityHeader(node.field("left").field("subscript"))) {
                first[0] = node;
            } else if (node.is("pair") && identityHeader(node.field("key")) && !isNone(node.field("value"))) {
                first[0] = node;
            } else if (node.is("call") && selfAttribute(node.field("function"))
                    && writers.contains(node.field("function").field("attribute").text())) {
                first[0] = node;
            }
        });
        return first[0];
    }

    /** The first place the method hands the request to the wrapped application: {@code return self.app(env, start)}, {@code return self.app}. */
    private static PyNode firstPassThrough(PyNode method, Set<String> apps) {
        PyNode[] first = {null};
        method.field("body").forEachDescendant(node -> {
            if (first[0] != null || !node.is("return_statement") || node.namedChildren().isEmpty()) return;
            PyNode value = node.namedChildren().get(0);
            if (value.is("call")) value = value.field("function");
            if (selfAttribute(value) && apps.contains(value.field("attribute").text())) first[0] = node;
        });
        return first[0];
    }

    /**
     * Whether the code removes identity headers anywhere: {@code del env['HTTP_X_ROLES']},
     * {@code headers.pop(name, None)} in a loop over names, {@code req.headers.update({h: None for h in NAMES})},
     * {@code 'X-Roles': None}, a helper named for removing headers.
     */
    private static boolean removesIdentityHeaders(PyNode module) {
        boolean[] found = {false};
        module.forEachDescendant(node -> {
            if (found[0]) return;
            if (node.is("delete_statement")) {
                found[0] = node.namedChildren().stream().anyMatch(IdentityHeadersNotPurgedRule::removedKeyIsAHeader);
            } else if (node.is("call") && node.field("function") != null) {
                PyNode function = node.field("function");
                String name = function.is("attribute") ? function.field("attribute").text() : function.text();
                List<String> words = Identifiers.words(name);
                if (words.stream().anyMatch(REMOVING_WORDS::contains)
                        && (words.contains("header") || words.contains("headers"))) {
                    found[0] = true;
                } else if (name.equals("pop") && node.field("arguments") != null
                        && !node.field("arguments").namedChildren().isEmpty()) {
                    found[0] = removedKeyIsAHeader(node.field("arguments").namedChildren().get(0));
                }
            } else if (node.is("pair") && isNone(node.field("value")) && identityHeader(node.field("key"))) {
                found[0] = true;
            } else if (node.is("dictionary_comprehension")) {
                PyNode body = node.field("body");
                found[0] = body != null && isNone(body.field("value"));
            }
        });
        return found[0];
    }

    /** {@code env['HTTP_X_ROLES']} or a name bound by a loop over names ({@code env[h]}, {@code pop(h, None)}). */
    private static boolean removedKeyIsAHeader(PyNode removed) {
        PyNode key = removed.is("subscript") ? removed.field("subscript") : removed;
        if (key == null) return false;
        if (identityHeader(key)) return true;
        if (!key.is("identifier")) return false;
        for (PyNode p = key.parent(); p != null; p = p.parent()) {
            if (p.is("for_statement") || p.is("for_in_clause")) {
                PyNode left = p.field("left");
                if (left != null && left.text().equals(key.text())) return true;
            }
        }
        return false;
    }

    /** A constant key naming an identity header the client can also send: {@code 'X-Roles'}, {@code 'HTTP_X_USER_ID'}. */
    private static boolean identityHeader(PyNode key) {
        if (key == null || !key.is("string") || StringLiteral.hasInterpolation(key)) return false;
        String raw = StringLiteral.value(key);
        String name = raw.toUpperCase(Locale.ROOT).replace('-', '_');
        if (name.startsWith("HTTP_")) name = name.substring("HTTP_".length());
        else if (!raw.contains("-")) return false;  // an environ key without HTTP_ is the server's own
        return IDENTITY_HEADER.matcher(name).matches();
    }

    private static boolean isNone(PyNode node) {
        return node != null && node.is("none");
    }

    private static boolean selfAttribute(PyNode node) {
        return node != null && node.is("attribute") && node.field("object") != null
                && node.field("object").text().equals("self") && node.field("attribute") != null;
    }

    private static Map<String, PyNode> methods(PyNode cls) {
        Map<String, PyNode> methods = new LinkedHashMap<>();
        WebRoutes.definitions(cls.field("body")).forEach((name, wrapped) -> {
            PyNode definition = wrapped.definition();
            if (definition.field("body") != null) methods.put(name, definition);
        });
        return methods;
    }

    /** The module's functions the class calls by name: helpers that may remove the headers for it. */
    private static List<PyNode> calledFunctions(PyNode cls) {
        Set<String> called = new HashSet<>();
        cls.forEachDescendant(node -> {
            if (node.is("call") && node.field("function") != null && node.field("function").is("identifier")) {
                called.add(node.field("function").text());
            }
        });
        PyNode module = cls;
        while (module.parent() != null) module = module.parent();
        List<PyNode> functions = new ArrayList<>();
        for (PyNode child : module.namedChildren()) {
            PyNode definition = child.definition();
            if (definition != null && definition.is("function_definition") && definition.field("name") != null
                    && called.contains(definition.field("name").text())) {
                functions.add(definition);
            }
        }
        return functions;
    }
}
