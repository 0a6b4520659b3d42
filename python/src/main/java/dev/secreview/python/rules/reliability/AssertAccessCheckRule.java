package dev.secreview.python.rules.reliability;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleInfo(
        id = "py-assert-access-check",
        cwe = 863,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "An authorization check is written as an assert, which python -O removes.",
        fix = "Check explicitly and raise the framework's access error: `if not context.is_admin: raise "
                + "exception.Forbidden()`, or `context.can(policies.POLICY_NAME, target)` / "
                + "`policy.authorize(context, action, target)` in OpenStack code; Django: `raise PermissionDenied`.",
        altNames = {"B101"})
public final class AssertAccessCheckRule implements NodeRule {
    /** What a principal is or holds, when asked as a predicate: {@code is_admin}, {@code user.is_superuser}, {@code authorized}. */
    private static final Set<String> PRINCIPAL_STATES = Set.of("admin", "superuser", "staff", "owner", "privileged",
            "authenticated", "authorized", "authorised", "permitted");
    /** What follows {@code has_}/{@code check_} in an access predicate: {@code has_perm}, {@code check_permission}. */
    private static final Set<String> GRANTS = Set.of("perm", "perms", "permission", "permissions", "access", "role",
            "roles", "privilege", "privileges", "auth", "authorization", "authorisation", "rights");
    /** Receivers of {@code enforce()}/{@code check()} that are an authorization engine: {@code policy.enforce(...)}. */
    private static final Set<String> ENGINES = Set.of("policy", "policies", "enforcer", "rbac", "acl", "acls",
            "authorizer", "authoriser");
    /** Names that hold the caller: the request context, the request, the current user and their credentials. */
    private static final Set<String> PRINCIPALS = Set.of("context", "ctx", "request", "req", "user", "current_user",
            "credentials", "creds", "principal", "identity", "caller", "auth_context", "user_context");
    private static final Set<String> INVARIANT_CALLS = Set.of("isinstance", "issubclass", "hasattr", "callable", "len",
            "type", "all", "any");
    private static final Set<String> TENANCY_IDS = Set.of("project_id", "tenant_id", "user_id", "owner_id", "domain_id");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("assert_statement");
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        List<PyNode> parts = node.namedChildren();
        if (parts.isEmpty()) return;
        PyNode condition = parts.get(0);
        if (isPlainInvariant(condition)) return;
        Evidence evidence = accessEvidence(condition);
        if (evidence == null) return;
        String kind = evidence.tenancy() ? "tenant-isolation check" : "authorization check";
        String shown = Snippets.shortened(condition.text(), 70);
        String because = shown.equals(evidence.text()) ? "" : " (`" + evidence.text() + "`)";
        context.report(node, "`assert " + shown + "` is the only thing enforcing this " + kind + because
                + ": Python drops assert statements when run with `-O` or PYTHONOPTIMIZE, and when it does run, "
                + "a failure raises AssertionError (a 500) rather than a proper 403.");
    }

    /** What in the condition shows an access decision: a predicate, a policy engine, a comparison with the caller. */
    private record Evidence(String text, boolean tenancy) {
    }

    private static Evidence accessEvidence(PyNode condition) {
        Evidence[] found = {null};
        condition.forEachDescendant(n -> {
            if (found[0] != null) return;
            if (n.is("identifier") && isAccessPredicate(n.text())) {
                found[0] = new Evidence(Snippets.shortened(n.parent() != null && n.parent().is("attribute")
                        && n.parent().field("attribute") == n ? n.parent().text() : n.text(), 70), false);
            } else if (n.is("call") && callsAuthorizationEngine(n)) {
                found[0] = new Evidence(Snippets.shortened(n.field("function").text(), 70), false);
            } else if (n.is("comparison_operator")) {
                found[0] = callerComparison(n);
            }
        });
        return found[0];
    }

    /**
     * {@code is_admin}, {@code is_system_admin}, {@code authorized}, {@code context.can}, {@code can_delete},
     * {@code has_perm}, {@code check_permission}, {@code authorize}: names that ask for an access decision.
     * A word such as {@code policy} or {@code role} inside another name ({@code deletion_policy}) is not one.
     */
    private static boolean isAccessPredicate(String name) {
        List<String> words = Identifiers.words(name);
        if (words.isEmpty()) return false;
        String first = words.get(0);
        String last = words.get(words.size() - 1);
        if (PRINCIPAL_STATES.contains(last) && (words.size() == 1 || first.equals("is") || first.equals("am"))) return true;
        if (first.equals("can") || first.equals("may")) return true;
        if (words.contains("authorize") || words.contains("authorise")) return true;
        for (int i = 0; i + 1 < words.size(); i++) {
            String verb = words.get(i);
            if ((verb.equals("has") || verb.equals("check")) && GRANTS.contains(words.get(i + 1))) return true;
        }
        return false;
    }

    /** {@code policy.enforce(context, rule, target)}, {@code self.enforcer.check(...)}. */
    private static boolean callsAuthorizationEngine(PyNode call) {
        PyNode function = call.field("function");
        if (function == null || !function.is("attribute") || function.field("attribute") == null) return false;
        String method = function.field("attribute").text();
        if (!method.equals("enforce") && !method.equals("check")) return false;
        PyNode receiver = function.field("object");
        if (receiver == null) return false;
        String last = receiver.is("attribute") && receiver.field("attribute") != null
                ? receiver.field("attribute").text() : receiver.text();
        return Identifiers.words(last).stream().anyMatch(ENGINES::contains);
    }

    /**
     * A comparison with the caller: {@code instance.project_id == context.project_id} (tenancy),
     * {@code "admin" in context.roles} or {@code "admin" in roles}, {@code obj.owner == request.user}.
     * {@code role in VALID_ROLES} and {@code "reader" in VALID_ROLES} validate a value and are not one.
     */
    private static Evidence callerComparison(PyNode comparison) {
        List<PyNode> operands = comparison.namedChildren();
        if (operands.size() != 2) return null;
        PyNode left = operands.get(0);
        PyNode right = operands.get(1);
        boolean caller = namesCaller(left) || namesCaller(right);
        String shown = Snippets.shortened(comparison.text(), 70);
        if (caller && namesTenancyId(left) && namesTenancyId(right)) return new Evidence(shown, true);
        for (PyNode[] pair : new PyNode[][]{{left, right}, {right, left}}) {
            String last = lastName(pair[0]);
            if (last == null) continue;
            List<String> words = Identifiers.words(last);
            // ROLES / VALID_ROLES is a table of role names, not anyone's roles
            boolean roles = (words.contains("role") || words.contains("roles")) && !last.equals(last.toUpperCase(Locale.ROOT));
            boolean owner = words.contains("owner");
            if (roles && (namesCaller(pair[0]) || pair[1].is("string"))) return new Evidence(shown, false);
            if (owner && namesCaller(pair[1])) return new Evidence(shown, false);
        }
        return null;
    }

    /** Whether an expression reads the caller: {@code context.user_id}, {@code request.user}, {@code self.context.roles}. */
    private static boolean namesCaller(PyNode expression) {
        boolean[] found = {false};
        expression.forEachDescendant(n -> {
            if (n.is("identifier") && PRINCIPALS.contains(n.text())) found[0] = true;
        });
        return found[0];
    }

    /** The name an operand ends in: {@code roles}, {@code context.roles} → roles; null for other expressions. */
    private static String lastName(PyNode operand) {
        if (operand.is("identifier")) return operand.text();
        if (operand.is("attribute") && operand.field("attribute") != null) return operand.field("attribute").text();
        return null;
    }

    private static boolean namesTenancyId(PyNode operand) {
        String text = operand.text().toLowerCase(Locale.ROOT);
        for (String id : TENANCY_IDS) {
            if (text.endsWith(id)) return true;
        }
        return false;
    }

    /** {@code isinstance(x, T)}, {@code len(roles) > 0}, {@code policy is not None}: type and shape invariants. */
    private static boolean isPlainInvariant(PyNode condition) {
        PyNode c = condition;
        while (c.is("not_operator") || c.is("parenthesized_expression")) {
            List<PyNode> inner = c.namedChildren();
            if (inner.size() != 1) break;
            c = inner.get(0);
        }
        if (c.is("call")) return isInvariantCall(c);
        if (c.is("comparison_operator")) {
            for (PyNode operand : c.namedChildren()) {
                if (operand.is("none") || (operand.is("call") && isInvariantCall(operand))) return true;
            }
        }
        return false;
    }

    private static boolean isInvariantCall(PyNode call) {
        PyNode function = call.field("function");
        return function != null && function.is("identifier") && INVARIANT_CALLS.contains(function.text());
    }
}
