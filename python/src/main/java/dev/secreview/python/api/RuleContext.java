package dev.secreview.python.api;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.python.semantic.CodeRole;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.List;

/** What a rule sees of the file it checks, and how it reports a finding. One per rule per file. */
public final class RuleContext {
    private final PythonFile file;
    private final Values values;
    private final RuleMetadata rule;
    private final List<Finding> sink;

    public RuleContext(PythonFile file, Values values, RuleMetadata rule, List<Finding> sink) {
        this.file = file;
        this.values = values;
        this.rule = rule;
        this.sink = sink;
    }

    public PythonFile file() {
        return file;
    }

    /** Constant folding and value origins for expressions of this file. */
    public Values values() {
        return values;
    }

    /** Reports a finding at {@code node} with the rule's default severity, confidence and fix. */
    public void report(PyNode node, String message) {
        report(node, message, rule.severity(), rule.confidence(), rule.fix());
    }

    /** Reports a finding whose severity and confidence reflect the evidence found here. */
    public void report(PyNode node, String message, Severity severity, Confidence confidence) {
        report(node, message, severity, confidence, rule.fix());
    }

    /**
     * Reports a finding with a fix written for this case. In an operator tool the finding is one severity
     * step lower and says why: the tool is not the service's attack surface.
     */
    public void report(PyNode node, String message, Severity severity, Confidence confidence, String fix) {
        String snippet = file.source().line(node.startLine()).strip();
        if (file.role() == CodeRole.OPERATOR_TOOL && severity != Severity.LOW) {
            severity = severity.lowered();
            message = message + " (`" + file.source().projectPath() + "` is a tool run by an operator, not the "
                    + "service's attack surface, so the severity is one step lower.)";
        }
        sink.add(new Finding(rule, file.source().displayPath(), node.range(), snippet, message, fix,
                severity, confidence, null));
    }
}
