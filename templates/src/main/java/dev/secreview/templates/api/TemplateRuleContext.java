package dev.secreview.templates.api;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.FlowStep;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.templates.parse.Template;
import dev.secreview.templates.parse.TemplateValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How a rule reports a finding in the template it checks. One per rule per file. */
public final class TemplateRuleContext {
    private final Template template;
    private final RuleMetadata rule;
    private final List<Finding> sink;
    /** Where in {@link #sink} the finding of each value already reported stands, by the value's text. */
    private final Map<String, Integer> reportedValues = new HashMap<>();

    public TemplateRuleContext(Template template, RuleMetadata rule, List<Finding> sink) {
        this.template = template;
        this.rule = rule;
        this.sink = sink;
    }

    /** Reports the text {@code [start, end)} of the template with the rule's default fix. */
    public void report(int start, int end, String message, Severity severity, Confidence confidence) {
        var range = template.range(start, end);
        sink.add(new Finding(rule, template.source().displayPath(), range, snippet(range.startLine()), message,
                rule.fix(), severity.supportedBy(confidence), confidence, null));
    }

    /**
     * Reports a value. The same value written the same way again in the file (both branches of an
     * {@code {% if %}}) is the same defect: one finding, at the first, with the others as its related places.
     */
    public void report(TemplateValue value, String message, Severity severity, Confidence confidence) {
        String key = value.value().expression() + "|" + String.join("|", value.value().filters()) + "@"
                + value.context().place() + ":" + value.context().attribute() + ":" + value.unescapedBy();
        Integer first = reportedValues.get(key);
        if (first == null) {
            reportedValues.put(key, sink.size());
            report(value.start(), value.end(), message, severity, confidence);
            return;
        }
        Finding finding = sink.get(first);
        var range = template.range(value.start(), value.end());
        List<FlowStep> related = new ArrayList<>(finding.related());
        related.add(new FlowStep(finding.path(), range, snippet(range.startLine()), "the same value, written the same way"));
        sink.set(first, new Finding(finding.rule(), finding.path(), finding.range(), finding.snippet(), finding.message(),
                finding.fix(), finding.severity(), finding.confidence(), null, List.of(), related));
    }

    private String snippet(int line) {
        return template.source().line(line).strip();
    }
}
