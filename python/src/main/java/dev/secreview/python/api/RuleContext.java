package dev.secreview.python.api;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.FlowStep;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.python.semantic.CodeRole;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What a rule sees of the file it checks, and how it reports a finding. One per rule per file. */
public final class RuleContext {
    private final PythonFile file;
    private final Values values;
    private final RuleMetadata rule;
    private final List<Finding> sink;
    private Object fileState;

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

    /**
     * What the rule has worked out about this whole file, made once by {@code make} on first use (rules are
     * stateless and shared by threads; a context belongs to one rule and one file).
     */
    @SuppressWarnings("unchecked")
    public <T> T fileState(Supplier<T> make) {
        if (fileState == null) fileState = make.get();
        return (T) fileState;
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
        report(node, message, severity, confidence, fix, List.of());
    }

    /**
     * Reports one defect that shows at several places: at {@code node}, where it is made, with {@code related}
     * (the other places, each with the note that says what it is) beside it.
     */
    public void report(PyNode node, String message, Severity severity, Confidence confidence,
                       List<Map.Entry<PyNode, String>> related) {
        report(node, message, severity, confidence, rule.fix(), related);
    }

    private void report(PyNode node, String message, Severity severity, Confidence confidence, String fix,
                        List<Map.Entry<PyNode, String>> related) {
        String snippet = file.source().line(node.startLine()).strip();
        severity = severity.supportedBy(confidence);
        if (file.role() == CodeRole.OPERATOR_TOOL && severity != Severity.LOW) {
            severity = severity.lowered();
            message = message + " (`" + file.source().projectPath() + "` is a tool run by an operator, not the "
                    + "service's attack surface, so the severity is one step lower.)";
        }
        List<FlowStep> places = related.stream()
                .map(place -> new FlowStep(file.source().displayPath(), place.getKey().range(),
                        file.source().line(place.getKey().startLine()).strip(), place.getValue()))
                .toList();
        sink.add(new Finding(rule, file.source().displayPath(), node.range(), snippet, message, fix,
                severity, confidence, null, List.of(), places));
    }
}
