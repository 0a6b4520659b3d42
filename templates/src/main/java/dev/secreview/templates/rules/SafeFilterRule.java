package dev.secreview.templates.rules;

import dev.secreview.core.engine.TemplateRender.Origin;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.templates.api.TemplateRule;
import dev.secreview.templates.api.TemplateRuleContext;
import dev.secreview.templates.parse.OutputContext;
import dev.secreview.templates.parse.Template;
import dev.secreview.templates.parse.TemplateValue;

@RuleInfo(
        id = "tpl-safe-filter",
        cwe = 79,
        severity = Severity.MEDIUM,
        confidence = Confidence.LOW,
        summary = "A template value is written into the page without HTML escaping: marked `|safe`, or inside "
                + "`{% autoescape off %}` / `{% autoescape false %}` / `{% filter safe %}`.",
        fix = "Drop `|safe` and let the template escape the value; where the value must carry markup, build it in "
                + "Python with an escaping helper (Django's format_html(), MarkupSafe's Markup(\"<b>{}</b>\").format(x)) "
                + "so that only the parts you wrote are markup.")
public final class SafeFilterRule implements TemplateRule {

    @Override
    public void check(Template template, TemplateRuleContext context) {
        for (TemplateValue value : template.values()) {
            OutputContext where = value.context();
            // In JavaScript the script rule speaks; a value that writes whole attributes (`<tr {{ attrs|safe }}>`)
            // must be marked safe to work at all: how its builder escapes is the Python rules' question.
            boolean markup = where.place() == OutputContext.Place.TEXT
                    || where.place() == OutputContext.Place.ATTRIBUTE_VALUE && !where.inEventHandler();
            if (!markup || !value.unescaped()) continue;
            if (ValueFacts.knownHarmless(template, value) || ValueFacts.escapedAnyway(template, value)
                    || ValueFacts.viewsPass(template, value, Origin.ESCAPED)) {
                continue;
            }
            String how = value.unescapedBy() != null ? "inside `" + value.unescapedBy() + "`" : "marked `|safe`";
            String where2 = where.place() == OutputContext.Place.TEXT ? "into the page"
                    : "into the `" + where.attribute() + "` attribute of `<" + where.element() + ">`";
            boolean request = ValueFacts.fromRequest(template, value);
            String origin = request ? ValueFacts.requestOrigin(template, value) + ", so a visitor's `<script>` is run (XSS)."
                    : "nothing in the template shows where `" + value.value().expression() + "` comes from; if a "
                    + "user's text reaches it, a `<script>` or a quote in it becomes markup (XSS).";
            context.report(value, "`" + ValueFacts.shown(value) + "` is written " + where2
                    + " " + how + ", without HTML escaping: " + origin,
                    request ? Severity.HIGH : Severity.MEDIUM, request ? Confidence.HIGH : Confidence.LOW);
        }
    }
}
