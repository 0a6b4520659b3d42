package dev.secreview.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.TextRange;

import java.io.IOException;
import java.io.Writer;

/**
 * The review as the body of GitHub's "create a review for a pull request"
 * ({@code POST /repos/{owner}/{repo}/pulls/{number}/reviews}): the summary as {@code body}, and each defect
 * as a comment on the new side of its lines ({@code start_line} to {@code line} when it spans several) with,
 * where its rule has a mechanical fix, a {@code suggestion} block a reviewer commits with one click.
 * The event is always {@code COMMENT}: whether findings block the merge is for the exit status and branch
 * protection to decide; a bot's {@code REQUEST_CHANGES} would hold the pull request until someone dismissed it,
 * fixed or not.
 */
public final class GithubReviewWriter implements ReportWriter {

    private final CweCatalog catalog;

    public GithubReviewWriter(CweCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void write(ReviewReport report, Writer out) throws IOException {
        ReportModel model = new ReportModel(report, catalog);
        FindingMarkdown markdown = new FindingMarkdown(model);
        StringBuilder elsewhere = new StringBuilder();
        ObjectNode root = JsonOutput.object().put("event", "COMMENT").put("body", "");
        ArrayNode comments = root.putArray("comments");
        for (ReportModel.FileView view : model.files) {
            for (Finding f : view.defects()) {
                if (!report.changedLines().touches(model.repositoryPath(f.path()), f.range().startLine(), f.range().endLine())) {
                    // GitHub refuses the whole review if one comment lies outside the diff: these go in its body.
                    elsewhere.append("- ").append(MarkdownText.code(model.repositoryPath(f.path()) + ":" + f.line()))
                            .append(' ').append(MarkdownText.inline(model.cwe(f.rule().cwe()).label()))
                            .append(": ").append(MarkdownText.inline(f.message())).append('\n');
                    continue;
                }
                ObjectNode comment = comments.addObject().put("path", model.repositoryPath(f.path()));
                TextRange range = f.range();
                if (range.endLine() > range.startLine()) {
                    comment.put("start_line", range.startLine()).put("start_side", "RIGHT");
                }
                comment.put("line", range.endLine()).put("side", "RIGHT");
                StringBuilder body = new StringBuilder(markdown.comment(f));
                SuggestedFix.of(f, view.file().excerpt()).ifPresent(fix -> {
                    String lines = String.join("\n", fix.fixedLines());
                    String fence = MarkdownText.fence(lines);
                    body.append("\n\n**Mechanical fix:** ").append(fix.description()).append("\n\n")
                            .append(fence).append("suggestion\n").append(lines).append('\n').append(fence);
                });
                comment.put("body", body.toString());
            }
        }
        String body = MarkdownSummary.of(model).stripTrailing();
        if (!elsewhere.isEmpty()) {
            body += "\n\n**Outside the lines this change touches** (the change makes these reachable):\n" + elsewhere;
        }
        root.put("body", body.stripTrailing());
        JsonOutput.write(root, out);
    }
}
