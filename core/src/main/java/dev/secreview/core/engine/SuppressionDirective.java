package dev.secreview.core.engine;

import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Suppression;

import java.util.List;

/**
 * An inline directive such as {@code # nosec B602} standing on {@code line} and covering
 * {@code firstLine..lastLine} (the whole statement it belongs to). An empty {@code ruleNames}
 * covers every rule; otherwise each name is a rule id or one of its alternate names.
 */
public record SuppressionDirective(int line, int firstLine, int lastLine, String text, List<String> ruleNames) implements java.io.Serializable {

    public SuppressionDirective {
        ruleNames = List.copyOf(ruleNames);
    }

    public boolean covers(Finding finding) {
        return finding.line() >= firstLine && finding.line() <= lastLine
                && (ruleNames.isEmpty() || ruleNames.stream().anyMatch(finding.rule()::answersTo));
    }

    /** Marks each finding covered by one of {@code directives} as suppressed, keeping all of them. */
    public static List<Finding> apply(List<Finding> findings, List<SuppressionDirective> directives) {
        if (directives.isEmpty()) return findings;
        return findings.stream().map(finding -> directives.stream()
                        .filter(d -> d.covers(finding))
                        .findFirst()
                        .map(d -> finding.suppressedBy(new Suppression(d.text(), d.line())))
                        .orElse(finding))
                .toList();
    }
}
