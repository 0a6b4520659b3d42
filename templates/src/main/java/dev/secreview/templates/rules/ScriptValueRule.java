package dev.secreview.templates.rules;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.templates.api.TemplateRule;
import dev.secreview.templates.api.TemplateRuleContext;
import dev.secreview.templates.parse.OutputContext;
import dev.secreview.templates.parse.Template;
import dev.secreview.templates.parse.TemplateValue;
import dev.secreview.templates.parse.ValueExpression;

import java.util.Set;

@RuleInfo(
        id = "tpl-script-value",
        cwe = 79,
        severity = Severity.MEDIUM,
        confidence = Confidence.LOW,
        summary = "A template value is written into JavaScript (a `<script>` block or an `on…=` event handler) without "
                + "`|tojson`, `|escapejs` or `json_script`: HTML escaping does not make a value safe in JavaScript.",
        fix = "Pass data to scripts as JSON: Jinja's `{{ value|tojson }}`, Django's `{{ value|json_script:\"id\" }}` "
                + "read with JSON.parse(document.getElementById(\"id\").textContent); inside a JavaScript string, "
                + "Django's `|escapejs`. Never `|safe` a value into a script.")
public final class ScriptValueRule implements TemplateRule {
    /** Filters that make a JavaScript literal of any value: a JSON text with `<`, `>`, `&` and quotes escaped. */
    private static final Set<String> JSON_LITERAL = Set.of("tojson", "json_script");

    @Override
    public void check(Template template, TemplateRuleContext context) {
        if (template.output() != Template.Output.HTML) return;
        for (TemplateValue value : template.values()) {
            OutputContext where = value.context();
            if (!where.inJavaScript()) continue;
            ValueExpression v = value.value();
            if (ValueFacts.knownHarmless(template, value)
                    || v.filters().stream().anyMatch(f -> JSON_LITERAL.contains(f) || ValueFacts.NOT_MARKUP.contains(f))
                    || where.inJsString() && v.hasFilter("escapejs")
                    || where.inEventHandler() && ValueFacts.namedAsBuiltUrl(value)
                    || !value.unescaped() && ValueFacts.namedAsNumber(value)) {
                continue;
            }
            boolean request = ValueFacts.fromRequest(template, value);
            String block = where.inEventHandler() ? "the `" + where.attribute() + "` event handler" : "a `<script>` block";
            String message;
            Severity severity;
            Confidence confidence;
            if (value.unescaped()) {
                message = "`" + ValueFacts.shown(value) + "` is written into " + block + " without any escaping ("
                        + (value.unescapedBy() != null ? value.unescapedBy() : "`|safe`") + "): a `</script>`, a quote "
                        + "or plain code in it runs as the page's script (XSS) if a user's text reaches it.";
                severity = Severity.MEDIUM;
                confidence = Confidence.MEDIUM;
            } else if (where.inEventHandler()) {
                message = "`" + ValueFacts.shown(value) + "` is written into " + block + ": the browser decodes the "
                        + "HTML escaping (`&#x27;` is a quote again) before it runs the handler, so a quote in the value "
                        + "ends the JavaScript string and the rest runs as code (XSS).";
                severity = Severity.MEDIUM;
                confidence = Confidence.MEDIUM;
            } else if (where.inJsString()) {
                // Escaped for HTML inside a script's string: quotes and `<` are entities there, which a script block
                // does not decode, so one value cannot end the string (a trailing backslash needs a second value).
                continue;
            } else {
                message = "`" + ValueFacts.shown(value) + "` is written into " + block + " as code, not as a string: "
                        + "HTML escaping leaves `alert(1)` or `1;fetch(…)` as they are, so any text in it runs as "
                        + "script (XSS) if a user's text reaches it.";
                severity = Severity.MEDIUM;
                confidence = Confidence.LOW;
            }
            if (request) {
                message = message + ValueFacts.requestSentence(template, value);
                confidence = Confidence.HIGH;
            }
            context.report(value, message, severity, confidence);
        }
    }
}
