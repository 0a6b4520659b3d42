package dev.secreview.report;

import dev.secreview.core.model.Finding;
import dev.secreview.core.model.FlowStep;
import dev.secreview.core.model.SecuritySeverity;
import dev.secreview.core.model.SourceExcerpt;
import dev.secreview.core.model.TextRange;
import dev.secreview.report.html.Html;

import java.util.List;

/**
 * One defect as an {@code <article>} of the HTML review: severity, CWE and place; pillar, confidence and
 * score; its code with the lines around it, its own lines highlighted and its exact range marked; why;
 * the dataflow path and the other places it shows; the fix; its rule with the rule's summary.
 */
final class HtmlFinding {

    private final Finding finding;
    private final SourceExcerpt excerpt;
    private final ReportModel model;

    HtmlFinding(Finding finding, SourceExcerpt excerpt, ReportModel model) {
        this.finding = finding;
        this.excerpt = excerpt;
        this.model = model;
    }

    void write(String id, StringBuilder html) {
        ReportModel.Cwe cwe = model.cwe(finding.cwe());
        String severity = finding.severity().label();
        TextRange range = finding.range();
        html.append("<article class=\"finding sev-").append(severity).append("\" id=\"").append(id)
                .append("\" aria-labelledby=\"").append(id).append("-title\">\n<div class=\"finding-head\">")
                .append("<span class=\"badge\">").append(severity).append("</span><h4 id=\"").append(id)
                .append("-title\">").append(Html.text(cwe.label())).append("</h4><a class=\"location\" href=\"#")
                .append(id).append("\">").append(Html.text(finding.path())).append(':').append(range.startLine())
                .append(':').append(range.startColumn()).append("</a></div>\n");
        html.append("<p class=\"facts\">Pillar: ")
                .append(cwe.pillar() == null ? "none (not under a CWE-1000 pillar)" : Html.text(cwe.pillar().title()))
                .append(" · Confidence: ").append(finding.confidence().label())
                .append(" · Severity score: ").append(SecuritySeverity.label(SecuritySeverity.of(finding)))
                .append("</p>\n");
        code(html);
        html.append("<dl class=\"details\">\n<dt>Why</dt><dd>").append(Html.prose(finding.message())).append("</dd>\n");
        places("Path", finding.flow(), html);
        places("Also at", finding.related(), html);
        html.append("<dt>Fix</dt><dd>").append(Html.prose(finding.fix())).append("</dd>\n");
        html.append("<dt>Rule</dt><dd><code>").append(Html.text(finding.rule().id())).append("</code>");
        if (!finding.rule().altNames().isEmpty()) {
            html.append(" (").append(Html.text(String.join(", ", finding.rule().altNames()))).append(')');
        }
        html.append(": ").append(Html.prose(finding.rule().summary())).append("</dd>\n</dl>\n</article>\n");
    }

    /**
     * The numbered lines around the finding, its own lines highlighted; without kept lines (a review
     * read back from elsewhere), its snippet alone on its first line.
     */
    private void code(StringBuilder html) {
        List<SourceExcerpt.Line> lines = excerpt.around(finding.range());
        if (lines.isEmpty()) {
            if (finding.snippet().isBlank()) return;
            lines = List.of(new SourceExcerpt.Line(finding.line(), finding.snippet()));
        }
        TextRange range = finding.range();
        html.append("<div class=\"code\"><table>\n");
        for (SourceExcerpt.Line line : lines) {
            boolean hit = line.number() >= range.startLine() && line.number() <= range.endLine();
            html.append(hit ? "<tr class=\"hit\">" : "<tr>").append("<td class=\"ln\">").append(line.number())
                    .append("</td><td class=\"src\">");
            if (hit) {
                marked(line, range, html);
            } else {
                html.append(Html.text(line.text()));
            }
            html.append("</td></tr>\n");
        }
        html.append("</table></div>\n");
    }

    /** A line of the finding with the finding's columns in a {@code <mark>}; columns are UTF-16 units, as Java's. */
    private static void marked(SourceExcerpt.Line line, TextRange range, StringBuilder html) {
        String text = line.text();
        int from = line.number() == range.startLine() ? Math.min(range.startColumn() - 1, text.length()) : 0;
        int to = line.number() == range.endLine() ? Math.min(Math.max(range.endColumn() - 1, from), text.length())
                : text.length();
        html.append(Html.text(text.substring(0, from)));
        if (to > from) html.append("<mark>").append(Html.text(text.substring(from, to))).append("</mark>");
        html.append(Html.text(text.substring(to)));
    }

    /** The path from source to sink, or the other places of the same defect: place, note, code. */
    private static void places(String label, List<FlowStep> steps, StringBuilder html) {
        if (steps.isEmpty()) return;
        html.append("<dt>").append(label).append("</dt><dd><ol class=\"places\">\n");
        for (FlowStep step : steps) {
            html.append("<li><span class=\"where\">").append(Html.text(step.path())).append(':').append(step.line())
                    .append("</span>").append(Html.prose(step.note()));
            if (!step.snippet().isBlank()) {
                html.append("<code class=\"snippet\">").append(Html.text(step.snippet().strip())).append("</code>");
            }
            html.append("</li>\n");
        }
        html.append("</ol></dd>\n");
    }
}
