package dev.secreview.core.engine;

import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Suppression;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inline directive such as {@code # nosec B602} standing on {@code line} and covering
 * {@code firstLine..lastLine} (the whole statement it belongs to). An empty {@code ruleNames}
 * covers every rule; otherwise each name is a rule id or one of its alternate names.
 */
public record SuppressionDirective(int line, int firstLine, int lastLine, String text, List<String> ruleNames) implements java.io.Serializable {

    private static final Pattern IGNORE = Pattern.compile("\\b(secreview:\\s*ignore\\b)(?:\\[([^\\]]*)\\])?",
            Pattern.CASE_INSENSITIVE);

    public SuppressionDirective {
        ruleNames = List.copyOf(ruleNames);
    }

    /**
     * The directive a comment on {@code line} holds, covering that line only (a front end widens it to the statement),
     * or null: {@code secreview: ignore[ID, ...]} in any comment, or what the language's {@code nosec} pattern finds
     * (its group 1: the names after it). Names are the leading tokens that match {@code ruleName}; free text after
     * them (a justification) is not a name.
     */
    public static SuppressionDirective parse(String comment, int line, Pattern nosec, Pattern ruleName) {
        Matcher ignore = IGNORE.matcher(comment);
        if (ignore.find()) {
            List<String> names = ignore.group(2) == null ? List.of() : names(ignore.group(2), ruleName);
            return new SuppressionDirective(line, line, line, ignore.group(), names);
        }
        Matcher found = nosec.matcher(comment);
        if (!found.find()) return null;
        List<String> names = names(found.group(1), ruleName);
        return new SuppressionDirective(line, line, line, "nosec" + (names.isEmpty() ? "" : " " + String.join(",", names)),
                names);
    }

    private static List<String> names(String list, Pattern ruleName) {
        List<String> names = new ArrayList<>();
        for (String token : list.strip().split("[\\s,]+")) {
            if (!ruleName.matcher(token).matches()) break;
            names.add(token);
        }
        return names;
    }

    /** The same directive covering {@code firstLine..lastLine}. */
    public SuppressionDirective covering(int first, int last) {
        return new SuppressionDirective(line, first, last, text, ruleNames);
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
