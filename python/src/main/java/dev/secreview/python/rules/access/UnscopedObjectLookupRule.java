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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.secreview.python.rules.access.WebRoutes.arguments;
import static dev.secreview.python.rules.access.WebRoutes.attributeName;
import static dev.secreview.python.rules.access.WebRoutes.definitions;
import static dev.secreview.python.semantic.Identifiers.lastName;
import static dev.secreview.python.rules.access.WebRoutes.model;
import static dev.secreview.python.rules.access.WebRoutes.requestData;
import static dev.secreview.python.rules.access.WebRoutes.text;

/**
 * A route that fetches an object by a key the client sends, with no filter on the current user and no ownership
 * check after, in a module whose other routes scope the same kind of lookup to the current user. As with
 * {@link MissingAuthorizationRule}, the module's own majority is the policy: where most routes that look up an
 * {@code Invoice} filter it by its owner or compare its owner with the caller, the one that does neither lets any
 * user read or change another's invoice by changing the id (insecure direct object reference).
 */
@RuleInfo(
        id = "py-idor-unscoped-lookup",
        cwe = 639,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A route fetches an object by an id from the request (route parameter, query, form or body) with no "
                + "filter on the current user and no ownership check after, while the module's other routes that "
                + "look up the same model scope it to the current user: any user can reach another's object by "
                + "changing the id.",
        fix = "Scope the lookup the way the sibling routes do (filter_by(id=..., owner_id=current_user.id), "
                + "get_object_or_404(Model, pk=pk, owner=request.user), request.user.invoices.get(pk=pk)), or check "
                + "the object's owner against the current user before using it.",
        altNames = {})
public final class UnscopedObjectLookupRule implements NodeRule {

    /** Words of a key that is a secret of its own (a share link, a reset token): whoever holds it may see the object. */
    private static final Set<String> SECRET_KEY_WORDS = Set.of("token", "secret", "key", "hash", "signature", "nonce",
            "otp", "invite", "invitation", "activation", "share", "shared", "public");
    /** Words of a called function that checks access to what it is given. */
    private static final Set<String> CHECK_WORDS = Set.of("can", "authorize", "authorise", "permission",
            "permissions", "perm", "perms", "owner", "owns", "owned", "access", "allowed", "ensure", "require",
            "check", "verify", "assert", "belongs");
    private static final int MIN_SCOPED = 2;
    private static final int MAX_DEPTH = 2;

    /** One fetch by a client's key: where it is, the model, and the filter or check that scopes it (null: none). */
    private record Lookup(PyNode at, PyNode call, String model, String shownModel, PyNode scope) {
    }

    /** A route's fetches of each model, whether it writes, and whether it is for privileged users only. */
    private record Route(PyNode definition, List<Lookup> lookups, boolean writes, boolean privileged) {
    }

    /** The names a function knows as the acting user and as the client's keys. */
    private record Names(Set<String> identity, Set<String> keys) {
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of("module");
    }

    @Override
    public void visitNode(PyNode module, RuleContext context) {
        Map<String, PyNode> functions = definitions(module);
        List<Route> routes = new ArrayList<>();
        for (WebRoutes.Handler handler : WebRoutes.handlers(module)) {
            Names names = routeNames(handler.definition());
            List<Lookup> lookups = new ArrayList<>();
            collect(handler.definition(), names, functions, 0, new ArrayList<>(), lookups);
            routes.add(new Route(handler.definition(), lookups, handler.writes(), handler.privileged()));
        }
        Map<String, List<Route>> scoped = new LinkedHashMap<>();
        Map<String, List<Route>> unscoped = new LinkedHashMap<>();
        for (Route route : routes) {
            if (route.privileged()) continue;
            Set<String> models = new LinkedHashSet<>();
            route.lookups().forEach(l -> models.add(l.model()));
            for (String model : models) {
                // a route that has scoped the object once may fetch it again by the same key
                boolean anyScoped = route.lookups().stream().filter(l -> l.model().equals(model))
                        .anyMatch(l -> l.scope() != null);
                (anyScoped ? scoped : unscoped).computeIfAbsent(model, m -> new ArrayList<>()).add(route);
            }
        }
        unscoped.forEach((model, open) -> {
            List<Route> closed = scoped.getOrDefault(model, List.of());
            int total = closed.size() + open.size();
            if (closed.size() < MIN_SCOPED || 3 * closed.size() < 2 * total) return;
            boolean readsScoped = closed.stream().anyMatch(r -> !r.writes());
            for (Route route : open) {
                // reads of a model whose writes alone are scoped may be public on purpose (a post, a profile)
                if (!route.writes() && !readsScoped) continue;
                report(route, model, closed, total, context);
            }
        });
    }

