package dev.secreview.llm;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.model.TextRange;
import dev.secreview.core.rule.RuleMetadata;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns verified LLM claims into ordinary findings, so every report format shows them unchanged: one
 * synthetic rule {@code llm-cwe-<id>} per CWE, medium severity and low confidence (the claim passed the
 * auditor's checks, but no rule of ours proves it), and a message that says where it came from.
 */
final class LlmFindings {

    private final CweCatalog catalog;

    LlmFindings(CweCatalog catalog) {
        this.catalog = catalog;
    }

    Finding toFinding(SourceFile source, AgreedClaim agreed, int samplesAsked) {
        int cwe = agreed.claim().cwe();
        String genericFix = "Apply the mitigations of CWE-" + cwe + " (https://cwe.mitre.org/data/definitions/"
                + cwe + ".html) at this line.";
        RuleMetadata rule = new RuleMetadata("llm-cwe-" + cwe, cwe, Severity.MEDIUM, Confidence.LOW,
                catalog.require(cwe).name(), genericFix, List.of());
        int line = agreed.line();
        String code = source.line(line);
        int column = code.length() - code.stripLeading().length() + 1;
        TextRange range = code.isBlank() ? new TextRange(line, 1, line, 1)
                : new TextRange(line, column, line, code.stripTrailing().length() + 1);
        String message = "LLM second opinion (agreed by " + agreed.samples() + " of " + samplesAsked + " samples): "
                + firstText(agreed.claim().explanation(), agreed.claim().text(), "(no explanation given)");
        return new Finding(rule, source.displayPath(), range, code.strip(), message,
                firstText(agreed.claim().fix(), genericFix), rule.severity(), rule.confidence(), null);
    }

    /**
     * The static findings, all of them, plus each LLM finding that adds something: one on the line and
     * CWE of a static finding (suppressed or not) or of an earlier LLM finding is a duplicate.
     */
    static List<Finding> merge(List<Finding> staticFindings, List<Finding> llmFindings) {
        List<Finding> merged = new ArrayList<>(staticFindings);
        for (Finding candidate : llmFindings) {
            boolean known = merged.stream().anyMatch(f -> f.line() == candidate.line() && f.cwe() == candidate.cwe());
            if (!known) merged.add(candidate);
        }
        return merged;
    }

    private static String firstText(String... candidates) {
        for (String text : candidates) {
            if (text != null && !text.isBlank()) return text.strip();
        }
        throw new IllegalArgumentException("the last candidate must be a text");
    }
}
