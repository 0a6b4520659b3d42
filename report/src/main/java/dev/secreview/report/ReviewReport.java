package dev.secreview.report;

import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleMetadata;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the writers render: a scan, every rule that took part (SARIF lists them all, findings or
 * not), the thresholds below which findings are hidden but counted, and the tool version. For the
 * formats a review system reads: {@code base}, the folder the review's relative paths start from, against
 * which an absolute path is made relative (null: paths stay as shown); and {@code projectUrl}, where
 * secreview's sources are published (empty when unknown), for links to its rule pages; {@code changedLines}, the
 * lines of the change under review ({@link ChangedLines#EVERY_LINE} for a review of a tree).
 */
public record ReviewReport(ScanResult scan, List<RuleMetadata> rules, Severity minSeverity,
                           Confidence minConfidence, String toolVersion, Path base, String projectUrl,
                           ChangedLines changedLines) {

    public ReviewReport {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(minSeverity, "minSeverity");
        Objects.requireNonNull(minConfidence, "minConfidence");
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(changedLines, "changedLines");
        rules = List.copyOf(rules);
        projectUrl = projectUrl == null ? "" : projectUrl.strip();
        if (!projectUrl.isEmpty() && !projectUrl.endsWith("/")) projectUrl += "/"; // a folder: pages resolve under it
    }

    /** A review whose paths stay as shown and which links rules to their CWE only. */
    public ReviewReport(ScanResult scan, List<RuleMetadata> rules, Severity minSeverity, Confidence minConfidence,
                        String toolVersion) {
        this(scan, rules, minSeverity, minConfidence, toolVersion, null, "", ChangedLines.EVERY_LINE);
    }

    /** A review of a tree, for the review systems' formats. */
    public ReviewReport(ScanResult scan, List<RuleMetadata> rules, Severity minSeverity, Confidence minConfidence,
                        String toolVersion, Path base, String projectUrl) {
        this(scan, rules, minSeverity, minConfidence, toolVersion, base, projectUrl, ChangedLines.EVERY_LINE);
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
