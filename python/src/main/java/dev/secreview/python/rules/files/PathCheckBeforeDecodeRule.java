package dev.secreview.python.rules.files;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A path is tested for {@code ..} and only afterwards URL-decoded: {@code %2e%2e%2f} passes the test and becomes
 * {@code ../} in the decoded path, so the test stops nothing (validate before canonicalise, CWE-180). Reported as
 * the path traversal it lets through, at the decoding call, unless the decoded path is itself checked afterwards.
 */
@RuleInfo(
        id = "py-path-check-before-decode",
        cwe = 22,
        severity = Severity.HIGH,
        confidence = Confidence.MEDIUM,
        summary = "A path is checked for '..' before it is URL-decoded, so an encoded %2e%2e%2f passes the check and "
                + "becomes ../ afterwards: the check does not keep the path inside its directory.",
        fix = "Decode first, then check: split the decoded path on '/' and reject '..' segments (and separators "
                + "inside a segment), or resolve the joined path and confirm it stays under the root with "
                + "os.path.commonpath([root, path]) == root.")
public final class PathCheckBeforeDecodeRule implements CallRule {
    private static final Set<String> DECODERS = Set.of("urllib.parse.unquote", "urllib.parse.unquote_plus",
            "urllib.parse.unquote_to_bytes", "urllib.unquote", "urllib.unquote_plus", "werkzeug.urls.url_unquote");
    /** Methods whose call with a ".." argument tests a string for a parent-directory step. */
    private static final Set<String> SEARCHES = Set.of("startswith", "endswith", "find", "index", "count", "rfind");
    /** Calls that confine a path to a directory, when applied to the decoded path. */
    private static final Set<String> CONFINING = Set.of("startswith", "is_relative_to", "relative_to");
    private static final int MAX_ROUNDS = 6;

    @Override
    public void visitCall(Call call, RuleContext context) {
        if (call.callee() == null || !DECODERS.contains(call.callee()) || call.positional().isEmpty()) return;
        PyNode function = context.file().enclosingFunction(call.node());
        if (function == null) return;
        List<PyNode> nodes = new ArrayList<>();
        function.forEachDescendant(n -> {
            if (context.file().enclosingFunction(n) == function) nodes.add(n);
        });
        int decodedAt = call.node().startOffset();
        Set<String> origins = origins(call.positional().get(0), nodes, decodedAt);
        PyNode check = null;
        for (PyNode node : nodes) {
            if (node.startOffset() >= decodedAt) break;
            if (inCondition(node) && testsParentStep(node, origins, context)) {
                check = node;
                break;
            }
        }
        if (check == null || checkedAfterDecoding(call, nodes, context)) return;
        context.report(call.node(), "`" + Snippets.shortened(check.text(), 50) + "` (line " + check.startLine()
                + ") looks for `..` before `" + Snippets.shortened(call.node().text(), 50) + "` decodes the path: "
                + "`%2e%2e%2f` passes the check and is `../` after decoding, and nothing checks the decoded path, so "
                + "a request can step out of the directory.", Severity.HIGH, Confidence.MEDIUM,
                List.of(Map.entry(check, "the check for `..`, made before the path is decoded")));
    }

