package dev.secreview.core.model;

import dev.secreview.core.rule.RuleMetadata;

import java.util.Comparator;
import java.util.List;

/**
 * One defect at one place. {@code snippet} is the offending source line as it stands in the file;
 * {@code message} explains this finding with the names from the code; {@code fix} is concrete.
 * {@code suppression} is null unless an inline directive silenced the finding (it is kept, not dropped).
 * {@code flow} is the path from source to sink for dataflow findings, in program order; empty otherwise.
 * {@code related} are the other places the same defect shows (a parser configured once and used in many
 * calls is one finding, where it is configured, with the uses here), each with a note; usually empty.
 */
public record Finding(RuleMetadata rule, String path, TextRange range, String snippet, String message,
                      String fix, Severity severity, Confidence confidence, Suppression suppression,
                      List<FlowStep> flow, List<FlowStep> related)
        implements Comparable<Finding>, java.io.Serializable {

    public Finding {
        flow = List.copyOf(flow);
        related = List.copyOf(related);
    }

    /** A finding with a dataflow path and no related places. */
    public Finding(RuleMetadata rule, String path, TextRange range, String snippet, String message,
                   String fix, Severity severity, Confidence confidence, Suppression suppression,
                   List<FlowStep> flow) {
        this(rule, path, range, snippet, message, fix, severity, confidence, suppression, flow, List.of());
    }

    /** A finding without a dataflow path. */
    public Finding(RuleMetadata rule, String path, TextRange range, String snippet, String message,
                   String fix, Severity severity, Confidence confidence, Suppression suppression) {
        this(rule, path, range, snippet, message, fix, severity, confidence, suppression, List.of(), List.of());
    }

    /** Review order: by path, then position, then rule id, then message; so output is deterministic. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::path)
            .thenComparing(Finding::range)
            .thenComparing(f -> f.rule().id())
            .thenComparing(Finding::message);

    public int cwe() {
        return rule.cwe();
    }

    public int line() {
        return range.startLine();
    }

    public boolean suppressed() {
        return suppression != null;
    }

    public Finding suppressedBy(Suppression by) {
        return new Finding(rule, path, range, snippet, message, fix, severity, confidence, by, flow, related);
    }

    /** The same finding at a lower confidence, and at the severity that confidence supports. */
    public Finding withConfidence(Confidence lowered) {
        return new Finding(rule, path, range, snippet, message, fix, severity.supportedBy(lowered), lowered,
                suppression, flow, related);
    }

    /** The same defect judged anew on more evidence: its severity, confidence and the message that says why. */
    public Finding rejudged(Severity newSeverity, Confidence newConfidence, String newMessage) {
        return new Finding(rule, path, range, snippet, newMessage, fix, newSeverity, newConfidence, suppression, flow,
                related);
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
