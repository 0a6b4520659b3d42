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
import java.util.Set;

/**
 * A route that changes a user's password, removes the user or changes what they may do, and ends none of their
 * sessions: a session stolen or left open before the change keeps working with the old rights. Django's
 * authentication invalidates other sessions on a password change by itself (the session's auth hash), so the rule
 * reads route decorators (Flask, FastAPI and the like), where nothing does it for the application.
 */
@RuleInfo(
        id = "py-session-not-invalidated",
        cwe = 613,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A route changes a user's password, deletes the user or changes their permissions, and ends none "
                + "of that user's sessions: a session opened before the change keeps the old access.",
        fix = "End the user's other sessions when the password, the account or its permissions change (delete their "
                + "server-side sessions, or bump a per-user session version that every request checks), and rotate "
                + "the current session.",
        altNames = {})
public final class SessionNotInvalidatedRule implements NodeRule {

    private static final Set<String> ROUTE_METHODS = Set.of("route", "get", "post", "put", "delete", "patch",
            "api_route");
    /** Methods that change a user's password: no session is tied to the old one unless the application ties it. */
    private static final Set<String> PASSWORD_CHANGES = Set.of("change_password", "set_password", "update_password",
            "reset_password");
    /**
     * Methods that remove a user or change what they may do. A session that looks the user up on each request
     * (Flask-Login's user loader) sees the change by itself; one that carries the user's name or rights does not.
     */
    private static final Set<String> ACCESS_CHANGES = Set.of("remove_user", "delete_user", "deactivate_user",
            "disable_user", "set_user_permission", "set_user_permissions", "change_user_permissions",
            "update_user_permissions", "set_user_role", "change_user_role", "update_user_role");
    /** Words of a call that ends sessions. */
    private static final Set<String> ENDING = Set.of("clear", "invalidate", "revoke", "delete", "destroy", "flush",
            "expire", "end", "kill", "remove", "terminate");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("decorated_definition");
    }

    @Override
    public void visitNode(PyNode decorated, RuleContext context) {
        PyNode function = decorated.field("definition");
        if (function == null || !function.is("function_definition") || !route(decorated)) return;
        List<PyNode> changes = new ArrayList<>();
        boolean[] ends = {false};
        function.forEachDescendant(n -> {
            if (!n.is("call") || n.field("function") == null) return;
            String name = lastName(n.field("function"));
            if (PASSWORD_CHANGES.contains(name) || ACCESS_CHANGES.contains(name)) changes.add(n);
            // every name of the callee's chain: `flask.session.clear` ends sessions as `clear_user_sessions` does
            List<String> words = new ArrayList<>();
            for (String part : n.field("function").text().split("\\.")) words.addAll(Identifiers.words(part));
            if (words.contains("logout") || words.contains("invalidate") || words.contains("revoke")
                    || (words.contains("session") || words.contains("sessions"))
                    && words.stream().anyMatch(ENDING::contains)) {
                ends[0] = true;
            }
        });
        if (ends[0]) return;
        boolean identityInSession = readsIdentityFromSession(function, context);
        for (PyNode change : changes) {
            if (!identityInSession && ACCESS_CHANGES.contains(lastName(change.field("function")))) continue;
            context.report(change, "`" + lastName(change.field("function")) + "` changes the account, and `"
                    + function.field("name").text() + "` ends none of its sessions: a session opened before (stolen, "
                    + "or left signed in elsewhere) keeps the access the change was meant to take away.");
        }
    }

    /**
     * The route reads who the user is from the session's items ({@code session["name"]}, {@code s["role"]} with
     * {@code s = flask.session}): the application keeps the user's identity in the session rather than looking the
     * user up, so a session outlives a removal or a change of rights.
     */
    private static boolean readsIdentityFromSession(PyNode function, RuleContext context) {
        boolean[] reads = {false};
        function.forEachDescendant(n -> {
            if (reads[0] || !n.is("subscript") || n.field("value") == null) return;
            PyNode object = n.field("value");
            PyNode bound = object.is("identifier") ? context.values().singleAssignedValue(object) : null;
            String named = bound != null ? bound.text() : object.text();
            if (named.equals("session") || named.endsWith(".session")) reads[0] = true;
        });
        return reads[0];
    }

    private static boolean route(PyNode decorated) {
        for (PyNode decorator : decorated.namedChildren()) {
            if (!decorator.is("decorator") || decorator.namedChildren().isEmpty()) continue;
            PyNode expression = decorator.namedChildren().get(0);
            if (!expression.is("call")) continue;
            PyNode callee = expression.field("function");
            if (callee != null && callee.is("attribute") && ROUTE_METHODS.contains(lastName(callee))) return true;
        }
        return false;
    }

    private static String lastName(PyNode callee) {
        PyNode last = callee.is("attribute") ? callee.field("attribute") : callee;
        return last == null ? "" : last.text();
    }
}
