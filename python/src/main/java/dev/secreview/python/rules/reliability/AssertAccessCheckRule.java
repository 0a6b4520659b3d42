package dev.secreview.python.rules.reliability;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
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
    private static final Set<String> ACCESS_WORDS = Set.of("admin", "admins", "superuser", "staff", "authorized",
            "authorised", "authorize", "authorise", "authenticated", "permission", "permissions",
            "permitted", "owner", "owns", "role", "roles", "policy", "policies", "privilege", "privileges",
            "privileged", "acl", "acls", "rbac");
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
        String word = accessWord(condition);
        if (word == null) return;
        String kind = word.equals("tenancy") ? "tenant-isolation check" : "authorization check";
        String shown = condition.text().replace('\n', ' ');
        if (shown.length() > 70) shown = shown.substring(0, 67) + "...";
        context.report(node, "`assert " + shown + "` is the only thing enforcing this " + kind + ": Python drops assert "
                + "statements when run with `-O` or PYTHONOPTIMIZE, and when it does run, a failure raises "
                + "AssertionError (a 500) rather than a proper 403.");
    }

    /** The access word that makes {@code condition} an access check ("tenancy" for id comparisons), or null. */
    private static String accessWord(PyNode condition) {
        String[] found = {null};
        condition.forEachDescendant(n -> {
            if (found[0] != null) return;
            if (n.is("identifier")) {
                String name = n.text();
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.startsWith("can_") || lower.startsWith("may_") || lower.startsWith("has_perm")
                        || lower.startsWith("has_access") || lower.startsWith("check_access")
                        || lower.startsWith("check_auth")) {
                    found[0] = lower;
                    return;
                }
                String words = name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
                for (String word : words.split("[^a-z0-9]+")) {
                    if (ACCESS_WORDS.contains(word)) {
                        found[0] = word;
                        return;
                    }
                }
            } else if (n.is("comparison_operator") && comparesTenancy(n)) {
                found[0] = "tenancy";
            }
        });
        return found[0];
    }

    /** {@code instance.project_id == context.project_id}: both sides name a project/tenant/user id. */
    private static boolean comparesTenancy(PyNode comparison) {
        List<PyNode> operands = comparison.namedChildren();
        if (operands.size() != 2) return false;
        return namesTenancyId(operands.get(0)) && namesTenancyId(operands.get(1));
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
