package dev.secreview.templates.rules;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.templates.api.TemplateRule;
import dev.secreview.templates.api.TemplateRuleContext;
import dev.secreview.templates.parse.OutputContext;
import dev.secreview.templates.parse.Template;
import dev.secreview.templates.parse.TemplateToken;
import dev.secreview.templates.parse.TemplateValue;
import dev.secreview.templates.parse.ValueExpression;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

@RuleInfo(
        id = "tpl-url-scheme",
        cwe = 79,
        severity = Severity.MEDIUM,
        confidence = Confidence.LOW,
        summary = "A template value is the whole URL (or its start) of a link, a form action or a frame or script "
                + "source, with no check of its scheme: a `javascript:` URL runs when the link is followed.",
        fix = "Let only http(s) URLs through: check the scheme where the value is made (Django's "
                + "url_has_allowed_host_and_scheme(), `urlparse(url).scheme in {\"http\", \"https\"}`), or write a "
                + "fixed start before the value (`href=\"/users/{{ name }}\"`).")
public final class UrlSchemeRule implements TemplateRule {
    /** The attributes whose URL a browser follows or loads as a document or a script, by element. */
    private static final Map<String, Set<String>> URL_ATTRIBUTES = Map.of(
            "href", Set.of("a", "area", "base"),
            "xlink:href", Set.of("a"),
            "src", Set.of("iframe", "frame", "script", "embed"),
            "action", Set.of("form"),
            "formaction", Set.of("button", "input"));
    private static final Pattern SCHEME_CHECK = Pattern.compile("(?i)https?|startswith|scheme|is_safe_url|allowed_host");

    @Override
    public void check(Template template, TemplateRuleContext context) {
        if (template.output() != Template.Output.HTML) return;
        for (TemplateValue value : template.values()) {
            OutputContext where = value.context();
            if (where.place() != OutputContext.Place.ATTRIBUTE_VALUE || !where.valueStart()) continue;
            Set<String> elements = URL_ATTRIBUTES.get(where.attribute());
            if (elements == null || !elements.contains(where.element())) continue;
            ValueExpression v = value.value();
            boolean request = ValueFacts.fromRequest(template, value);
            if (ValueFacts.knownHarmless(template, value) || v.hasFilter("urlencode")
                    || ValueFacts.builtUrlCall(value) || v.expression().startsWith("request.path")
                    || v.expression().startsWith("request.url") || schemeChecked(template, v)) {
                continue;
            }
            // Precision first: a value is reported only where the template or a view that renders it shows it is a
            // visitor's URL (the request's own data, or a name such as `next` or `website`).
            if (!request && !ValueFacts.namedAsVisitorUrl(value)) continue;
            context.report(value, "`" + ValueFacts.shown(value) + "` is the start of the `"
                    + where.attribute() + "` URL of `<" + where.element() + ">` and nothing checks its scheme: "
                    + (request ? ValueFacts.requestOrigin(template, value) + ", so " : "if a user's text reaches it, ")
                    + "a `javascript:` URL runs script in the page when the link is followed (escaping does not "
                    + "change it).", Severity.MEDIUM, request ? Confidence.HIGH : Confidence.LOW);
        }
    }

    /** A tag of the template tests the value's scheme: {@code {% if link|slice:":4" == "http" %}}. */
    private static boolean schemeChecked(Template template, ValueExpression value) {
        for (TemplateToken token : template.tokens()) {
            if (token.kind() == TemplateToken.Kind.TAG && token.body().contains(value.expression())
                    && SCHEME_CHECK.matcher(token.body()).find()) {
                return true;
            }
        }
        return false;
    }
}
