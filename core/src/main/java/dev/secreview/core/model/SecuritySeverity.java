package dev.secreview.core.model;

import dev.secreview.core.rule.RuleMetadata;

import java.util.Locale;
import java.util.Set;

/**
 * A finding's security severity on the 0–10 scale that SARIF consumers rank alerts by (GitHub: 9 and up
 * critical, 7 high, 4 medium, below 4 low). It uses the whole scale: the finding's severity sets the band,
 * the weakness moves it (running the attacker's code or commands weighs more than a resource leak), and
 * the evidence moves it again (a path from a remote source raises it, a guess lowers it). Attacker data
 * reaching an OS command is 9.5; a hardening note is at most 2.5.
 */
public final class SecuritySeverity {
    /** Weaknesses that let an attacker run code or commands of their choosing. */
    private static final Set<Integer> CODE_EXECUTION = Set.of(77, 78, 88, 94, 95, 96, 502, 1336);

    /** Weaknesses that read or change data, identities or requests the attacker should not reach. */
    private static final Set<Integer> DATA_OR_ACCESS = Set.of(22, 23, 36, 89, 90, 259, 287, 306, 347, 564, 611,
            639, 643, 798, 862, 863, 918, 943);

    /** Weaknesses whose harm is to availability or robustness only. */
    private static final Set<Integer> AVAILABILITY = Set.of(367, 390, 400, 404, 409, 770, 772, 775, 776, 1088, 1333);

    private SecuritySeverity() {
    }

    /** The score of one finding, from its own severity, confidence and path. */
    public static double of(Finding finding) {
        boolean remotePath = !finding.flow().isEmpty() && finding.confidence() == Confidence.HIGH;
        return score(finding.severity(), finding.confidence(), finding.cwe(), remotePath);
    }

    /** The score of a rule's typical finding, from its default severity and confidence. */
    public static double of(RuleMetadata rule) {
        return score(rule.severity(), rule.confidence(), rule.cwe(), false);
    }

    /** The score as SARIF writes it: one decimal. */
    public static String label(double score) {
        return String.format(Locale.ROOT, "%.1f", score);
    }

    static double score(Severity severity, Confidence confidence, int cwe, boolean remotePath) {
        double score = switch (severity) {
            case HIGH -> 7.5;
            case MEDIUM -> 5.0;
            case LOW -> 2.5;
        };
        if (CODE_EXECUTION.contains(cwe)) score += 1.5;
        else if (DATA_OR_ACCESS.contains(cwe)) score += 1.0;
        else if (AVAILABILITY.contains(cwe)) score -= 1.0;
        score += switch (confidence) {
            case HIGH -> remotePath ? 0.5 : 0.0;
            case MEDIUM -> -0.5;
            case LOW -> -1.0;
        };
        return Math.max(0.1, Math.min(10.0, score));
    }
}
