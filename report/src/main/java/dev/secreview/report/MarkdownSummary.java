package dev.secreview.report;

import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.Severity;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The head of a review in Markdown, the body of a GitHub review and the message of a Gerrit one: how many
 * defects, a table of them by pillar and severity, what was reviewed at which thresholds, and the files that
 * could not be (fully) reviewed. A review without defects says only {@link ReportModel#verdictWithoutDefects()}
 * (and lists its diagnostics when there are any).
 */
final class MarkdownSummary {

    private MarkdownSummary() {
    }

    static String of(ReportModel model) {
        StringBuilder text = new StringBuilder();
        int defects = model.defects().size();
        if (defects == 0) {
            text.append(model.verdictWithoutDefects()).append('\n');
        } else {
            text.append("### secreview: ").append(defects).append(defects == 1 ? " security defect" : " security defects")
                    .append("\n\n");
            table(model, text);
            StringJoiner scope = new StringJoiner(" · ");
            scope.add(model.filesReviewed() + (model.filesReviewed() == 1 ? " file" : " files") + " reviewed ("
                    + model.lines() + " lines)");
            scope.add("severity " + model.report.minSeverity().label() + " and above, confidence "
                    + model.report.minConfidence().label() + " and above");
            if (model.suppressed() > 0) scope.add(model.suppressed() + " suppressed");
            if (model.belowThreshold() > 0) scope.add(model.belowThreshold() + " below threshold");
            scope.add("secreview " + MarkdownText.inline(model.report.toolVersion()) + ", CWE " + model.catalogVersion);
            text.append('\n').append(scope).append('\n');
        }
        diagnostics(model.diagnostics(), text);
        return text.toString();
    }

    private static void table(ReportModel model, StringBuilder text) {
        text.append("| Pillar | High | Medium | Low | All |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (ReportModel.PillarCount p : model.byPillar()) {
            row(p.pillar() == null ? "no pillar" : MarkdownText.inline(p.pillar().title()), p.bySeverity(), p.count(), text);
        }
        row("**All**", model.bySeverity(), model.defects().size(), text);
    }

    private static void row(String label, Map<Severity, Integer> bySeverity, int all, StringBuilder text) {
        text.append("| ").append(label);
        for (Severity severity : List.of(Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
            text.append(" | ").append(bySeverity.get(severity));
        }
        text.append(" | ").append(all).append(" |\n");
    }

    private static void diagnostics(List<Diagnostic> diagnostics, StringBuilder text) {
        if (diagnostics.isEmpty()) return;
        text.append("\n**Diagnostics:**\n");
        for (Diagnostic d : diagnostics) {
            text.append("- ").append(ReportModel.kindLabel(d.kind())).append(": ")
                    .append(MarkdownText.inline(d.render())).append('\n');
        }
    }
}
