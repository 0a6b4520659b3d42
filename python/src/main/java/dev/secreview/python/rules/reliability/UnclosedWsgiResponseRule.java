package dev.secreview.python.rules.reliability;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A response a middleware or controller obtains from the application it wraps ({@code req.get_response(self.app)},
 * {@code self.app(environ, start_response)}), then leaves behind on a path that returns something else or raises,
 * with nothing on that path closing it, draining it or handing it on. PEP 3333 makes whoever takes an application's
 * iterable responsible for its {@code close()}; the server only closes what it is given.
 */
@RuleInfo(
        id = "py-unclosed-wsgi-response",
        cwe = 772,
        severity = Severity.LOW,
        confidence = Confidence.MEDIUM,
        summary = "A response obtained from the wrapped WSGI application (req.get_response(app), app(environ, "
                + "start_response)) is abandoned on a path that returns another response or raises, without being "
                + "closed or drained: its iterator, and the backend connection or file behind it, stays open.",
        fix = "Close the response's iterator on every path that does not hand the response on: call its "
                + "`app_iter.close()` (Swift's `close_if_possible(resp.app_iter)`, or `drain_and_close(resp)` to "
                + "read the rest first so the connection can be reused) before returning another response or "
                + "raising, or close it in a `finally:`.")
public final class UnclosedWsgiResponseRule implements CallRule {
    /** Reads that consume the body: what webob does with the iterator once it has read it all. */
    private static final Set<String> CONSUMING = Set.of("body", "text", "json", "json_body", "close", "read",
            "iter_content", "iter_lines");

    @Override
    public boolean reviewsOperatorTools() {
        return false;
    }

    @Override
    public void visitCall(Call call, RuleContext context) {
        if (!obtainsResponse(call) || headRequest(call, context)) return;
        PyNode assignment = call.node().parent();
        if (assignment == null || !assignment.is("assignment") || assignment.field("right") != call.node()) return;
        PyNode target = assignment.field("left");
        PyNode statement = assignment.parent();
        PyNode function = context.file().enclosingFunction(call.node());
        if (target == null || !target.is("identifier") || function == null || statement == null
                || statement.parent() == null || !statement.parent().is("block")) {
            return;
        }
        String name = target.text();
        List<PyNode> handovers = new ArrayList<>();
        List<PyNode> exits = new ArrayList<>();
        function.forEachDescendant(n -> {
            if (context.file().enclosingFunction(n) != function || n.startOffset() <= assignment.endOffset()) return;
            if (n.is("identifier") && n.text().equals(name) && handsOver(n)) handovers.add(n);
            if ((n.is("return_statement") || n.is("raise_statement")) && n.within(statement.parent())) exits.add(n);
        });
        List<PyNode> abandoning = exits.stream().filter(exit -> handovers.stream().noneMatch(h -> covers(h, exit, handovers)))
                .toList();
        if (abandoning.isEmpty()) return;
        PyNode first = abandoning.get(0);
        List<Map.Entry<PyNode, String>> related = new ArrayList<>();
        related.add(Map.entry(call.node(), "the response is obtained here"));
        abandoning.stream().skip(1).forEach(exit -> related.add(Map.entry(exit, "abandoned here too")));
        String leaves = first.is("raise_statement") ? "raises" : "returns";
        context.report(first, "This path " + leaves + " without closing `" + name + "`, the response obtained on line "
                + call.node().startLine() + " (`" + Snippets.shortened(call.node().text(), 50) + "`): its iterator "
                + "is never closed, so whatever it holds (a backend connection, an open file, a greenthread) stays "
                + "open until the garbage collector finds it, and under load the service runs out of connections.",
                Severity.LOW, Confidence.MEDIUM, related);
    }

    /** webob's/swob's {@code req.get_response(app)}, or a call of the wrapped application with (environ, start_response). */
    private static boolean obtainsResponse(Call call) {
        PyNode receiver = call.receiver();
        List<PyNode> arguments = call.positional();
        if (call.name().equals("get_response")) {
            // Django's middleware `self.get_response(request)` is the next middleware, whose response Django closes.
            return receiver != null && !receiver.text().equals("self") && arguments.size() == 1;
        }
        String called = call.name().toLowerCase();
        return (called.endsWith("app") || called.endsWith("application")) && arguments.size() == 2
                && arguments.get(1).text().contains("start_response");
    }