    /** The expressions (names, attribute chains) the decoded value is built from, followed back through assignments made before the decoding. */
    private static Set<String> origins(PyNode argument, List<PyNode> nodes, int before) {
        Set<String> names = new HashSet<>(valuesIn(argument));
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean grew = false;
            for (PyNode node : nodes) {
                if (node.startOffset() >= before || !node.is("assignment")) continue;
                PyNode left = node.field("left");
                if (left == null || !names.contains(left.text()) && !assignsOneOf(left, names)) continue;
                grew |= names.addAll(valuesIn(assignedValue(node)));
            }
            if (!grew) break;
        }
        return names;
    }

    /** The value of {@code a = b = value}: the other targets are not where it comes from. */
    private static PyNode assignedValue(PyNode assignment) {
        PyNode value = assignment.field("right");
        while (value != null && value.is("assignment")) value = value.field("right");
        return value;
    }

    /** Tuple targets: whether one of them is named. */
    private static boolean assignsOneOf(PyNode left, Set<String> names) {
        boolean[] found = {false};
        left.forEachDescendant(n -> found[0] |= (n.is("identifier") || n.is("attribute")) && names.contains(n.text()));
        return found[0];
    }

    private static List<String> valuesIn(PyNode expr) {
        List<String> values = new ArrayList<>();
        if (expr == null) return values;
        expr.forEachDescendant(n -> {
            if (n.is("identifier") || n.is("attribute")) values.add(n.text());
        });
        return values;
    }

    /** Part of an {@code if}/{@code elif}/{@code while} condition or an assertion. */
    private static boolean inCondition(PyNode node) {
        for (PyNode p = node; p.parent() != null; p = p.parent()) {
            PyNode parent = p.parent();
            if (parent.is("if_statement") || parent.is("elif_clause") || parent.is("while_statement")) {
                return p == parent.field("condition");
            }
            if (parent.is("assert_statement")) return true;
            if (parent.is("block") || parent.is("function_definition")) return false;
        }
        return false;
    }

    /** {@code ".." in name}, {@code "../" not in name}, {@code name.startswith("..")}, {@code os.pardir in name}. */
    private static boolean testsParentStep(PyNode node, Set<String> names, RuleContext context) {
        if (node.is("comparison_operator")) {
            String operator = operator(node);
            List<PyNode> operands = node.namedChildren();
            if (!(operator.equals("in") || operator.equals("not in")) || operands.size() != 2) return false;
            return parentStep(operands.get(0), context) && mentions(operands.get(1), names);
        }
        if (node.is("call")) {
            Call call = Call.of(node, context.file());
            return SEARCHES.contains(call.name()) && call.receiver() != null && mentions(call.receiver(), names)
                    && !call.positional().isEmpty() && parentStep(call.positional().get(0), context);
        }
        return false;
    }

    private static String operator(PyNode comparison) {
        StringBuilder operator = new StringBuilder();
        for (PyNode child : comparison.children()) {
            if (!child.isNamed()) operator.append(operator.isEmpty() ? "" : " ").append(child.text());
        }
        return operator.toString();
    }

    private static boolean parentStep(PyNode expr, RuleContext context) {
        if ("os.pardir".equals(context.file().qualifiedName(expr))) return true;
        return context.values().string(expr).map(s -> s.contains("..")).orElse(false);
    }

    private static boolean mentions(PyNode expr, Set<String> names) {
        boolean[] found = {false};
        expr.forEachDescendant(n -> found[0] |= (n.is("identifier") || n.is("attribute")) && names.contains(n.text()));
        return found[0];
    }

    /**
     * The decoded path, once bound to a name, is checked again: for {@code ..}, or against its root
     * ({@code startswith}, {@code is_relative_to}, {@code os.path.commonpath}).
     */
    private static boolean checkedAfterDecoding(Call decode, List<PyNode> nodes, RuleContext context) {
        PyNode assignment = decode.node().ancestor("assignment");
        if (assignment == null || assignment.field("left") == null || !assignment.field("left").is("identifier")
                || !decode.node().within(assignment.field("right"))) {
            return false;
        }
        Set<String> decoded = Set.of(assignment.field("left").text());
        for (PyNode node : nodes) {
            if (node.startOffset() <= decode.node().endOffset()) continue;
            if (testsParentStep(node, decoded, context)) return true;
            if (!node.is("call")) continue;
            Call call = Call.of(node, context.file());
            if (CONFINING.contains(call.name()) && call.receiver() != null && mentions(call.receiver(), decoded)) return true;
            if ("os.path.commonpath".equals(call.callee()) && mentions(node, decoded)) return true;
        }
        return false;
    }
}
