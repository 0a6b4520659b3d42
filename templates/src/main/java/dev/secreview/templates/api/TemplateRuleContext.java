package dev.secreview.templates.api;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.templates.parse.Template;

import java.util.List;

/** How a rule reports a finding in the template it checks. One per rule per file. */
public final class TemplateRuleContext {
    private final Template template;
    private final RuleMetadata rule;
    private final List<Finding> sink;

    public TemplateRuleContext(Template template, RuleMetadata rule, List<Finding> sink) {
        this.template = template;
        this.rule = rule;
        this.sink = sink;
    }

    /** Reports the text {@code [start, end)} of the template with the rule's default fix. */
    public void report(int start, int end, String message, Severity severity, Confidence confidence) {
        var range = template.range(start, end);
        String snippet = template.source().line(range.startLine()).strip();
        sink.add(new Finding(rule, template.source().displayPath(), range, snippet, message, rule.fix(),
                severity.supportedBy(confidence), confidence, null));
    }
}