    private static void report(Route route, String model, List<Route> closed, int total, RuleContext context) {
        Lookup open = route.lookups().stream().filter(l -> l.model().equals(model)).findFirst().orElseThrow();
        List<Map.Entry<PyNode, String>> related = new ArrayList<>();
        boolean throughHelper = open.at() != open.call();
        if (throughHelper) related.add(Map.entry(open.call(), "the unscoped fetch"));
        PyNode example = null;
        for (Route sibling : closed) {
            if (related.size() == 4) break;
            for (Lookup l : sibling.lookups()) {
                if (!l.model().equals(model)) continue;
                related.add(Map.entry(l.scope(), "`" + name(sibling.definition()) + "` scopes it here"));
                if (example == null) example = l.scope();
                break;
            }
        }
        context.report(open.at(), "`" + name(route.definition()) + "` fetches `" + open.shownModel() + "` by a key from "
                + "the request" + (throughHelper ? " (through `" + open.at().field("function").text() + "`)" : "")
                + " with no filter on the current user and no ownership check after, while "
                + closed.size() + " of the module's " + total + " routes that look up `" + open.shownModel()
                + "` scope it to the current user (`" + Snippets.shortened(example.text(), 60) + "`): any user can "
                + "reach another's object by changing the id.",
                Severity.MEDIUM, Confidence.MEDIUM, related);
    }

    /**
     * The fetches by a client's key in {@code function} and in the module functions it hands such a key to (two
     * calls deep), each with what scopes it there or, for a helper's result, in the caller.
     */
    private static void collect(PyNode function, Names names, Map<String, PyNode> functions, int depth,
                                List<PyNode> seen, List<Lookup> lookups) {
        if (depth > MAX_DEPTH || seen.contains(function)) return;
        seen.add(function);
        PyNode body = function.field("body");
        if (body == null) return;
        bindLocals(body, names);
        body.forEachDescendant(n -> {
            if (!n.is("call") || n.field("function") == null) return;
            PyNode model = model(n);
            if (model != null) {
                if (keyed(n, names) && !insideOtherLookup(n)) {
                    PyNode scope = mentionsIdentity(n, names) ? n : checkAfter(n, body, names, functions);
                    lookups.add(new Lookup(n, n, normalised(model.text()), model.text(), scope));
                    if (scope != null) ownedBy(n, names);
                }
                return;
            }
            PyNode callee = n.field("function");
            if (!callee.is("identifier") || !functions.containsKey(callee.text())) return;
            PyNode helper = functions.get(callee.text()).definition();
            Names helperNames = helperNames(n, helper, names);
            if (helperNames == null) return;
            List<Lookup> found = new ArrayList<>();
            collect(helper, helperNames, functions, depth + 1, seen, found);
            PyNode afterCheck = found.stream().anyMatch(l -> l.scope() == null) ? checkAfter(n, body, names, functions) : null;
            // what the helper fetches is reported where the route calls it
            for (Lookup lookup : found) {
                lookups.add(new Lookup(n, lookup.call(), lookup.model(), lookup.shownModel(),
                        lookup.scope() == null ? afterCheck : lookup.scope()));
            }
            if (!found.isEmpty() && found.stream().allMatch(l -> l.scope() != null) || afterCheck != null) ownedBy(n, names);
        });
    }

