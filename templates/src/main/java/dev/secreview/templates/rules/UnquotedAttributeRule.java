package dev.secreview.templates.rules;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.templates.api.TemplateRule;
import dev.secreview.templates.api.TemplateRuleContext;
import dev.secreview.templates.parse.OutputContext;
import dev.secreview.templates.parse.Template;
import dev.secreview.templates.parse.TemplateValue;


@RuleInfo(
        id = "tpl-unquoted-attribute",
        cwe = 79,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A template value is the value of an HTML attribute without quotes: HTML escaping does not escape "
                + "blanks or `=`, so a value such as `x onmouseover=alert(1)` adds an event handler.",
        fix = "Quote the attribute: `title=\"{{ name }}\"`; the template's escaping then covers every way out of it.")
public final class UnquotedAttributeRule implements TemplateRule {

    @Override
    public void check(Template template, TemplateRuleContext context) {
        if (template.output() != Template.Output.HTML) return;
        for (TemplateValue value : template.values()) {
            OutputContext where = value.context();
            if (where.place() != OutputContext.Place.ATTRIBUTE_VALUE || where.quote() != 0 || where.inEventHandler()) continue;
            if (ValueFacts.knownHarmless(template, value)
                    || value.value().filters().stream().anyMatch(ValueFacts.NOT_MARKUP::contains)
                    || ValueFacts.namedAsNumber(value) || ValueFacts.builtUrlCall(value)) {
                continue;
            }
            String attribute = where.attribute().isEmpty() ? "an attribute" : "the `" + where.attribute() + "` attribute";
            boolean request = ValueFacts.fromRequest(template, value);
            context.report(value, "`" + ValueFacts.shown(value) + "` is " + attribute + " of `<"
                    + where.element() + ">` without quotes: escaping leaves blanks and `=` alone, so a value such as "
                    + "`x onmouseover=alert(1)` adds its own event handler to the element (XSS)."
                    + (request ? ValueFacts.requestSentence(template, value) : ""),
                    Severity.MEDIUM, request ? Confidence.HIGH : Confidence.MEDIUM);
        }
    }
}
