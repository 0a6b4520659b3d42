package dev.secreview.report;

import static dev.secreview.report.Fixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.SkippedPath;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextReportWriterTest {

    private static final String SENTENCE = "No security defects are detected in the code.";

    @Test
    void matchesTheGoldenSnapshot() throws IOException {
        String expected;
        try (InputStream in = getClass().getResourceAsStream("golden-review.txt")) {
            // A checkout with autocrlf may add CRs to the resource; the output itself is checked for them elsewhere.
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
        assertEquals(expected, render(ReportFormat.TEXT, Fixtures.report()));
    }

    @Test
    void cleanFileGetsTheExactSentence() {
        String text = render(ReportFormat.TEXT, Fixtures.report());
        assertEquals(SENTENCE, TextReportWriter.NO_DEFECTS);
        assertTrue(text.contains("\napp/util.py: " + SENTENCE + "\n"), text);
        assertTrue(text.contains("\napp/broken.py: " + SENTENCE + " (reviewed where it parses)\n"), text);
        // The unreadable file was not reviewed, so it must not be called clean.
        assertFalse(text.contains("data/blob.py: " + SENTENCE), text);
    }

    @Test
    void defectShowsCweNamePillarPlaceCodeAndFix() {
        String text = render(ReportFormat.TEXT, Fixtures.report());
        assertTrue(text.contains("2. CWE-502: Deserialization of Untrusted Data\n"
                + "   Pillar: CWE-664 Improper Control of a Resource Through its Lifetime\n"
                + "   Location: app/views.py:20:12\n"
                + "   Severity: high | Confidence: high | Rule: py-pickle-load\n"
                + "   Code:\n"
                + "     17 |     # the client sends its saved session\n"
                + "     18 |     data = request.data\n"
                + "     19 |\n"
                + "   > 20 |     return pickle.loads(request.data)\n"
                + "     21 |\n"
                + "     22 |\n"
                + "     23 |\n"
                + "   Why: `request.data` comes from the client and is unpickled.\n"
                + "   Fix: Use json for data from outside the process.\n"), text);
        assertTrue(text.contains("CWE-78: Improper Neutralization of Special Elements used in an OS Command"
                + " ('OS Command Injection')\n   Pillar: CWE-707 Improper Neutralization\n"), text);
    }

    @Test
    void withoutTheCodeInTheReportTheFindingsLineStandsAlone() {
        // The dataflow fixture carries no excerpt, as a report made without the files' text.
        String text = render(ReportFormat.TEXT, Fixtures.flowReport());
        assertTrue(text.contains("   Severity: high | Confidence: high | Rule: py-subprocess-shell\n"
                + "   Code: subprocess.run(cmd, shell=True)\n"
                + "   Why: "), text);
    }

    @Test
    void dataflowFindingShowsItsPathStepByStepBetweenWhyAndFix() {
        String text = render(ReportFormat.TEXT, Fixtures.flowReport());
        assertTrue(text.contains("   Why: `cmd` carries `host` from the request into a shell.\n"
                + "   Path: 1. app/views.py:12  `host` from `request.args`\n"
                + "         2. app/views.py:13  concatenated into `cmd`\n"
                + "         3. app/runner.py:5  passed to `subprocess.run(shell=True)`\n"
                + "   Fix: Pass the command as a list of arguments without shell=True.\n"), text);
        assertFalse(render(ReportFormat.TEXT, Fixtures.report()).contains("Path:"), "a pattern finding has no path");
    }

    @Test
    void oneDefectAtSeveralPlacesListsTheOthersBetweenWhyAndFix() {
        String text = render(ReportFormat.TEXT, Fixtures.relatedReport());
        assertTrue(text.contains("   Why: `etree.fromstring` parses `data` with lxml's default parser.\n"
                + "   Also: 1. app/client.py:9  also parses with lxml's default parser\n"
                + "         2. app/client.py:14  also parses with lxml's default parser\n"
                + "   Fix: Parse with resolve_entities=False.\n"), text);
        assertFalse(render(ReportFormat.TEXT, Fixtures.report()).contains("Also:"), "no related places, no list");
    }

    @Test
    void suppressedAndBelowThresholdFindingsAreCountedNotListed() {
        String text = render(ReportFormat.TEXT, Fixtures.report());
        assertFalse(text.contains("hashlib.md5"), "suppressed finding listed");
        assertFalse(text.contains("os.system"), "below-threshold finding listed");
        assertTrue(text.contains("Not listed: 1 suppressed, 1 below threshold\n"), text);
        assertTrue(text.contains("Suppressed findings: 1\nBelow threshold: 1\n"), text);
        assertTrue(text.contains("Security defects: 2 (high 2, medium 0, low 0)\n"), text);
        assertTrue(text.contains("Diagnostics: not found 1, undecodable 1, parse error 1\n"), text);
    }

    @Test
    void scanWithoutDefectsSaysTheSentenceOnceWithTheFileCount() {
        ScanResult scan = new ScanResult(List.of(
                new FileReport("a.py", "python", 3, List.of(), List.of()),
                new FileReport("b.py", "python", 4, List.of(), List.of()),
                new FileReport("c.py", "python", 5, List.of(), List.of(
                        new Diagnostic(Diagnostic.Kind.ANALYSIS_ERROR, "c.py", 0, "analysis failed")))),
                List.of(), Duration.ZERO);
        String text = render(ReportFormat.TEXT,
                new ReviewReport(scan, Fixtures.RULES, Severity.LOW, Confidence.LOW, "0.1.0"));
        assertEquals(1, occurrences(text, SENTENCE), text);
        // c.py failed to analyse: it is reviewed-but-unproven, so only two files count as clean.
        assertTrue(text.contains("\n" + SENTENCE + " (2 files reviewed)\n"), text);
        assertTrue(text.contains("analysis error: c.py: analysis failed\n"), text);
    }

    @Test
    void skippedFilesAreCountedByReasonInTheSummary() {
        ScanResult scan = new ScanResult(List.of(new FileReport("a.py", "python", 3, List.of(), List.of())), List.of(),
                Set.of(), List.of(new SkippedPath("venv", "virtualenv", 120), new SkippedPath("build", "git-ignored", 7)),
                Duration.ZERO);
        String text = render(ReportFormat.TEXT,
                new ReviewReport(scan, Fixtures.RULES, Severity.LOW, Confidence.LOW, "0.1.0"));
        assertTrue(text.contains("Files reviewed: 1\nSkipped files: 127 (git-ignored 7, virtualenv 120)\n"), text);
    }

    @Test
    void emptyScanDoesNotClaimCleanCode() {
        ScanResult scan = new ScanResult(List.of(), Fixtures.pathProblems(), Duration.ZERO);
        String text = render(ReportFormat.TEXT,
                new ReviewReport(scan, Fixtures.RULES, Severity.LOW, Confidence.LOW, "0.1.0"));
        assertFalse(text.contains(SENTENCE), text);
        assertTrue(text.contains("No files were found to review.\n"), text);
        assertTrue(text.contains("not found: missing/dir: no such file or directory\n"), text);
        assertTrue(text.contains("Files reviewed: 0 (1 not reviewed)\n"), "a missing path is not reviewed:\n" + text);
    }

    @Test
    void plainTextWithUnixLineEnds() {
        String text = render(ReportFormat.TEXT, Fixtures.report());
        assertFalse(text.contains("\u001b"), "ANSI escape in text output");
        assertFalse(text.contains("\r"), "CR in text output");
        assertTrue(text.endsWith("\n"));
        assertEquals(text, render(ReportFormat.TEXT, Fixtures.reversed()));
    }

    private static int occurrences(String text, String sentence) {
        Matcher m = Pattern.compile(Pattern.quote(sentence)).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