    /**
     * An object fetched scoped stands for the acting user from then on: what is compared with it or fetched through
     * it ({@code channel.project_id != check.project_id}, {@code get_object_or_404(Ping, owner=check, n=n)}) is scoped.
     */
    private static void ownedBy(PyNode call, Names names) {
        String bound = boundName(call);
        if (bound != null) names.identity().add(bound);
    }

    /** A chain nested inside another fetch (the query set handed to {@code get_object_or_404}) is that fetch's. */
    private static boolean insideOtherLookup(PyNode call) {
        for (PyNode at = call.parent(); at != null && !at.is("function_definition"); at = at.parent()) {
            if (at.is("call") && at.field("function") != null && model(at) != null) return true;
        }
        return false;
    }

    /** Whether the fetch is keyed by a client's value that is not a secret of its own. */
    private static boolean keyed(PyNode call, Names names) {
        boolean[] keyed = {false};
        boolean[] secret = {false};
        call.forEachDescendant(n -> {
            if (n.is("keyword_argument") && n.field("name") != null && secretKey(n.field("name").text())
                    && n.field("value") != null && fromClient(n.field("value"), names)) {
                secret[0] = true;
            }
            if (!clientValue(n, names)) return;
            if (n.is("identifier") && secretKey(n.text())) secret[0] = true;
            else keyed[0] = true;
        });
        return keyed[0] && !secret[0];
    }

    private static boolean fromClient(PyNode value, Names names) {
        boolean[] found = {false};
        value.forEachDescendant(n -> {
            if (clientValue(n, names)) found[0] = true;
        });
        return found[0];
    }

    /** A key the route was given, {@code request.args} and the like, or a class-based view's {@code self.kwargs}. */
    private static boolean clientValue(PyNode n, Names names) {
        return n.is("identifier") && names.keys().contains(n.text()) && !attributeName(n) || requestData(n)
                || n.is("attribute") && n.text().equals("self.kwargs");
    }

    private static boolean secretKey(String name) {
        return Identifiers.words(name).stream().anyMatch(SECRET_KEY_WORDS::contains);
    }

    private static boolean mentionsIdentity(PyNode node, Names names) {
        return WebRoutes.mentionsIdentity(node, names.identity());
    }

    /**
     * The check after the fetch bound to a name: a comparison, a condition or a fetch that puts the object beside
     * the acting user ({@code invoice.owner_id != current_user.id}, {@code if can_edit(current_user, invoice)},
     * {@code get_object_or_404(Member, project=invoice.project, user=request.user)}), or a call named as a check
     * that is given the object ({@code ensure_owner(invoice)}).
     */
    private static PyNode checkAfter(PyNode call, PyNode body, Names names, Map<String, PyNode> functions) {
        String bound = boundName(call);
        if (bound == null) return null;
        PyNode[] found = {null};
        body.forEachDescendant(n -> {
            if (found[0] != null || n.startOffset() < call.endOffset()) return;
            boolean comparison = n.is("comparison_operator");
            boolean checkingCall = n.is("call") && n.field("function") != null;
            if (!comparison && !checkingCall) return;
            if (!mentionsName(n, bound)) return;
            boolean asks = comparison || inCondition(n) || model(n) != null;
            if (asks && mentionsIdentity(n, names)) found[0] = n;
            else if (checkingCall && checks(n, functions, 0)) found[0] = n;
        });
        return found[0];
    }

    /**
     * Whether a call checks what it is given: it is named as a check, or it is a function of the module that asks
     * about the acting user or makes such a call (two calls deep).
     */
    private static boolean checks(PyNode call, Map<String, PyNode> functions, int depth) {
        PyNode callee = call.field("function");
        if (Identifiers.words(lastName(callee)).stream().anyMatch(CHECK_WORDS::contains)) return true;
        if (depth == MAX_DEPTH || !callee.is("identifier") || !functions.containsKey(callee.text())) return false;
        PyNode body = functions.get(callee.text()).definition().field("body");
        if (body == null) return false;
        Names none = new Names(new HashSet<>(), new HashSet<>());
        if (mentionsIdentity(body, none)) return true;
        boolean[] found = {false};
        body.forEachDescendant(n -> {
            if (!found[0] && n.is("call") && n.field("function") != null && checks(n, functions, depth + 1)) {
                found[0] = true;
            }
        });
        return found[0];
    }

