package dev.secreview.report;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.model.Finding;

import java.io.IOException;
import java.io.Writer;

/**
 * The review as the body of a review comment (GitHub, GitLab, Gerrit all render it): the summary table by
 * pillar and severity ({@link MarkdownSummary}), then one section per defect with its CWE, place, facts, the
 * code around it in a fenced block, why, the dataflow path and the fix. A review without defects is exactly
 * {@value TextReportWriter#NO_DEFECTS}
 */
public final class MarkdownReportWriter implements ReportWriter {

    private final CweCatalog catalog;

    public MarkdownReportWriter(CweCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void write(ReviewReport report, Writer out) throws IOException {
        ReportModel model = new ReportModel(report, catalog);
        FindingMarkdown markdown = new FindingMarkdown(model);
        StringBuilder text = new StringBuilder(MarkdownSummary.of(model));
        int number = 0;
        for (ReportModel.FileView view : model.files) {
            for (Finding f : view.defects()) {
                text.append("\n#### ").append(++number).append(". ").append(markdown.title(f)).append("\n\n");
                text.append(markdown.place(f)).append(" · ").append(markdown.facts(f)).append("\n\n");
                NumberedCode code = NumberedCode.of(f, view.file().excerpt());
                if (!code.isEmpty()) {
                    String fence = MarkdownText.fence(code.text());
                    text.append(fence).append('\n').append(code.text()).append(fence).append("\n\n");
                }
                text.append(markdown.explanation(f)).append('\n');
            }
        }
        out.write(text.toString().stripTrailing() + "\n");
        out.flush();
    }
}
