package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.Set;

@RuleInfo(
        id = "py-jinja2-autoescape",
        cwe = 79,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A Jinja2 Environment or Template is created with autoescaping off "
                + "(autoescape=False, or no autoescape argument: Jinja2's default is off).",
        fix = "Turn autoescaping on for HTML templates: "
                + "jinja2.Environment(loader=loader, autoescape=jinja2.select_autoescape([\"html\", \"xml\"])) "
                + "or autoescape=True.",
        altNames = {"B701"})
public final class Jinja2AutoescapeRule implements CallRule {

    private static final Set<String> FACTORIES = Set.of("jinja2.Environment", "jinja2.environment.Environment",
            "jinja2.Template", "jinja2.environment.Template", "jinja2.sandbox.SandboxedEnvironment");

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null || !FACTORIES.contains(callee)) return;
        String what = "`" + call.function().text() + "(...)`";
        PyNode autoescape = call.keyword("autoescape");
        if (autoescape == null) {
            // **options may carry autoescape; nothing to say then.
            if (call.unpacksArguments()) return;
            context.report(call.node(), what + " is created without `autoescape`, and Jinja2 does not escape by "
                    + "default: any variable rendered into HTML by this " + kind(callee) + " reaches the page "
                    + "unescaped, so user text containing `<script>` becomes markup (XSS).",
                    Severity.MEDIUM, Confidence.MEDIUM);
        } else if (context.values().isFalse(autoescape)) {
            context.report(call.node(), what + " turns autoescaping off with `autoescape=False`: variables "
                    + "rendered into HTML by this " + kind(callee) + " are not escaped, so user text containing "
                    + "`<script>` becomes markup (XSS).", Severity.MEDIUM, Confidence.HIGH);
        }
        // True, select_autoescape(...) or a callable: escaping is on (at least for the chosen templates).
    }

    private static String kind(String callee) {
        return callee.endsWith("Template") ? "template" : "environment";
    }
}