    /** Whether the node is (in) the condition of an {@code if}, {@code elif}, {@code while} or {@code assert}. */
    private static boolean inCondition(PyNode node) {
        for (PyNode at = node; at.parent() != null; at = at.parent()) {
            PyNode parent = at.parent();
            if (parent.is("assert_statement")) return true;
            if ((parent.is("if_statement") || parent.is("elif_clause") || parent.is("while_statement"))
                    && parent.field("condition") == at) {
                return true;
            }
            if (parent.is("block") || parent.is("function_definition")) return false;
        }
        return false;
    }

    /** The name an assignment binds the call's result to ({@code invoice = Invoice.query.get(id)}). */
    private static String boundName(PyNode call) {
        PyNode parent = call.parent();
        while (parent != null && (parent.is("await") || parent.is("parenthesized_expression"))) parent = parent.parent();
        if (parent == null || !parent.is("assignment") || parent.field("left") == null) return null;
        PyNode left = parent.field("left");
        return left.is("identifier") ? left.text() : null;
    }

    private static boolean mentionsName(PyNode node, String name) {
        boolean[] found = {false};
        node.forEachDescendant(n -> {
            if (n.is("identifier") && n.text().equals(name) && !attributeName(n)) found[0] = true;
        });
        return found[0];
    }

    /** A route's keys are its parameters other than the request and the acting user; its identities those users. */
    private static Names routeNames(PyNode definition) {
        Set<String> identity = WebRoutes.identityParameters(definition);
        Set<String> keys = new HashSet<>(Identifiers.parameterNames(definition));
        keys.removeAll(identity);
        keys.removeAll(Set.of("self", "cls", "request", "req"));
        keys.add("kwargs");  // Django's **kwargs carry the URL's parameters
        return new Names(identity, keys);
    }

    /**
     * A helper's keys and identities are the parameters the caller hands its own keys and identities to; a helper
     * handed the request reads both from it. Null when it is handed neither keys nor the request.
     */
    private static Names helperNames(PyNode call, PyNode helper, Names caller) {
        Set<String> identity = new HashSet<>();
        Set<String> keys = new HashSet<>();
        boolean request = false;
        List<String> parameters = Identifiers.parameterNames(helper);
        List<PyNode> arguments = arguments(call);
        for (int i = 0; i < arguments.size(); i++) {
            PyNode argument = arguments.get(i);
            boolean keyword = argument.is("keyword_argument");
            PyNode value = keyword ? argument.field("value") : argument;
            String parameter = keyword ? text(argument.field("name")) : i < parameters.size() ? parameters.get(i) : null;
            if (value == null || parameter == null) continue;
            if (value.text().equals("request") || value.text().equals("self.request")) request = true;
            else if (mentionsIdentity(value, caller)) identity.add(parameter);
            else if (fromClient(value, caller)) keys.add(parameter);
        }
        return keys.isEmpty() && !request ? null : new Names(identity, keys);
    }

    /** Locals bound to the acting user or to a client's value become names of them: {@code uid = current_user.id}. */
    private static void bindLocals(PyNode body, Names names) {
        body.forEachDescendant(n -> {
            if (!n.is("assignment") || n.field("left") == null || !n.field("left").is("identifier")
                    || n.field("right") == null) {
                return;
            }
            PyNode right = n.field("right");
            String left = n.field("left").text();
            if (model(right) != null) return;
            if (mentionsIdentity(right, names)) names.identity().add(left);
            else if (fromClient(right, names)) names.keys().add(left);
        });
    }

    /** {@code Invoice}, {@code invoices} and {@code invoice_set} are one model. */
    private static String normalised(String model) {
        String name = model.substring(model.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT).replace("_", "");
        if (name.endsWith("set")) name = name.substring(0, name.length() - 3);
        if (name.endsWith("s")) name = name.substring(0, name.length() - 1);
        return name;
    }

    private static String name(PyNode definition) {
        return text(definition.field("name"));
    }
}
