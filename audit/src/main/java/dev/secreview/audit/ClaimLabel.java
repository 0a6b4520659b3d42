package dev.secreview.audit;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * A labelled line of a finding ("Fix: ...", "**Description**: ...", "- **Line**: 42") and what the label
 * introduces: the remedy, the reasoning, or metadata such as the CWE and place.
 */
record ClaimLabel(Kind kind, String rest) {

    enum Kind { FIX, EXPLANATION, METADATA }

    private static final Set<String> FIX = Set.of("fix", "fixes", "recommendation", "recommendations",
            "recommended fix", "remediation", "mitigation", "suggested fix", "how to fix", "solution", "suggestion",
            "remedy", "fix suggestion", "secure alternative");
    private static final Set<String> EXPLANATION = Set.of("description", "explanation", "issue", "details", "impact",
            "risk", "why", "problem", "vulnerability", "reason", "attack scenario", "exploit", "summary");
    private static final Set<String> METADATA = Set.of("cwe", "cwe id", "location", "line", "lines", "file",
            "severity", "pillar", "confidence", "category", "type", "code", "evidence", "snippet", "vulnerable code",
            "cwe name", "weakness", "name", "title", "affected code", "affected lines");

    /** The label of a line, if it starts with one of the known labels. */
    static Optional<ClaimLabel> of(String line) {
        Matcher m = MarkdownLines.LABEL.matcher(line);
        if (!m.matches()) return Optional.empty();
        String label = m.group(1).trim().toLowerCase(Locale.ROOT);
        String rest = m.group(2) == null ? "" : m.group(2).strip();
        if (FIX.contains(label)) return Optional.of(new ClaimLabel(Kind.FIX, rest));
        if (EXPLANATION.contains(label)) return Optional.of(new ClaimLabel(Kind.EXPLANATION, rest));
        if (METADATA.contains(label)) return Optional.of(new ClaimLabel(Kind.METADATA, rest));
        return Optional.empty();
    }
}
