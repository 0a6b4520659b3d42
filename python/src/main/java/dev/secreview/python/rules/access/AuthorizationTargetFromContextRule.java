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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A policy check whose target names the caller's own project or user cannot fail on ownership: oslo.policy rules
 * such as {@code project_id:%(project_id)s} compare the target with the caller's context, so a target copied from
 * that context always matches. It is right for creating and listing (the caller's project is the target), wrong
 * where the function acts on a resource it has fetched by an id the client chose: that resource has an owner of
 * its own, and it is the one the check must compare.
 */
@RuleInfo(
        id = "py-authz-target-from-context",
        cwe = 863,
        severity = Severity.HIGH,
        confidence = Confidence.MEDIUM,
        summary = "An authorization check on a resource fetched by id takes the target's owner (project_id, user_id, "
                + "owner) from the caller's own request context, so an owner rule always matches and any caller with "
                + "the role can act on another project's resource.",
        fix = "Build the target from the fetched resource (target={'project_id': instance.project_id}, "
                + "target_obj=volume), or compare the resource's owner with the caller before acting.",
        altNames = {})
public final class AuthorizationTargetFromContextRule implements NodeRule {

    /** Keys of a policy target that name the owner a rule compares with the caller. */
    private static final Set<String> OWNER_KEYS = Set.of("project_id", "tenant_id", "user_id", "owner", "owner_id",
            "tenant", "project_id_scope");
    /** Attributes of a request context that name the caller. */
    private static final Set<String> CALLER_ATTRIBUTES = Set.of("project_id", "tenant_id", "user_id", "owner",
            "tenant", "project_id_scope", "user", "project");
    /** Parameters that scope rather than pick a resource: the caller's own project or user, not a resource's id. */
    private static final Set<String> SCOPE_PARAMETERS = Set.of("project_id", "tenant_id", "user_id", "owner_id",
            "domain_id");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("function_definition");
    }

    @Override
    public void visitNode(PyNode function, RuleContext context) {
        List<String> ids = Identifiers.parameterNames(function).stream()
                .filter(AuthorizationTargetFromContextRule::picksAResource).toList();
        if (ids.isEmpty()) return;
        List<PyNode> fetches = new ArrayList<>();
        List<PyNode> checks = new ArrayList<>();
        forEachOwnNode(function.field("body"), node -> {
            if (node.is("assignment") && fetchedById(node, ids)) fetches.add(node);
            else if (node.is("call") && AuthorizationCalls.isCheck(node)) checks.add(node);
        });
        for (PyNode check : checks) {
            PyNode ownerFromCaller = ownerFromCaller(check, context);
            if (ownerFromCaller == null) continue;
            PyNode fetch = fetchBefore(fetches, check);
            if (fetch == null) continue;
            String resource = fetch.field("left").text();
            if (ownerConsulted(function, resource)) continue;
            context.report(ownerFromCaller, "The check `" + Snippets.shortened(check.field("function").text(), 40) + "(...)` compares the "
                            + "caller with `" + Snippets.shortened(ownerFromCaller.text(), 50) + "`, the caller's own "
                            + "context, while this function acts on `" + resource + "`, fetched by the client's id: "
                            + "an owner rule always matches, so any caller with the role reaches another project's "
                            + "resource.",
                    Severity.HIGH, Confidence.MEDIUM,
                    List.of(Map.entry(fetch, "`" + resource + "` is fetched here; its owner is not checked")));
        }
    }

    /** {@code id}, {@code server_id}, {@code volume_uuid}: a parameter that picks one resource. */
    private static boolean picksAResource(String parameter) {
        if (SCOPE_PARAMETERS.contains(parameter)) return false;
        return parameter.equals("id") || parameter.equals("uuid") || parameter.endsWith("_id")
                || parameter.endsWith("_uuid");
    }

    /** {@code volume = self.volume_api.get(context, id)}: one name bound to a call handed an id parameter. */
    private static boolean fetchedById(PyNode assignment, List<String> ids) {
        PyNode left = assignment.field("left");
        PyNode right = assignment.field("right");
        if (left == null || !left.is("identifier") || right == null) return false;
        if (right.is("await") && !right.namedChildren().isEmpty()) right = right.namedChildren().get(0);
        if (!right.is("call") || AuthorizationCalls.isCheck(right) || right.field("arguments") == null) return false;
        if (callerContext(left)) return false;
        for (PyNode argument : right.field("arguments").namedChildren()) {
            PyNode value = argument.is("keyword_argument") ? argument.field("value") : argument;
            if (value != null && value.is("identifier") && ids.contains(value.text())) return true;
        }
        return false;
    }

    /** The first {@code 'project_id': context.project_id} of the check's target, a dictionary written in it or bound to a name it passes. */
    private static PyNode ownerFromCaller(PyNode check, RuleContext context) {
        PyNode arguments = check.field("arguments");
        if (arguments == null) return null;
        for (PyNode argument : arguments.namedChildren()) {
            PyNode value = argument.is("keyword_argument") ? argument.field("value") : argument;
            if (value != null && value.is("identifier")) value = context.values().singleAssignedValue(value);
            if (value == null || !value.is("dictionary")) continue;
            for (PyNode pair : value.namedChildren()) {
                if (!pair.is("pair")) continue;
                PyNode key = pair.field("key");
                PyNode owner = pair.field("value");
                if (key != null && key.is("string") && !StringLiteral.hasInterpolation(key)
                        && OWNER_KEYS.contains(StringLiteral.value(key)) && callersOwn(owner)) {
                    return pair;
                }
            }
        }
        return null;
    }

    /** {@code context.project_id}, {@code req.environ['nova.context'].project_id}, {@code request.context.user_id}. */
    private static boolean callersOwn(PyNode value) {
        if (value == null || !value.is("attribute") || value.field("attribute") == null) return false;
        return CALLER_ATTRIBUTES.contains(value.field("attribute").text()) && callerContext(value.field("object"));
    }

    /** A request context: a name such as {@code context} or {@code ctxt}, {@code req.context}, {@code environ['x.context']}. */
    private static boolean callerContext(PyNode expr) {
        if (expr == null) return false;
        if (expr.is("identifier")) {
            return RequestContexts.isContextName(expr.text());
        }
        if (expr.is("attribute")) return expr.field("attribute") != null && callerContext(expr.field("attribute"));
        if (expr.is("subscript")) {
            PyNode key = expr.field("subscript");
            return key != null && key.is("string") && !StringLiteral.hasInterpolation(key)
                    && StringLiteral.value(key).endsWith("context");
        }
        return false;
    }

    /** The last fetch by id written before the check, if any. */
    private static PyNode fetchBefore(List<PyNode> fetches, PyNode check) {
        PyNode before = null;
        for (PyNode fetch : fetches) {
            if (fetch.startOffset() < check.startOffset()) before = fetch;
        }
        return before;
    }

    /**
     * Whether the function looks at the resource's owner anywhere ({@code server.project_id},
     * {@code image['owner']}, {@code volume.get('project_id')}) or hands the resource itself to a check
     * ({@code target_obj=volume}): then the ownership is compared, by that check or by the code.
     */
    private static boolean ownerConsulted(PyNode function, String resource) {
        boolean[] found = {false};
        forEachOwnNode(function.field("body"), node -> {
            if (found[0]) return;
            if (node.is("attribute") && isName(node.field("object"), resource) && node.field("attribute") != null
                    && CALLER_ATTRIBUTES.contains(node.field("attribute").text())) {
                found[0] = true;
            } else if (node.is("subscript") && isName(node.field("value"), resource)
                    && ownerKey(node.field("subscript"))) {
                found[0] = true;
            } else if (node.is("call") && AuthorizationCalls.isCheck(node) && node.field("arguments") != null
                    && node.field("arguments").namedChildren().stream().anyMatch(a -> mentions(a, resource))) {
                found[0] = true;
            } else if (node.is("call") && node.field("function") != null && node.field("function").is("attribute")
                    && isName(node.field("function").field("object"), resource) && node.field("arguments") != null
                    && node.field("arguments").namedChildren().stream().anyMatch(
                            AuthorizationTargetFromContextRule::ownerKey)) {
                found[0] = true;
            }
        });
        return found[0];
    }

    private static boolean ownerKey(PyNode key) {
        return key != null && key.is("string") && !StringLiteral.hasInterpolation(key)
                && CALLER_ATTRIBUTES.contains(StringLiteral.value(key));
    }

    private static boolean mentions(PyNode node, String name) {
        boolean[] found = {false};
        node.forEachDescendant(n -> found[0] |= isName(n, name));
        return found[0];
    }

    private static boolean isName(PyNode node, String name) {
        return node != null && node.is("identifier") && node.text().equals(name);
    }

    /** Visits the nodes of a function's own body, not those of the functions, classes and lambdas defined in it. */
    private static void forEachOwnNode(PyNode node, Consumer<PyNode> visitor) {
        if (node == null) return;
        visitor.accept(node);
        for (PyNode child : node.namedChildren()) {
            if (child.is("function_definition") || child.is("class_definition") || child.is("lambda")) continue;
            forEachOwnNode(child, visitor);
        }
    }
}