    /**
     * A HEAD request, whose response has no body to close: a subrequest built here as one, a call asking for one
     * ({@code get_response(app, method='HEAD')}), or any request in the handler of HEAD requests.
     */
    private static boolean headRequest(Call call, RuleContext context) {
        PyNode method = call.keyword("method");
        if (method != null && context.values().string(method).map("HEAD"::equalsIgnoreCase).orElse(false)) return true;
        PyNode function = context.file().enclosingFunction(call.node());
        PyNode name = function == null ? null : function.field("name");
        if (name != null && name.text().equalsIgnoreCase("head")) return true;
        PyNode built = call.receiver() == null ? null : context.file().constructorCall(call.receiver());
        return built != null && (built.text().contains("'HEAD'") || built.text().contains("\"HEAD\""));
    }

    /**
     * Whether this mention of the response hands it on or consumes it: returns or yields it, passes it (or its
     * {@code app_iter}) to a call, stores it, iterates it, or reads its body or closes it. Reading its status or
     * headers, or testing it, does neither.
     */
    private static boolean handsOver(PyNode mention) {
        PyNode used = mention;
        PyNode parent = mention.parent();
        if (parent != null && parent.is("attribute") && parent.field("object") == mention) {
            String member = parent.field("attribute").text();
            if (CONSUMING.contains(member)) return true;
            if (!member.equals("app_iter")) return false;
            used = parent;
            parent = parent.parent();
        }
        if (parent == null || parent.is("assignment") && parent.field("left") == used) return false;
        if (parent.is("attribute") && parent.field("object") == used) {
            return CONSUMING.contains(parent.field("attribute").text());
        }
        return !NoneDereferenceRule.TESTS.contains(parent.type()) && !(parent.is("subscript") && parent.field("value") == used);
    }

    /**
     * Whether the hand-over happens on every path to the exit before it: in the exit itself, in the head of a
     * {@code with} around it, in the {@code finally} of a {@code try} around it, in the body of a {@code try} whose
     * handler the exit is in (the callee had the response when it raised), or in a statement before the exit in a
     * block the exit lies in, itself or through the loops, {@code with} and {@code try} blocks it stands in, or an
     * {@code if} every branch of which hands it over.
     */
    private static boolean covers(PyNode handover, PyNode exit, List<PyNode> handovers) {
        if (handover.within(exit)) return true;
        if (handover.startOffset() > exit.startOffset()) return enclosingFinally(handover, exit);
        for (PyNode p = exit.parent(); p != null && !p.is("function_definition"); p = p.parent()) {
            if (p.is("with_statement") && handover.within(p) && !handover.within(p.field("body"))) return true;
            if (p.is("except_clause") && p.parent() != null && handover.within(p.parent().field("body"))) return true;
        }
        PyNode node = handover;
        while (true) {
            PyNode statement = node;
            while (statement.parent() != null && !statement.parent().is("block")) statement = statement.parent();
            PyNode block = statement.parent();
            if (block == null) return false;
            if (statement.endOffset() <= exit.startOffset() && exit.within(block)) return true;
            PyNode owner = block.parent();
            if (owner == null || owner.is("function_definition")) return false;
            if (owner.is("else_clause") || owner.is("elif_clause")) owner = owner.parent();
            boolean runs = owner.is("for_statement") || owner.is("while_statement") || owner.is("with_statement")
                    || owner.is("try_statement") && block == owner.field("body");
            if (!runs && !(owner.is("if_statement") && everyBranchHandsOver(owner, handovers))) return false;
            node = owner;
        }
    }

    private static boolean enclosingFinally(PyNode handover, PyNode exit) {
        for (PyNode p = exit.parent(); p != null && !p.is("function_definition"); p = p.parent()) {
            if (!p.is("try_statement")) continue;
            PyNode finallyClause = p.childOfType("finally_clause");
            if (finallyClause != null && handover.within(finallyClause) && !exit.within(finallyClause)) return true;
        }
        return false;
    }

    /** Whether the {@code if} has an {@code else} and each of its branches hands the response over. */
    private static boolean everyBranchHandsOver(PyNode ifStatement, List<PyNode> handovers) {
        boolean otherwise = ifStatement.fields("alternative").stream().anyMatch(a -> a.is("else_clause"));
        return otherwise && UnboundAfterExceptRule.branches(ifStatement).stream()
                .allMatch(branch -> handovers.stream().anyMatch(h -> h.within(branch)));
    }
}
