package dev.secreview.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.secreview.report.Fixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pull-request review, read back as GitHub's API would read it. */
class GithubReviewWriterTest {

    @Test
    void aCommentReviewWhoseBodyIsTheSummary() throws Exception {
        JsonNode review = github(Fixtures.fixableReport());

        assertEquals("COMMENT", review.get("event").asText());
        assertEquals(MarkdownSummary.of(new ReportModel(Fixtures.fixableReport(),
                dev.secreview.core.cwe.CweCatalog.embedded())).stripTrailing(), review.get("body").asText());
        assertEquals(List.of("event", "body", "comments"), fieldNames(review));
    }

    @Test
    void aDefectOverSeveralLinesIsAMultiLineCommentOnTheNewSide() throws Exception {
        JsonNode comment = github(Fixtures.fixableReport()).get("comments").get(0);

        assertEquals("app/fetch.py", comment.get("path").asText());
        assertEquals(5, comment.get("start_line").asInt());
        assertEquals("RIGHT", comment.get("start_side").asText());
        assertEquals(7, comment.get("line").asInt());
        assertEquals("RIGHT", comment.get("side").asText());
    }

    @Test
    void aMechanicalFixIsASuggestionOfTheCommentedLinesAsTheyShouldRead() throws Exception {
        String body = github(Fixtures.fixableReport()).get("comments").get(0).get("body").asText();

        assertTrue(body.startsWith("**CWE-295: Improper Certificate Validation**\n\n**high** severity"), body);
        assertTrue(body.endsWith("**Fix:** Leave verification on.\n\n"
                + "**Mechanical fix:** Replace `verify=False` with `verify=True`\n\n"
                + "```suggestion\n"
                + "    reply = requests.get(url,\n"
                + "                         headers={\"Accept\": \"text/plain\"},\n"
                + "                         verify=True, timeout=5)\n"
                + "```"), body);
    }

    @Test
    void aDefectWithoutAMechanicalFixIsASingleLineCommentWithoutSuggestion() throws Exception {
        JsonNode comment = github(Fixtures.fixableReport()).get("comments").get(1);

        assertEquals(List.of("path", "line", "side", "body"), fieldNames(comment));
        assertEquals(8, comment.get("line").asInt());
        assertFalse(comment.get("body").asText().contains("suggestion"), comment.toString());
    }

    @Test
    void inAChangeADefectOutsideTheChangedLinesIsListedInTheBodyNotCommented() throws Exception {
        ReviewReport whole = Fixtures.fixableReport();
        // The change touched the lines of the first defect (5-7) only.
        ReviewReport change = new ReviewReport(whole.scan(), whole.rules(), whole.minSeverity(), whole.minConfidence(),
                whole.toolVersion(), whole.base(), whole.projectUrl(),
                (path, first, last) -> path.equals("app/fetch.py") && first <= 7 && last >= 5);

        JsonNode review = github(change);

        assertEquals(1, review.get("comments").size(), review.toString());
        assertEquals(7, review.get("comments").get(0).get("line").asInt());
        String body = review.get("body").asText();
        assertTrue(body.contains("\n\n**Outside the lines this change touches** (the change makes these reachable):\n"
                + "- `app/fetch.py:8` CWE-"), body);
    }

    @Test
    void aCleanReviewIsTheSentenceWithoutComments() throws Exception {
        ScanResult scan = new ScanResult(List.of(new FileReport("a.py", "python", 3, List.of(), List.of())),
                List.of(), Duration.ZERO);
        JsonNode review = github(new ReviewReport(scan, Fixtures.RULES, Severity.LOW, Confidence.LOW, "0.1.0"));

        assertEquals("No security defects are detected in the code.", review.get("body").asText());
        assertEquals(0, review.get("comments").size());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode github(ReviewReport report) throws Exception {
        return JsonMapper.builder().build().readTree(render(ReportFormat.GITHUB, report));
    }
}
