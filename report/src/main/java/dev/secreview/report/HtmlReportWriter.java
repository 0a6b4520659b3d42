package dev.secreview.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.Finding;
import dev.secreview.report.html.Html;
import dev.secreview.report.html.InlineAsset;
import dev.secreview.report.html.ScriptData;
import dev.secreview.report.html.SeverityBarChart;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The review as one self-contained HTML page that opens offline: the summary and verdict, a chart of
 * the defects by CWE-1000 pillar and severity, then every defect in its code with the lines around it,
 * why, the dataflow path, the fix and its rule; the clean files and the diagnostics last. Its stylesheet
 * and script are inline and named by hash in the page's Content-Security-Policy, which allows nothing
 * else. The script only adds filters (severity, CWE, file); without it the page shows every defect.
 * Everything from the reviewed tree is escaped ({@link Html}); the same review gives the same bytes.
 */
public final class HtmlReportWriter implements ReportWriter {

    private static final InlineAsset STYLE = InlineAsset.load("report.css");
    private static final InlineAsset SCRIPT = InlineAsset.load("report.js");
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src " + STYLE.hashSource()
            + "; script-src " + SCRIPT.hashSource() + "; base-uri 'none'; form-action 'none'";

    private final CweCatalog catalog;

    public HtmlReportWriter(CweCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The Content-Security-Policy source of the page's inline stylesheet: a page that shows this review in an
     * {@code <iframe srcdoc>} must allow it too, since the frame inherits that page's policy.
     */
    public static String inlineStyleSource() {
        return STYLE.hashSource();
    }

    /** The Content-Security-Policy source of the page's inline script (see {@link #inlineStyleSource()}). */
    public static String inlineScriptSource() {
        return SCRIPT.hashSource();
    }

    @Override
    public void write(ReviewReport report, Writer out) throws IOException {
        ReportModel model = new ReportModel(report, catalog);
        List<ReportModel.FileView> withDefects = model.files.stream().filter(f -> !f.defects().isEmpty()).toList();
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY)
                .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"secreview ").append(Html.plain(report.toolVersion()))
                .append("\">\n<title>Security review: ").append(Html.plain(headline(model, withDefects)))
                .append("</title>\n<style>").append(STYLE.content()).append("</style>\n</head>\n<body>\n");
        html.append("<header class=\"page-header\"><div class=\"wrap\">\n<h1>Security review</h1>\n<p>secreview ")
                .append(Html.text(report.toolVersion())).append(" · CWE ").append(Html.text(model.catalogVersion))
                .append(" catalog · shown: severity ").append(report.minSeverity().label())
                .append(" and above, confidence ").append(report.minConfidence().label())
                .append(" and above</p>\n</div></header>\n<main class=\"wrap\">\n");
        summary(model, withDefects, html);
        ObjectNode filterData = filterData(model);
        if (!withDefects.isEmpty()) {
            chart(model, html);
            findings(model, withDefects, html, filterData);
        }
        cleanFiles(model, html);
        diagnostics(model, html);
        html.append("</main>\n<footer class=\"wrap\">Written by secreview ").append(Html.text(report.toolVersion()))
                .append(". This page is self-contained: it loads nothing and sends nothing.</footer>\n");
        html.append("<script type=\"application/json\" id=\"review-data\">").append(ScriptData.of(filterData))
                .append("</script>\n<script>").append(SCRIPT.content()).append("</script>\n</body>\n</html>\n");
        out.write(html.toString());
        out.flush();
    }

    /** {@code 4 security defects in 2 files}, or the verdict of a review without any. */
    private static String headline(ReportModel model, List<ReportModel.FileView> withDefects) {
        if (withDefects.isEmpty()) return model.verdictWithoutDefects();
        return count(model.defects().size(), "security defect") + " in " + count(withDefects.size(), "file");
    }

    private static void summary(ReportModel model, List<ReportModel.FileView> withDefects, StringBuilder html) {
        html.append("<section class=\"block summary\" aria-labelledby=\"summary-title\">\n")
                .append("<h2 id=\"summary-title\">Summary</h2>\n");
        if (withDefects.isEmpty()) {
            html.append("<p class=\"verdict verdict-clean\" id=\"verdict\">")
                    .append(Html.text(model.verdictWithoutDefects())).append("</p>\n");
        } else {
            StringJoiner bySeverity = new StringJoiner(", ", " (", ")");
            model.bySeverity().forEach((severity, n) -> {
                if (n > 0) bySeverity.add(n + " " + severity.label());
            });
            html.append("<p class=\"verdict verdict-defects\" id=\"verdict\">")
                    .append(headline(model, withDefects)).append(bySeverity).append(".</p>\n");
        }
        // Two rows of four: the defects (their total is in the verdict), then what the review covered.
        html.append("<dl class=\"stats\">\n");
        model.bySeverity().forEach((severity, n) -> stat(capitalized(severity.label()), n, "", "sev-" + severity.label(), html));
        stat("Suppressed", model.suppressed(), "", "", html);
        stat("Files reviewed", model.filesReviewed(),
                model.filesNotReviewed() > 0 ? model.filesNotReviewed() + " not reviewed" : "", "", html);
        stat("Lines reviewed", model.lines(), "", "", html);
        stat("Below threshold", model.belowThreshold(), "", "", html);
        stat("Diagnostics", model.diagnostics().size(), "", "", html);
        html.append("</dl>\n</section>\n");
    }

    private static void stat(String label, long value, String note, String kind, StringBuilder html) {
        html.append(kind.isEmpty() ? "<div>" : "<div class=\"" + kind + "\">").append("<dt>").append(label)
                .append("</dt><dd>").append(value);
        if (!note.isEmpty()) html.append("<span class=\"stat-note\">").append(note).append("</span>");
        html.append("</dd></div>\n");
    }

    private static void chart(ReportModel model, StringBuilder html) {
        List<SeverityBarChart.Bar> bars = model.byPillar().stream()
                .map(p -> new SeverityBarChart.Bar(p.pillar() == null ? "No CWE-1000 pillar" : p.pillar().title(),
                        p.bySeverity()))
                .toList();
        html.append("<section class=\"block\" aria-labelledby=\"chart-heading\">\n")
                .append("<h2 id=\"chart-heading\">Security defects by CWE-1000 pillar and severity</h2>\n")
                .append("<div class=\"chart-frame\">")
                .append(SeverityBarChart.svg("Security defects by CWE-1000 pillar and severity", bars))
                .append("</div>\n</section>\n");
    }

    /**
     * Each file with its defects; {@code filterData} gets each file's and each defect's element id in the
     * same pass, so that the filters address exactly the elements shown.
     */
    private static void findings(ReportModel model, List<ReportModel.FileView> withDefects, StringBuilder html,
                                 ObjectNode filterData) {
        html.append("<section class=\"block\" aria-labelledby=\"findings-title\">\n")
                .append("<h2 id=\"findings-title\">Security defects</h2>\n")
                .append("<div class=\"filters\" id=\"filters\" role=\"group\" aria-label=\"Filter the security defects\" hidden></div>\n")
                .append("<p class=\"no-match\" id=\"no-match\" hidden>No security defect matches these filters.</p>\n");
        int number = 0;
        for (int i = 0; i < withDefects.size(); i++) {
            ReportModel.FileView view = withDefects.get(i);
            String id = "file-" + (i + 1);
            html.append("<section class=\"file\" id=\"").append(id).append("\" aria-labelledby=\"").append(id)
                    .append("-title\">\n<h3 id=\"").append(id).append("-title\"><span class=\"path\">")
                    .append(Html.text(view.file().path())).append("</span><span class=\"file-meta\">")
                    .append(Html.text(view.file().language())).append(" · ").append(count(view.file().lines(), "line"))
                    .append(" · ").append(count(view.defects().size(), "security defect")).append("</span></h3>\n");
            if (!view.notListed().isEmpty()) {
                html.append("<p class=\"not-listed\">Not listed: ").append(view.notListed()).append(".</p>\n");
            }
            filterData.withArrayProperty("files").addObject().put("id", id).put("path", view.file().path());
            for (Finding finding : view.defects()) {
                String findingId = "finding-" + ++number;
                new HtmlFinding(finding, view.file().excerpt(), model).write(findingId, html);
                filterData.withArrayProperty("findings").addObject().put("id", findingId)
                        .put("severity", finding.severity().label()).put("cwe", finding.cwe()).put("file", id);
            }
            html.append("</section>\n");
        }
        html.append("</section>\n");
    }

    private static void cleanFiles(ReportModel model, StringBuilder html) {
        List<ReportModel.FileView> clean = model.files.stream().filter(ReportModel.FileView::clean).toList();
        if (clean.isEmpty()) return;
        html.append("<section class=\"block\" aria-labelledby=\"clean-title\">\n<h2 id=\"clean-title\">")
                .append("Files without security defects (").append(clean.size()).append(")</h2>\n")
                .append("<ul class=\"clean-files\">\n");
        for (ReportModel.FileView view : clean) {
            html.append("<li><span class=\"path\">").append(Html.text(view.file().path()))
                    .append("</span>: <span class=\"verdict-text\">").append(TextReportWriter.NO_DEFECTS).append("</span>");
            if (!view.notListed().isEmpty()) html.append(" (").append(view.notListed()).append(")");
            html.append("</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    private static void diagnostics(ReportModel model, StringBuilder html) {
        List<Diagnostic> diagnostics = model.diagnostics();
        if (diagnostics.isEmpty()) return;
        html.append("<section class=\"block\" aria-labelledby=\"diagnostics-title\">\n")
                .append("<h2 id=\"diagnostics-title\">Diagnostics (").append(diagnostics.size()).append(")</h2>\n")
                .append("<ul class=\"diagnostics\">\n");
        for (Diagnostic d : diagnostics) {
            html.append("<li><span class=\"kind\">").append(ReportModel.kindId(d.kind())).append("</span>")
                    .append(Html.text(d.render())).append("</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    /**
     * What the filters need: the severities and the CWEs of the defects; {@link #findings} adds the
     * files and the defects with their element ids.
     */
    private static ObjectNode filterData(ReportModel model) {
        ObjectNode data = JsonOutput.object();
        ArrayNode severities = data.putArray("severities");
        model.bySeverity().keySet().forEach(severity -> severities.add(severity.label()));
        Map<Integer, String> cwes = new TreeMap<>();
        model.defects().forEach(f -> cwes.computeIfAbsent(f.cwe(), id -> model.cwe(id).label()));
        ArrayNode cweArray = data.putArray("cwes");
        cwes.forEach((id, label) -> cweArray.addObject().put("id", id).put("label", label));
        data.putArray("files");
        data.putArray("findings");
        return data;
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
