package dev.secreview.report;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.FlowStep;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.SourceExcerpt;
import dev.secreview.report.TextStyle.Paint;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The review as a person reads it: each file with defects and its numbered defects (CWE, pillar,
 * place, severity, rule, the code around it with its lines numbered, why, the path from source to sink
 * for dataflow findings, fix), then every clean file with the no-defect sentence, then diagnostics, then
 * a summary. {@code \n} line ends, no timings. Colour and wrapping come from the {@link TextStyle}; text
 * from the reviewed tree has its control characters escaped ({@link ControlCharacters}).
 */
public final class TextReportWriter implements ReportWriter {

    /** The sentence every clean file gets, word for word. */
    public static final String NO_DEFECTS = "No security defects are detected in the code.";

    private final CweCatalog catalog;
    private final TextStyle style;

    public TextReportWriter(CweCatalog catalog) {
        this(catalog, TextStyle.PLAIN);
    }

    public TextReportWriter(CweCatalog catalog, TextStyle style) {
        this.catalog = catalog;
        this.style = style;
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
            text.append('\n').append(style.paint(clean.isEmpty() ? Paint.BOLD : Paint.GREEN, verdict)).append('\n');
        } else if (!clean.isEmpty()) {
            heading("Files without security defects", text);
            for (ReportModel.FileView view : clean) {
                StringJoiner notes = new StringJoiner("; ", " (", ")").setEmptyValue("");
                if (!view.notListed().isEmpty()) notes.add(view.notListed());
                if (hasParseErrors(view.file())) notes.add("reviewed where it parses");
                prose("", "", safe(view.file().path()) + ": " + NO_DEFECTS + notes, Paint.GREEN, text);
            }
        }

        List<Diagnostic> diagnostics = model.diagnostics();
        if (!diagnostics.isEmpty()) {
            heading("Diagnostics", text);
            for (Diagnostic d : diagnostics) {
                prose("", "  ", ReportModel.kindLabel(d.kind()) + ": " + safe(d.render()), null, text);
            }
        }
        summary(model, text);
        out.write(text.toString());
        out.flush();
    }

    private void defects(ReportModel.FileView view, ReportModel model, StringBuilder text) {
        FileReport file = view.file();
        heading(safe(file.path()) + " (" + safe(file.language()) + ", " + count(file.lines(), "line") + "): "
                + count(view.defects().size(), "security defect"), text);
        int number = 0;
        for (Finding f : view.defects()) {
            if (number > 0) text.append('\n');
            ReportModel.Cwe cwe = model.cwe(f.cwe());
            String first = ++number + ". ";
            String indent = " ".repeat(first.length());
            prose(first, indent, cwe.label(), severityPaint(f.severity()), text);
            labelled(indent, "Pillar: ", cwe.pillar() == null
                    ? "none (not under a CWE-1000 pillar)" : cwe.pillar().title(), text);
            labelled(indent, "Location: ", safe(f.path()) + ':' + f.line() + ':' + f.range().startColumn(), text);
            labelled(indent, "Severity: ", f.severity().label() + " | Confidence: " + f.confidence().label()
                    + " | Rule: " + f.rule().id(), text);
            code(f, file.excerpt(), indent, text);
            labelled(indent, "Why: ", safe(f.message()), text);
            places("Path: ", f.flow(), indent, text);
            places("Also: ", f.related(), indent, text);
            labelled(indent, "Fix: ", safe(f.fix()), text);
        }
        if (!view.notListed().isEmpty()) text.append("\nNot listed: ").append(view.notListed()).append('\n');
    }

    /** The lines around the finding, numbered; the snippet alone when the report carries no code for it. */
    private void code(Finding f, SourceExcerpt excerpt, String indent, StringBuilder text) {
        NumberedCode code = NumberedCode.of(f, excerpt);
        if (code.isEmpty()) {
            if (!f.snippet().isBlank()) labelled(indent, "Code: ", safe(f.snippet().strip()), text);
            return;
        }
        text.append(indent).append("Code:\n");
        for (NumberedCode.Row row : code.rows()) {
            String gutter = indent + code.gutter(row);
            List<String> pieces = style.wrap(row.code(), gutter.length(), false);
            for (int i = 0; i < pieces.size(); i++) {
                String piece = pieces.get(i);
                String prefix = i == 0 ? gutter : indent + code.continuation();
                if (piece.isEmpty()) prefix = prefix.stripTrailing();
                text.append(style.paint(row.flagged() ? Paint.BOLD : Paint.DIM, prefix))
                        .append(row.flagged() ? style.paint(Paint.BOLD, piece) : piece).append('\n');
            }
        }
    }

    /**
     * Numbered places, one a line, the numbers right-aligned so that the places line up: the path from
     * source to sink ({@code Path: 1. app/views.py:12  `name` from `request.args`}) or the other places
     * the same defect shows ({@code Also: 1. app/xml.py:40  parsed with this parser}).
     */
    private void places(String label, List<FlowStep> steps, String indent, StringBuilder text) {
        int width = String.valueOf(steps.size()).length();
        for (int i = 0; i < steps.size(); i++) {
            FlowStep step = steps.get(i);
            String prefix = indent + (i == 0 ? label : " ".repeat(label.length()))
                    + String.format(Locale.ROOT, "%" + width + "d. ", i + 1);
            String place = safe(step.path()) + ':' + step.line()
                    + (step.note().isBlank() ? "" : "  " + safe(step.note()));
            prose(prefix, " ".repeat(prefix.length()), place, null, text);
        }
    }

    /** {@code   Why: text}, wrapped under the text rather than under the label. */
    private void labelled(String indent, String label, String body, StringBuilder text) {
        prose(indent + label, " ".repeat(indent.length() + label.length()), body, null, text);
    }

    /** One line of prose after {@code first}, its continuations (when wrapped) after {@code next}. */
    private void prose(String first, String next, String body, Paint paint, StringBuilder text) {
        List<String> pieces = style.wrap(body, first.length(), true);
        for (int i = 0; i < pieces.size(); i++) {
            String line = (i == 0 ? first : next) + pieces.get(i);
            text.append(paint == null ? line : style.paint(paint, line)).append('\n');
        }
    }

    private void summary(ReportModel model, StringBuilder text) {
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
            if (n > 0) diagnostics.add(ReportModel.kindLabel(kind) + " " + n);
        });
        text.append("Diagnostics: ").append(diagnostics).append('\n');
    }

    private void heading(String title, StringBuilder text) {
        text.append('\n').append(style.paint(Paint.BOLD, title)).append('\n')
                .append(style.paint(Paint.BOLD, "-".repeat(title.length()))).append('\n');
    }

    private static Paint severityPaint(Severity severity) {
        return switch (severity) {
            case HIGH -> Paint.RED;
            case MEDIUM -> Paint.YELLOW;
            case LOW -> Paint.CYAN;
        };
    }

    /** Text that comes from the reviewed tree: code, names, paths and the messages that quote them. */
    private static String safe(String text) {
        return ControlCharacters.escape(text);
    }

    private static boolean hasParseErrors(FileReport file) {
        return file.diagnostics().stream().anyMatch(d -> d.kind() == Diagnostic.Kind.PARSE_ERROR);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
