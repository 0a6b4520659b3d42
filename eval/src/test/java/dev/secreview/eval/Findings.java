package dev.secreview.eval;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.Suppression;
import dev.secreview.core.model.TextRange;
import dev.secreview.core.rule.RuleMetadata;

import java.util.List;

/** Hand-made findings and file reviews for the scorers. */
final class Findings {

    private Findings() {
    }

    static RuleMetadata rule(String id, int cwe) {
        return new RuleMetadata(id, cwe, Severity.HIGH, Confidence.HIGH, "summary of " + id, "fix", List.of());
    }

    static Finding finding(String path, int line, String ruleId, int cwe) {
        return new Finding(rule(ruleId, cwe), path, new TextRange(line, 1, line, 10), "code", "why", "fix",
                Severity.HIGH, Confidence.HIGH, null);
    }

    static Finding suppressed(String path, int line, String ruleId, int cwe) {
        return finding(path, line, ruleId, cwe).suppressedBy(new Suppression("# nosec", line));
    }

    static FileReport file(String path, Finding... findings) {
        return new FileReport(path, "python", 20, List.of(findings), List.of());
    }
}
