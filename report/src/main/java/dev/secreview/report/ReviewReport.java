package dev.secreview.report;

import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleMetadata;

import java.util.List;
import java.util.Objects;

/**
 * What the writers render: a scan, every rule that took part (SARIF lists them all, findings or
 * not), the thresholds below which findings are hidden but counted, and the tool version.
 */
public record ReviewReport(ScanResult scan, List<RuleMetadata> rules, Severity minSeverity,
                           Confidence minConfidence, String toolVersion) {

    public ReviewReport {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(minSeverity, "minSeverity");
        Objects.requireNonNull(minConfidence, "minConfidence");
        Objects.requireNonNull(toolVersion, "toolVersion");
        rules = List.copyOf(rules);
    }

    /** Whether a finding reaches both thresholds; suppressed findings may be shown (marked). */
    public boolean shows(Finding finding) {
        return finding.severity().atLeast(minSeverity) && finding.confidence().atLeast(minConfidence);
    }

    /** The findings to act on: shown and not suppressed, in review order. */
    public List<Finding> defects() {
        return scan.findings().stream().filter(f -> shows(f) && !f.suppressed()).sorted().toList();
    }
}
