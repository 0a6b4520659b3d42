package dev.secreview.python.rules.access;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.semantic.StringLiteral;
import dev.secreview.python.tree.PyNode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.secreview.python.rules.access.WebRoutes.arguments;
import static dev.secreview.python.rules.access.WebRoutes.attributeName;
import static dev.secreview.python.semantic.Identifiers.lastName;
import static dev.secreview.python.rules.access.WebRoutes.model;
import static dev.secreview.python.rules.access.WebRoutes.requestData;
import static dev.secreview.python.rules.access.WebRoutes.text;

/**
 * A route that takes the acting user's id from what the client sends ({@code request.json["user_id"]}) and fetches
 * or changes that user's data with it, in a module that knows who is logged in ({@code current_user},
 * {@code request.user}, {@code g.user}): the client names the user it acts as.
 */
@RuleInfo(
        id = "py-user-id-from-request",
        cwe = 639,
        severity = Severity.HIGH,
        confidence = Confidence.MEDIUM,
        summary = "A route takes the user it acts for from the request (request.json[\"user_id\"], a form or query "
                + "field) and fetches or changes that user's data with it, although the session knows who is "
                + "logged in (current_user, request.user, g.user): any client can act as another user by sending "
                + "their id.",
        fix = "Take the acting user from the session (current_user.id, request.user, g.user), never from the "
                + "request; where an administrator may act for another user, check that role first.",
        altNames = {})
public final class UserIdFromRequestRule implements NodeRule {

    /** First words of a field that names a user; the rest of the name must say it is an id. */
    private static final Set<String> USER_WORDS = Set.of("user", "owner", "account", "author", "customer", "member",
            "creator", "uid", "userid");
    private static final Set<String> ID_WORDS = Set.of("id", "pk", "uuid");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("module");
    }

    @Override
    public void visitNode(PyNode module, RuleContext context) {
        List<WebRoutes.Handler> handlers = WebRoutes.handlers(module);
        if (handlers.isEmpty()) return;  // most modules: no walk for the session's identity
        PyNode identity = WebRoutes.firstIdentity(module, Set.of());
        for (WebRoutes.Handler handler : handlers) {
            if (handler.privileged()) continue;
            PyNode body = handler.definition().field("body");
            if (body == null) continue;
            PyNode sessionUser = identity != null ? identity
                    : WebRoutes.firstIdentity(handler.definition(), WebRoutes.identityParameters(handler.definition()));
            if (sessionUser == null) continue;
            body.forEachDescendant(read -> {
                if (!userIdRead(read)) return;
                Set<String> names = new HashSet<>();
                String local = boundName(read);
                if (local != null) names.add(local);
                if (comparedWithSession(body, read, names, handler)) return;
                PyNode use = use(body, read, names);
                if (use == null) return;
                context.report(read, "`" + text(handler.definition().field("name")) + "` takes the acting user's id "
                        + "from the request (`" + Snippets.shortened(read.text(), 50) + "`) and uses it in `"
                        + Snippets.shortened(use.text(), 70) + "`, while the application knows who is logged in (`"
                        + sessionUser.text() + "`, line " + sessionUser.startLine() + "): any client can act as "
                        + "another user by sending that user's id.",
                        Severity.HIGH, Confidence.MEDIUM,
                        use.within(read) ? List.of() : List.of(Map.entry(use, "where the user's data is fetched or changed")));
            });
        }
    }

    /** {@code request.json["user_id"]}, {@code request.form.get("owner_id")}, {@code request.args["uid"]}. */
    private static boolean userIdRead(PyNode node) {
        PyNode container;
        PyNode key;
        if (node.is("subscript")) {
            container = node.field("value");
            key = node.field("subscript");
        } else if (node.is("call") && node.field("function") != null && node.field("function").is("attribute")
                && text(node.field("function").field("attribute")).equals("get") && !arguments(node).isEmpty()) {
            container = node.field("function").field("object");
            key = arguments(node).get(0);
        } else {
            return false;
        }
        if (container == null || key == null || !key.is("string") || StringLiteral.hasInterpolation(key)) return false;
        boolean fromRequest = requestData(container) || container.is("call") && container.field("function") != null
                && requestData(container.field("function"));
        return fromRequest && userIdField(StringLiteral.value(key));
    }

    private static boolean userIdField(String field) {
        List<String> words = Identifiers.words(field);
        if (words.isEmpty() || !USER_WORDS.contains(words.get(0))) return false;
        if (words.size() == 1) return words.get(0).equals("uid") || words.get(0).equals("userid");
        return words.size() == 2 && ID_WORDS.contains(words.get(1));
    }

    /** The local the read is bound to ({@code user_id = request.json["user_id"]}), through {@code int(...)}. */
    private static String boundName(PyNode read) {
        PyNode at = read;
        while (at.parent() != null && (at.parent().is("argument_list") && at.parent().parent() != null
                && at.parent().parent().is("call") && Set.of("int", "str", "UUID", "uuid.UUID")
                .contains(text(at.parent().parent().field("function"))))) {
            at = at.parent().parent();
        }
        PyNode parent = at.parent();
        if (parent == null || !parent.is("assignment") || parent.field("right") != at) return null;
        PyNode left = parent.field("left");
        return left != null && left.is("identifier") ? left.text() : null;
    }

    /** Whether the route compares the id with the session's user ({@code if user_id != current_user.id: abort(403)}). */
    private static boolean comparedWithSession(PyNode body, PyNode read, Set<String> names, WebRoutes.Handler handler) {
        Set<String> identity = WebRoutes.identityParameters(handler.definition());
        boolean[] found = {false};
        body.forEachDescendant(n -> {
            if (found[0] || !n.is("comparison_operator")) return;
            if ((read.within(n) || mentions(n, names)) && WebRoutes.mentionsIdentity(n, identity)) found[0] = true;
        });
        return found[0];
    }

    /**
     * Where the id picks a user's data: a fetch keyed by it ({@code User.query.get(user_id)}), a call that gives it
     * as a user ({@code filter_by(user_id=user_id)}, {@code Order(owner_id=user_id)}), or a store into a user field
     * ({@code order.user_id = user_id}).
     */
    private static PyNode use(PyNode body, PyNode read, Set<String> names) {
        PyNode[] found = {null};
        body.forEachDescendant(n -> {
            if (found[0] != null) return;
            boolean carries = read.within(n) || mentions(n, names);
            if (!carries) return;
            if (n.is("call") && model(n) != null) {
                found[0] = n;
            } else if (n.is("keyword_argument") && n.field("name") != null && userField(n.field("name").text())
                    && n.field("value") != null && (read.within(n.field("value")) || mentions(n.field("value"), names))) {
                found[0] = n;
            } else if (n.is("assignment") && n.field("left") != null && n.field("left").is("attribute")
                    && userField(lastName(n.field("left"))) && n.field("right") != null
                    && (read.within(n.field("right")) || mentions(n.field("right"), names))) {
                found[0] = n;
            }
        });
        return found[0];
    }

    private static boolean userField(String name) {
        List<String> words = Identifiers.words(name);
        return !words.isEmpty() && USER_WORDS.contains(words.get(0))
                && (words.size() == 1 || words.size() == 2 && ID_WORDS.contains(words.get(1)));
    }

    private static boolean mentions(PyNode node, Set<String> names) {
        if (names.isEmpty()) return false;
        boolean[] found = {false};
        node.forEachDescendant(n -> {
            if (n.is("identifier") && names.contains(n.text()) && !attributeName(n)) found[0] = true;
        });
        return found[0];
    }
}
