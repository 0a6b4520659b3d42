package dev.secreview.python.rules.reliability;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Binding;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.Scope;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A nested function or lambda calls a name of the scope around it, which that scope binds again after the function
 * is made: Python closures look the name up when they run, not when they are made. Two shapes are certain to call
 * the wrong object: a wrapper whose wrapped name is then bound to the wrapper itself ({@code def wrapper(): return
 * f()} then {@code f = wrapper}: it calls itself until RecursionError), and a callback made in a loop, kept for
 * later (registered, appended, handed to a thread), that calls the loop variable: by the time it runs, the variable
 * holds the last item.
 */
@RuleInfo(
        id = "py-rebound-closure-name",
        cwe = 674,
        severity = Severity.MEDIUM,
        confidence = Confidence.HIGH,
        summary = "A nested function or lambda calls a name that its enclosing scope binds again afterwards (the wrapped "
                + "function rebound to the wrapper, a loop variable captured by a callback kept for later): when it "
                + "runs it calls itself without end, or the last item of the loop.",
        fix = "Bind the value when the function is made: keep the wrapped function under another name "
                + "(`original = f; def wrapper(): return original()`), or pass it as a default argument or with "
                + "functools.partial (`lambda h=h: h()`, `functools.partial(run, h)`).")
public final class RebindingCapturedNameRule implements NodeRule {
    /** Calls that keep a callback to run later rather than running it now. */
    private static final Set<String> KEEPING = Set.of("append", "add", "register", "connect", "add_done_callback",
            "call_soon", "call_later", "spawn", "spawn_n", "spawn_after", "submit", "Thread", "Timer", "insert",
            "setdefault", "add_callback", "add_listener", "listen", "subscribe");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("function_definition", "lambda");
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        List<String> parameters = node.is("lambda") ? lambdaParameters(node) : Identifiers.parameterNames(node);
        PyNode body = node.field("body");
        if (body == null) return;
        List<PyNode> calls = calledNames(body);
        wrapperRebound(node, calls, parameters, context);
        loopVariableCaptured(node, calls, parameters, context);
    }

    /** {@code def wrapper(): return f()} and later, in the same block, {@code f = wrapper} or {@code f = deco(wrapper)}. */
    private static void wrapperRebound(PyNode function, List<PyNode> calls, List<String> parameters, RuleContext context) {
        PyNode nameNode = function.field("name");
        String own = nameNode != null ? nameNode.text() : null;
        PyNode statement = function;
        PyNode assignedTo = null;
        if (function.is("lambda")) {
            // f = lambda *a: f(*a): the lambda is bound to the name it calls. Not a recursive lambda with a base case.
            PyNode assignment = function.parent();
            if (assignment == null || !assignment.is("assignment") || assignment.field("right") != function
                    || function.field("body").is("conditional_expression")) {
                return;
            }
            assignedTo = assignment.field("left");
            statement = assignment.parent();
        }
        if (statement != null && statement.parent() != null && statement.parent().is("decorated_definition")) {
            statement = statement.parent();
        }
        // A class body's names are not visible from the functions in it: a later binding there rebinds nothing they call.
        if (statement == null || statement.parent() == null || !statement.parent().is("block") && !statement.parent().is("module")
                || statement.parent().parent() != null && statement.parent().parent().is("class_definition")) {
            return;
        }
        Scope inner = function.is("function_definition") ? context.file().scope(function) : null;
        for (PyNode call : calls) {
            String name = call.text();
            if (!call.parent().is("call")) continue;
            if (name.equals(own) || parameters.contains(name) || inner != null && !inner.bindings(name).isEmpty()) continue;
            if (assignedTo != null) {
                if (assignedTo.is("identifier") && assignedTo.text().equals(name)) {
                    report(context, function, name, "the lambda is bound to `" + name + "` itself, so it calls itself "
                            + "until RecursionError");
                    return;
                }
                continue;
            }
            PyNode rebinding = laterBinding(statement, name, own, context);
            if (rebinding != null && boundBefore(name, statement, context)) {
                report(context, rebinding, name, "`" + own + "()` calls `" + name + "` (line " + call.startLine()
                        + "), which this line binds to `" + own + "` itself: Python looks the name up when the "
                        + "function runs, so it calls itself until RecursionError");
                return;
            }
        }
    }

    /**
     * Whether the name had a value before the function was made (the object it was meant to wrap), as a parameter of
     * the enclosing function or a binding before it. Without one, {@code f = wrapper} only names the function twice (an
     * alias kept for old callers), and the call through it is recursion by design.
     */
    private static boolean boundBefore(String name, PyNode statement, RuleContext context) {
        PyNode enclosing = context.file().enclosingFunction(statement);
        if (enclosing != null && Identifiers.parameterNames(enclosing).contains(name)) return true;
        return context.file().resolve(name, statement).stream()
                .anyMatch(b -> b.site() != null && b.site().endOffset() <= statement.startOffset());
    }

    /**
     * A later statement of the same block that binds {@code name} to the function {@code own} (or to it decorated). Read
     * from the scope's bindings of the name, not by walking the block: a module of thousands of functions would walk it
     * once per call in each of them.
     */
    private static PyNode laterBinding(PyNode statement, String name, String own, RuleContext context) {
        PyNode first = null;
        for (Binding binding : context.file().resolve(name, statement.parent())) {
            PyNode assignment = binding.site();
            if (binding.kind() != Binding.Kind.ASSIGNMENT || !assignment.is("assignment")
                    || assignment.startOffset() <= statement.endOffset()
                    || first != null && assignment.startOffset() >= first.startOffset()) {
                continue;
            }
            PyNode sibling = assignment.parent();
            if (sibling == null || !sibling.is("expression_statement") || sibling.parent() != statement.parent()
                    || sibling.namedChildren().get(0) != assignment) {
                continue;
            }
            PyNode left = assignment.field("left");
            PyNode right = assignment.field("right");
            if (left == null || right == null || !left.is("identifier") || !left.text().equals(name)) continue;
            PyNode arguments = right.is("call") ? right.field("arguments") : null;
            if (right.is("identifier") && right.text().equals(own) || arguments != null && arguments.namedChildren()
                    .stream().anyMatch(a -> a.is("identifier") && a.text().equals(own))) {
                first = assignment;
            }
        }
        return first;
    }

    /** A callback made in a loop body, kept for later, that calls the loop variable (or a method of it). */
    private static void loopVariableCaptured(PyNode function, List<PyNode> calls, List<String> parameters,
                                             RuleContext context) {
        PyNode loop = function.ancestor("for_statement", "function_definition", "lambda", "class_definition");
        if (loop == null || !loop.is("for_statement") || function.within(loop.field("right"))) return;
        PyNode target = loop.field("left");
        if (target == null || !target.is("identifier") || parameters.contains(target.text())) return;
        String variable = target.text();
        PyNode kept = keptFor(function, loop);
        if (kept == null) return;
        for (PyNode call : calls) {
            if (!call.text().equals(variable)) continue;
            report(context, function, variable, "this " + (function.is("lambda") ? "lambda" : "function")
                    + " is kept for later (`" + Call.of(kept, context.file()).name() + "(...)`) and calls the loop "
                    + "variable `" + variable + "`, which the loop binds again: when it runs, it calls the last item "
                    + "of the loop, not the one it was made for");
            return;
        }
    }

    /** The call in the loop that keeps the function (the lambda itself, or the def's name) for later, else null. */
    private static PyNode keptFor(PyNode function, PyNode loop) {
        if (function.is("lambda")) {
            PyNode p = function.parent();
            if (p != null && p.is("keyword_argument")) p = p.parent();
            PyNode call = p != null && p.is("argument_list") ? p.parent() : null;
            return call != null && keeps(call) ? call : null;
        }
        PyNode name = function.field("name");
        List<PyNode> found = new ArrayList<>();
        loop.field("body").forEachDescendant(n -> {
            if (!n.is("call") || !keeps(n) || n.field("arguments") == null) return;
            for (PyNode argument : n.field("arguments").namedChildren()) {
                PyNode value = argument.is("keyword_argument") ? argument.field("value") : argument;
                if (value != null && value.is("identifier") && value.text().equals(name.text())) found.add(n);
            }
        });
        return found.isEmpty() ? null : found.get(0);
    }

    private static boolean keeps(PyNode call) {
        PyNode function = call.field("function");
        if (function == null) return false;
        String name = function.is("attribute") ? function.field("attribute").text() : function.text();
        return KEEPING.contains(name);
    }

    /**
     * The names the body calls ({@code f(...)}) or calls a method of ({@code h.stop()}), as their identifier nodes;
     * not inside functions nested deeper.
     */
    private static List<PyNode> calledNames(PyNode body) {
        List<PyNode> names = new ArrayList<>();
        body.forEachDescendant(n -> {
            if (!n.is("call")) return;
            PyNode callee = n.field("function");
            if (callee != null && callee.is("attribute")) callee = callee.field("object");
            if (callee != null && callee.is("identifier")) names.add(callee);
        });
        return names;
    }

    private static List<String> lambdaParameters(PyNode lambda) {
        List<String> names = new ArrayList<>();
        PyNode parameters = lambda.field("parameters");
        if (parameters == null) return names;
        for (PyNode parameter : parameters.namedChildren()) {
            PyNode name = parameter.is("identifier") ? parameter : parameter.field("name");
            if (name == null && !parameter.namedChildren().isEmpty()) name = parameter.namedChildren().get(0);
            if (name != null) names.add(name.text());
        }
        return names;
    }

    private static void report(RuleContext context, PyNode node, String name, String what) {
        context.report(node, "Closure over `" + name + "`: " + what + ".");
    }
}
