package dev.secreview.core.engine;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file whose analysis runs out of time, that is larger than a file may be, or that is over a front end's own budget,
 * is reported as too large; the other files and the tree phase go on.
 */
class FileTimeoutTest {

    private static final RuleMetadata RULE = new RuleMetadata("py-marker", 78, Severity.HIGH,
            Confidence.HIGH, "a line that says so", "remove it", List.of());

    @TempDir
    Path dir;

    @Test
    void aFileOverItsTimeIsReportedTooLargeAndTheRestIsReviewed() throws IOException {
        Files.writeString(dir.resolve("huge.py"), "SLOW\n");
        Files.writeString(dir.resolve("small.py"), "y = 2\n");
        CountingFrontEnd frontEnd = new CountingFrontEnd(RULE);
        ScanRequest request = ScanRequest.of(List.of(dir)).timingOutAfter(Duration.ofNanos(1));

        ScanResult result = new Scanner(List.of(frontEnd)).scan(request, ScanListener.NONE);

        FileReport huge = report(result, "huge.py");
        assertEquals(List.of(Diagnostic.Kind.TOO_LARGE), huge.diagnostics().stream().map(Diagnostic::kind).toList());
        assertEquals("too large to analyse in the 0 s a file may take (--file-timeout)", huge.diagnostics().get(0).message());
        assertTrue(report(result, "small.py").diagnostics().isEmpty(), "the other file is reviewed");
        assertEquals(Set.of(dir.resolve("small.py").toString()), frontEnd.reviewedInTree, "only the finished file goes to the tree phase");
        assertEquals(1, result.notReviewed());
    }

    @Test
    void withoutALimitEveryFileIsReviewed() throws IOException {
        Files.writeString(dir.resolve("huge.py"), "SLOW\n");
        ScanRequest request = ScanRequest.of(List.of(dir)).timingOutAfter(Duration.ZERO);

        ScanResult result = new Scanner(List.of(new CountingFrontEnd(RULE))).scan(request, ScanListener.NONE);

        assertTrue(report(result, "huge.py").diagnostics().isEmpty());
    }

    @Test
    void aFileOverTheSizeLimitIsNotReadAndTheRestIsReviewed() throws IOException {
        Files.writeString(dir.resolve("generated.py"), "x = [" + "1, ".repeat(100) + "]\n");
        Files.writeString(dir.resolve("small.py"), "y = 2\n");
        CountingFrontEnd frontEnd = new CountingFrontEnd(RULE);
        ScanRequest request = ScanRequest.of(List.of(dir)).limitedTo(100);

        ScanResult result = new Scanner(List.of(frontEnd)).scan(request, ScanListener.NONE);

        FileReport generated = report(result, "generated.py");
        assertEquals(List.of(Diagnostic.Kind.TOO_LARGE), generated.diagnostics().stream().map(Diagnostic::kind).toList());
        assertEquals("file is 307 bytes, over the limit of 100 (--max-file-size)", generated.diagnostics().get(0).message());
        assertEquals(Set.of(dir.resolve("small.py").toString()), frontEnd.reviewedInTree, "only the small file is reviewed");
        assertEquals(1, result.notReviewed());
    }

    @Test
    void aFileOverTheFrontEndsBudgetIsReportedTooLargeWithItsReasonAndTheRestIsReviewed() throws IOException {
        Files.writeString(dir.resolve("table.py"), "HUGE\n");
        Files.writeString(dir.resolve("small.py"), "DEFECT\n");
        CountingFrontEnd frontEnd = new CountingFrontEnd(RULE);

        ScanResult result = new Scanner(List.of(frontEnd)).scan(ScanRequest.of(List.of(dir)), ScanListener.NONE);

        FileReport table = report(result, "table.py");
        assertEquals(List.of(Diagnostic.Kind.TOO_LARGE), table.diagnostics().stream().map(Diagnostic::kind).toList());
        assertEquals("over the front end's budget", table.diagnostics().get(0).message());
        assertEquals(List.of("py-marker"), report(result, "small.py").findings().stream().map(f -> f.rule().id()).toList());
        assertEquals(Set.of(dir.resolve("small.py").toString()), frontEnd.reviewedInTree, "only the small file is reviewed");
        assertEquals(1, result.notReviewed());
    }

    private FileReport report(ScanResult result, String name) {
        return result.files().stream().filter(f -> f.path().endsWith(name)).findFirst().orElseThrow();
    }
}
