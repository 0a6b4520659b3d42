package dev.secreview.python.rules.reliability;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleInfo(
        id = "py-except-pass-security",
        cwe = 390,
        severity = Severity.HIGH,
        confidence = Confidence.MEDIUM,
        summary = "A security check's failure is swallowed by a broad except that only passes or continues.",
        fix = "Let the failure stop the operation: catch only the exception you expect and deny explicitly, e.g. "
                + "`try: policy.enforce(ctx, action, target) except PolicyNotAuthorized: LOG.warning(...); raise "
                + "exc.HTTPForbidden()`; if a failure really may be ignored, log it and return a denial, not success.",
        altNames = {"B110", "B112"})
public final class ExceptPassSecurityRule implements NodeRule {
    private static final String[] SECURITY_NAME_PARTS = {"verify", "validate", "authenticate", "authorize", "authorise",
            "check_permission", "check_perm", "enforce", "decrypt", "check_signature", "is_valid", "check_token",
            "check_auth", "check_access"};
    private static final Set<String> SECURITY_CALLEES = Set.of("jwt.decode", "jose.jwt.decode");
    private static final Set<String> BROAD = Set.of("Exception", "BaseException");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("try_statement");
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        PyNode body = node.field("body");
        if (body == null || node.childOfType("else_clause") != null) return;
        List<PyNode> handlers = new ArrayList<>();
        for (PyNode child : node.children()) {
            if (child.is("except_clause") && isBroad(child) && onlyPasses(child)) handlers.add(child);
        }
        if (handlers.isEmpty()) return;
        Call check = securityCall(body, context);
        if (check == null || signalsSuccessInBody(body) || !isLastStatement(check.node(), body)) return;
        PyNode handler = handlers.get(0);
        if (endsWithContinue(handler) && !isLastStatement(node, node.parent())) {
            return;  // `continue` skips what follows the try in the loop body: that is a denial
        }
        String shownCheck = "`" + Snippets.shortened(check.function().text(), 50) + "(...)`";
        String shownHandler = "`" + handlerHead(handler) + " " + handlerAction(handler) + "`";
        PyNode enclosing = node.parent();
        boolean endsFunction = enclosing != null && enclosing.parent() != null
                && enclosing.parent().is("function_definition") && isLastStatement(node, enclosing);
        String after = endsWithContinue(handler) ? "the loop goes on exactly as it does after a passed check"
                : endsFunction ? "the function returns normally, so its caller cannot tell the check failed"
                : "the code after the `try` runs anyway";
        context.report(handler, shownHandler + " swallows any failure of " + shownCheck + " in this `try`, so a failed "
                + "or denied check is treated exactly like a passed one and " + after + ".");
    }

    /** {@code except:}, {@code except Exception}, {@code except BaseException}, or a tuple holding one of them. */
    private static boolean isBroad(PyNode handler) {
        PyNode value = handler.field("value");
        if (value == null) {
            for (PyNode child : handler.namedChildren()) {
                if (!child.is("block")) value = child;
            }
            if (value == null) return true;  // bare except:
        }
        if (value.is("as_pattern")) {
            List<PyNode> parts = value.namedChildren();
            if (parts.isEmpty()) return false;
            value = parts.get(0);
        }
        if (value.is("tuple") || value.is("parenthesized_expression")) {
            for (PyNode item : value.namedChildren()) {
                if (isBroadName(item)) return true;
            }
            return false;
        }
        return isBroadName(value);
    }

    private static boolean isBroadName(PyNode name) {
        String text = name.text();
        if (text.startsWith("builtins.")) text = text.substring("builtins.".length());
        return BROAD.contains(text);
    }

    /**
     * Whether the statement holding {@code inner} is the last one of {@code block}: nothing after
     * the check inside the try is skipped when it fails, so the failure gates nothing.
     */
    private static boolean isLastStatement(PyNode inner, PyNode block) {
        if (block == null) return false;
        List<PyNode> statements = block.namedChildren();
        if (statements.isEmpty()) return false;
        return inner.within(statements.get(statements.size() - 1));
    }

    private static boolean endsWithContinue(PyNode handler) {
        PyNode block = handler.childOfType("block");
        if (block == null) return false;
        List<PyNode> statements = block.namedChildren();
        return !statements.isEmpty() && statements.get(statements.size() - 1).is("continue_statement");
    }

    /** The handler's block holds only {@code pass}, {@code continue}, {@code ...} or a bare string. */
    private static boolean onlyPasses(PyNode handler) {
        PyNode block = handler.childOfType("block");
        if (block == null) return false;
        List<PyNode> statements = block.namedChildren();
        if (statements.isEmpty()) return false;
        for (PyNode statement : statements) {
            switch (statement.type()) {
                case "pass_statement", "continue_statement" -> {
                }
                case "expression_statement" -> {
                    List<PyNode> inner = statement.namedChildren();
                    if (inner.size() != 1 || !(inner.get(0).is("ellipsis") || inner.get(0).is("string"))) return false;
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    /** The first security check called in the try body (not in nested functions), or null. */
    private static Call securityCall(PyNode body, RuleContext context) {
        List<PyNode> stack = new ArrayList<>();
        stack.add(body);
        while (!stack.isEmpty()) {
            PyNode n = stack.remove(stack.size() - 1);
            if (n.is("function_definition") || n.is("lambda") || n.is("class_definition")) continue;
            if (n.is("call")) {
                Call call = Call.of(n, context.file());
                if (isSecurityCheck(call)) return call;
            }
            for (int i = n.childCount() - 1; i >= 0; i--) stack.add(n.child(i));
        }
        return null;
    }

    private static boolean isSecurityCheck(Call call) {
        if (call.callee() != null && SECURITY_CALLEES.contains(call.callee())) return true;
        String name = call.name().toLowerCase(Locale.ROOT);
        for (String part : SECURITY_NAME_PARTS) {
            if (name.contains(part)) return true;
        }
        return false;
    }

    /**
     * Whether success is signalled inside the try body, so that falling through the handler means
     * "denied": {@code return}/{@code break}/{@code raise} after the check, or a flag set to True.
     */
    private static boolean signalsSuccessInBody(PyNode body) {
        boolean[] found = {false};
        List<PyNode> stack = new ArrayList<>();
        stack.add(body);
        while (!stack.isEmpty() && !found[0]) {
            PyNode n = stack.remove(stack.size() - 1);
            if (n.is("function_definition") || n.is("lambda") || n.is("class_definition")) continue;
            if (n.is("return_statement") || n.is("break_statement") || n.is("raise_statement") || n.is("yield")) {
                found[0] = true;
            } else if (n.is("assignment")) {
                PyNode right = n.field("right");
                if (right != null && right.is("true")) found[0] = true;
            }
            for (int i = n.childCount() - 1; i >= 0; i--) stack.add(n.child(i));
        }
        return found[0];
    }

    private static String handlerHead(PyNode handler) {
        String text = handler.text();
        int colon = text.indexOf(':');
        return colon < 0 ? "except:" : text.substring(0, colon + 1).replaceAll("\\s+", " ");
    }

    private static String handlerAction(PyNode handler) {
        PyNode block = handler.childOfType("block");
        return block == null ? "pass" : Snippets.shortened(block.text().strip().replaceAll("\\s+", " "), 50);
    }
}
