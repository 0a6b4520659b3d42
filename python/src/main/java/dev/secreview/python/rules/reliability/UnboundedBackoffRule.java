package dev.secreview.python.rules.reliability;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.Set;

@RuleInfo(
        id = "py-unbounded-backoff",
        cwe = 770,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A retry interval, delay or timeout is multiplied on every retry with no upper bound, so waiters "
                + "stall for hours and the value eventually overflows what sleeps and timers accept.",
        fix = "Cap the growth: self.interval = min(self.interval * 2, MAX_INTERVAL) (with jitter if many "
                + "clients retry together), and give up or alert after a bounded number of attempts.")
public final class UnboundedBackoffRule implements NodeRule {
    /** Words that name a waiting time. */
    private static final Set<String> WAIT_WORDS = Set.of("interval", "delay", "backoff", "timeout", "wait", "sleep",
            "retry", "period", "pause");

    /** The harm is a stalled or crashed process: in an operator's tool nobody else drives it. */
    @Override
    public boolean reviewsOperatorTools() {
        return false;
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of("assignment", "augmented_assignment");
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        PyNode target = node.field("left");
        PyNode right = node.field("right");
        if (target == null || right == null || !namesWait(target)) return;
        // State kept on the object grows across calls; a local's growth is usually bounded by its loop's attempts.
        boolean kept = target.is("attribute") && target.field("object") != null
                && Set.of("self", "cls").contains(target.field("object").text());
        if (!kept) return;
        if (!grows(node, target, right, context) || capped(node, target, context)) return;
        context.report(node, "`" + target.text() + "` is multiplied every time this runs and nothing caps it: after "
                + "a few dozen retries the wait is hours or years long, so the waiter never retries in useful time, and "
                + "the number keeps growing until a timer or sleep rejects it (OverflowError). A peer that keeps this "
                + "path failing (a lock it holds, a service it keeps down) drives it there.");
    }

    private static boolean namesWait(PyNode target) {
        PyNode name = target.is("attribute") ? target.field("attribute") : target;
        return name != null && name.is("identifier") && Identifiers.words(name.text()).stream().anyMatch(WAIT_WORDS::contains);
    }

    /** {@code x *= 2}, {@code x = x * 2}, {@code x = max(5, x * 2)}, or the same through {@code n = x} first. */
    private static boolean grows(PyNode node, PyNode target, PyNode right, RuleContext context) {
        if (node.is("augmented_assignment")) {
            String operator = node.childCount() > 1 ? node.child(1).text() : "";
            return (operator.equals("*=") || operator.equals("**=")) && factor(right, context);
        }
        if (right.text().contains("min(")) return false;
        boolean[] found = {false};
        right.forEachDescendant(n -> {
            if (found[0] || !n.is("binary_operator") || !"*".equals(Values.operator(n))) return;
            PyNode a = n.field("left");
            PyNode b = n.field("right");
            found[0] = a != null && b != null
                    && (sameValue(a, target, context) && factor(b, context) || sameValue(b, target, context) && factor(a, context));
        });
        return found[0];
    }

    private static boolean factor(PyNode expr, RuleContext context) {
        Object value = context.values().constant(expr).orElse(null);
        return value instanceof Number n && n.doubleValue() >= 1.5;
    }

    /** The target itself, or a local name given only the target ({@code next = self._retry_interval}). */
    private static boolean sameValue(PyNode expr, PyNode target, RuleContext context) {
        if (expr.text().equals(target.text())) return true;
        PyNode assigned = expr.is("identifier") ? context.values().singleAssignedValue(expr) : null;
        return assigned != null && assigned.text().equals(target.text());
    }

    /**
     * Whether the function bounds the value somewhere else: {@code x = min(x, MAX)}, or an {@code if} on the value
     * that assigns it ({@code if x > MAX: x = MAX}) or leaves the loop.
     */
    private static boolean capped(PyNode node, PyNode target, RuleContext context) {
        PyNode scope = context.file().enclosingFunction(node);
        if (scope == null) scope = context.file().root();
        boolean[] found = {false};
        scope.forEachDescendant(n -> {
            if (found[0]) return;
            if ((n.is("assignment") || n.is("augmented_assignment")) && n != node && n.field("left") != null
                    && n.field("left").text().equals(target.text()) && n.field("right") != null
                    && n.field("right").text().contains("min(")) {
                found[0] = true;
            } else if (n.is("if_statement") && n.field("condition") != null
                    && n.field("condition").text().contains(target.text()) && n.field("consequence") != null) {
                String body = n.field("consequence").text();
                found[0] = body.contains(target.text() + " =") || body.contains("break") || body.contains("raise")
                        || body.contains("return");
            }
        });
        return found[0];
    }
}
