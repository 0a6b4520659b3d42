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
import java.util.Map;

/**
 * Turns the LLM's audited claims into findings, so every report format shows them unchanged. A claim the audit
 * supports with a static finding confirms that finding: it stays one finding, its message naming the LLM as a
 * second source. Any other claim it reports becomes a finding of its own under one synthetic rule
 * {@code llm-cwe-<id>} per CWE, medium severity, labelled as the LLM's: medium confidence when a fact of the
 * code supports it, low when the static analysis does not confirm it.
 */
final class LlmFindings {

    /** What backs an LLM finding of its own, which its confidence and message say. */
    enum Backing {
        CODE_FACT(Confidence.MEDIUM, "confirmed by what the code states"),
        NONE(Confidence.LOW, "not confirmed by the static analysis");

        private final Confidence confidence;
        private final String label;

        Backing(Confidence confidence, String label) {
            this.confidence = confidence;
            this.label = label;
        }
    }

    private final CweCatalog catalog;

    LlmFindings(CweCatalog catalog) {
        this.catalog = catalog;
    }

    Finding toFinding(SourceFile source, AgreedClaim agreed, int samplesAsked, Backing backing) {
        int cwe = agreed.claim().cwe();
        String genericFix = "Apply the mitigations of CWE-" + cwe + " (https://cwe.mitre.org/data/definitions/"
                + cwe + ".html) at this line.";
        RuleMetadata rule = new RuleMetadata("llm-cwe-" + cwe, cwe, Severity.MEDIUM, backing.confidence,
                catalog.require(cwe).name(), genericFix, List.of());
        int line = agreed.line();
        String code = source.line(line);
        int column = code.length() - code.stripLeading().length() + 1;
        TextRange range = code.isBlank() ? new TextRange(line, 1, line, 1)
                : new TextRange(line, column, line, code.stripTrailing().length() + 1);
        String message = source(agreed, samplesAsked) + ", " + backing.label + ": "
                + firstText(agreed.claim().explanation(), agreed.claim().text(), "(no explanation given)");
        return new Finding(rule, source.displayPath(), range, code.strip(), message,
                firstText(agreed.claim().fix(), genericFix), rule.severity(), rule.confidence(), null);
    }

    /** A static finding a supported claim speaks of: the same finding, the LLM named beside the rule that found it. */
    static Finding confirmed(Finding staticFinding, AgreedClaim agreed, int samplesAsked) {
        return staticFinding.rejudged(staticFinding.severity(), staticFinding.confidence(), staticFinding.message()
                + " The " + source(agreed, samplesAsked) + " reports it too.");
    }

    /**
     * The static findings, all of them, those the LLM confirmed in their confirmed form, plus each LLM finding that
     * adds something: one on the line and CWE of a static finding (suppressed or not) or of an earlier LLM finding
     * is a duplicate.
     */
    static List<Finding> merge(List<Finding> staticFindings, Map<Finding, Finding> confirmed, List<Finding> llmFindings) {
        List<Finding> merged = new ArrayList<>(staticFindings.stream().map(f -> confirmed.getOrDefault(f, f)).toList());
        for (Finding candidate : llmFindings) {
            boolean known = merged.stream().anyMatch(f -> f.line() == candidate.line() && f.cwe() == candidate.cwe());
            if (!known) merged.add(candidate);
        }
        return merged;
    }

    private static String source(AgreedClaim agreed, int samplesAsked) {
        return "LLM second opinion (agreed by " + agreed.samples() + " of " + samplesAsked + " samples)";
    }

    private static String firstText(String... candidates) {
        for (String text : candidates) {
            if (text != null && !text.isBlank()) return text.strip();
        }
        throw new IllegalArgumentException("the last candidate must be a text");
    }
}
