package dev.secreview.report;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.FlowStep;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The review as a person reads it: each file with defects and its numbered defects (CWE, pillar,
 * place, code, severity, rule, why, the path from source to sink for dataflow findings, fix), then
 * every clean file with the no-defect sentence, then diagnostics, then a summary. Plain text, no
 * colours, {@code \n} line ends, no timings.
 */
public final class TextReportWriter implements ReportWriter {

    /** The sentence every clean file gets, word for word. */
    public static final String NO_DEFECTS = "No security defects are detected in the code.";

    private final CweCatalog catalog;

    public TextReportWriter(CweCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void write(ReviewReport report, Writer out) throws IOException {
        ReportModel model = new ReportModel(report, catalog);
        StringBuilder text = new StringBuilder();
        text.append("secreview ").append(report.toolVersion()).append(" security review (CWE ")
                .append(model.catalogVersion).append(")\n");
        text.append("Shown: severity ").append(report.minSeverity().label()).append(" and above, confidence ")
                .append(report.minConfidence().label()).append(" and above\n");

        List<ReportModel.FileView> withDefects = model.files.stream().filter(f -> !f.defects().isEmpty()).toList();
        List<ReportModel.FileView> clean = model.files.stream().filter(ReportModel.FileView::clean).toList();
        for (ReportModel.FileView view : withDefects) {
            defects(view, model, text);
        }
        if (withDefects.isEmpty()) {
            String verdict = clean.isEmpty() ? model.verdictWithoutDefects()
                    : NO_DEFECTS + " (" + count(clean.size(), "file") + " reviewed)";
            text.append('\n').append(verdict).append('\n');
        } else if (!clean.isEmpty()) {
            heading("Files without security defects", text);
            for (ReportModel.FileView view : clean) {
                StringJoiner notes = new StringJoiner("; ", " (", ")").setEmptyValue("");
                if (!view.notListed().isEmpty()) notes.add(view.notListed());
                if (hasParseErrors(view.file())) notes.add("reviewed where it parses");
                text.append(view.file().path()).append(": ").append(NO_DEFECTS).append(notes).append('\n');
            }
        }

        List<Diagnostic> diagnostics = model.diagnostics();
        if (!diagnostics.isEmpty()) {
            heading("Diagnostics", text);
            for (Diagnostic d : diagnostics) {
                text.append(kindLabel(d.kind())).append(": ").append(d.render()).append('\n');
            }
        }
        summary(model, text);
        out.write(text.toString());
        out.flush();
    }

    private static void defects(ReportModel.FileView view, ReportModel model, StringBuilder text) {
        FileReport file = view.file();
        heading(file.path() + " (" + file.language() + ", " + count(file.lines(), "line") + "): "
                + count(view.defects().size(), "security defect"), text);
        int number = 0;
        for (Finding f : view.defects()) {
            if (number > 0) text.append('\n');
            ReportModel.Cwe cwe = model.cwe(f.cwe());
            String first = ++number + ". ";
            String indent = " ".repeat(first.length());
            text.append(first).append(cwe.label()).append('\n');
            text.append(indent).append("Pillar: ").append(cwe.pillar() == null
                    ? "none (not under a CWE-1000 pillar)" : cwe.pillar().title()).append('\n');
            text.append(indent).append("Location: ").append(f.path()).append(':').append(f.line()).append(':')
                    .append(f.range().startColumn()).append('\n');
            if (!f.snippet().isBlank()) {
                text.append(indent).append("Code: ").append(f.snippet().strip()).append('\n');
            }
            text.append(indent).append("Severity: ").append(f.severity().label())
                    .append(" | Confidence: ").append(f.confidence().label())
                    .append(" | Rule: ").append(f.rule().id()).append('\n');
            text.append(indent).append("Why: ").append(f.message()).append('\n');
            places("Path: ", f.flow(), indent, text);
            places("Also: ", f.related(), indent, text);
            text.append(indent).append("Fix: ").append(f.fix()).append('\n');
        }
        if (!view.notListed().isEmpty()) text.append("\nNot listed: ").append(view.notListed()).append('\n');
    }

    /**
     * Numbered places, one a line, the numbers right-aligned so that the places line up: the path from
     * source to sink ({@code Path: 1. app/views.py:12  `name` from `request.args`}) or the other places
     * the same defect shows ({@code Also: 1. app/xml.py:40  parsed with this parser}).
     */
    private static void places(String label, List<FlowStep> steps, String indent, StringBuilder text) {
        int width = String.valueOf(steps.size()).length();
        for (int i = 0; i < steps.size(); i++) {
            FlowStep step = steps.get(i);
            text.append(indent).append(i == 0 ? label : " ".repeat(label.length()))
                    .append(String.format(Locale.ROOT, "%" + width + "d. ", i + 1))
                    .append(step.path()).append(':').append(step.line());
            if (!step.note().isBlank()) text.append("  ").append(step.note());
            text.append('\n');
        }
    }

    private static void summary(ReportModel model, StringBuilder text) {
        heading("Summary", text);
        text.append("Files reviewed: ").append(model.filesReviewed());
        if (model.filesNotReviewed() > 0) text.append(" (").append(model.filesNotReviewed()).append(" not reviewed)");
        text.append('\n');
        StringJoiner byReason = new StringJoiner(", ", " (", ")").setEmptyValue("");
        model.skippedByReason().forEach((reason, n) -> byReason.add(reason + " " + n));
        text.append("Skipped files: ").append(model.skippedFiles()).append(byReason).append('\n');
        text.append("Lines reviewed: ").append(model.lines()).append('\n');
        StringJoiner bySeverity = new StringJoiner(", ", " (", ")");
        model.bySeverity().forEach((severity, n) -> bySeverity.add(severity.label() + " " + n));
        text.append("Security defects: ").append(model.defects().size()).append(bySeverity).append('\n');
        if (!model.defects().isEmpty()) {
            text.append("By pillar:\n");
            for (ReportModel.PillarCount p : model.byPillar()) {
                text.append("  ").append(p.pillar() == null ? "no pillar" : p.pillar().title())
                        .append(": ").append(p.count()).append('\n');
            }
        }
        text.append("Suppressed findings: ").append(model.suppressed()).append('\n');
        text.append("Below threshold: ").append(model.belowThreshold()).append('\n');
        StringJoiner diagnostics = new StringJoiner(", ").setEmptyValue("none");
        model.diagnosticCounts().forEach((kind, n) -> {
            if (n > 0) diagnostics.add(kindLabel(kind) + " " + n);
        });
        text.append("Diagnostics: ").append(diagnostics).append('\n');
    }

    private static void heading(String title, StringBuilder text) {
        text.append('\n').append(title).append('\n').append("-".repeat(title.length())).append('\n');
    }

    private static boolean hasParseErrors(FileReport file) {
        return file.diagnostics().stream().anyMatch(d -> d.kind() == Diagnostic.Kind.PARSE_ERROR);
    }

    private static String kindLabel(Diagnostic.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
