package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.Locale;
import java.util.Set;

@RuleInfo(
        id = "py-csrf-exempt",
        cwe = 352,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A view is exempted from the framework's CSRF protection (Django csrf_exempt, Flask-WTF csrf.exempt).",
        fix = "Remove the exemption and send the CSRF token with the request (Django: `{% csrf_token %}` or the "
                + "X-CSRFToken header; Flask-WTF: `csrf_token()`); an endpoint called by other services should "
                + "authenticate them with a token or signature it verifies instead of the session cookie.")
public final class CsrfExemptRule implements CallRule, NodeRule {
    private static final String DJANGO = "django.views.decorators.csrf.csrf_exempt";
    private static final Set<String> MACHINE_WORDS = Set.of("webhook", "hook", "callback", "notify", "notification",
            "api", "ipn", "rpc", "metrics", "health", "healthcheck", "ping");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("decorator");
    }

    /** {@code @csrf_exempt} / {@code @csrf.exempt} written without a call. */
    @Override
    public void visitNode(PyNode node, RuleContext context) {
        PyNode expression = node.namedChildren().isEmpty() ? null : node.namedChildren().get(0);
        if (expression == null || expression.is("call")) return;
        String what = exemption(context.file().qualifiedName(expression));
        if (what == null) return;
        report(node, what, viewName(node), context);
    }

    /** {@code csrf_exempt(view)} in a URLconf, {@code method_decorator(csrf_exempt, ...)}, {@code csrf.exempt(bp)}. */
    @Override
    public void visitCall(Call call, RuleContext context) {
        String what = exemption(call.callee());
        if (what != null) {
            PyNode view = call.argument(0, null);
            if (view == null) return;
            report(call.node(), what, view.text(), context);
            return;
        }
        if (call.calls("django.utils.decorators.method_decorator")) {
            PyNode decorator = call.argument(0, "decorator");
            if (decorator == null) return;
            String inner = exemption(context.file().qualifiedName(decorator));
            if (inner == null && decorator.is("list")) {
                for (PyNode item : decorator.namedChildren()) {
                    if (inner == null) inner = exemption(context.file().qualifiedName(item));
                }
            }
            if (inner == null) return;
            PyNode decoratorNode = call.node().parent();
            String view = decoratorNode != null && decoratorNode.is("decorator") ? viewName(decoratorNode) : null;
            report(call.node(), inner, view, context);
        }
    }

    /** How the exemption is written in messages, or null when {@code qualifiedName} is not one. */
    private static String exemption(String qualifiedName) {
        if (qualifiedName == null) return null;
        if (qualifiedName.equals(DJANGO)) return "Django's `csrf_exempt`";
        if ((qualifiedName.startsWith("flask_wtf.") || qualifiedName.startsWith("flask_wtf.csrf."))
                && (qualifiedName.endsWith("CSRFProtect().exempt") || qualifiedName.endsWith("CsrfProtect().exempt"))) {
            return "Flask-WTF's `csrf.exempt`";
        }
        return null;
    }

    private static String viewName(PyNode decorator) {
        PyNode decorated = decorator.parent();
        if (decorated == null || !decorated.is("decorated_definition")) return null;
        PyNode definition = decorated.field("definition");
        PyNode name = definition == null ? null : definition.field("name");
        return name == null ? null : name.text();
    }

    private void report(PyNode at, String what, String view, RuleContext context) {
        String target = view == null ? "this view" : "`" + view + "`";
        String base = what + " turns off CSRF checking for " + target + ": if it changes state and relies on the "
                + "session cookie, any other site can make a logged-in user's browser submit that request.";
        if (view != null && looksMachineFacing(view)) {
            context.report(at, base + " The name suggests a machine-to-machine endpoint; that is fine only if it "
                    + "authenticates callers with a token or signature it verifies.", Severity.MEDIUM, Confidence.LOW);
        } else {
            context.report(at, base);
        }
    }

    private static boolean looksMachineFacing(String view) {
        String words = view.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        for (String word : words.split("[^a-z0-9]+")) {
            if (MACHINE_WORDS.contains(word)) return true;
        }
        return false;
    }
}
