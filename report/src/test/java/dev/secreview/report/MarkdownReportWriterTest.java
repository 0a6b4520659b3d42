package dev.secreview.report;

import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.model.TextRange;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.secreview.report.Fixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownReportWriterTest {

    @Test
    void opensWithATableOfTheDefectsByPillarAndSeverity() {
        String markdown = render(ReportFormat.MARKDOWN, Fixtures.report());

        assertTrue(markdown.startsWith("### secreview: 2 security defects\n\n"
                + "| Pillar | High | Medium | Low | All |\n"
                + "| --- | ---: | ---: | ---: | ---: |\n"
                + "| CWE-664 Improper Control of a Resource Through its Lifetime | 1 | 0 | 0 | 1 |\n"
                + "| CWE-707 Improper Neutralization | 1 | 0 | 0 | 1 |\n"
                + "| **All** | 2 | 0 | 0 | 2 |\n\n"
                + "3 files reviewed (58 lines) · severity low and above, confidence medium and above · 1 suppressed"
                + " · 1 below threshold · secreview 0.1.0, CWE 4.15\n\n"
                + "**Diagnostics:**\n"
                + "- parse error: app/broken.py:3: syntax error: unexpected `)`\n"
                + "- undecodable: data/blob.py: not valid UTF-8 text\n"
                + "- not found: missing/dir: no such file or directory\n"), markdown);
    }

    @Test
    void eachDefectIsASectionWithItsCodeWhyAndFix() {
        String markdown = render(ReportFormat.MARKDOWN, Fixtures.report());

        assertTrue(markdown.contains("\n#### 2. CWE-502: Deserialization of Untrusted Data\n\n"
                + "`app/views.py:20` · **high** severity · high confidence · rule "
                + "[`py-pickle-load`](https://cwe.mitre.org/data/definitions/502.html)"
                + " · pillar CWE-664 Improper Control of a Resource Through its Lifetime\n\n"
                + "```\n"
                + "  17 |     # the client sends its saved session\n"
                + "  18 |     data = request.data\n"
                + "  19 |\n"
                + "> 20 |     return pickle.loads(request.data)\n"
                + "  21 |\n"
                + "  22 |\n"
                + "  23 |\n"
                + "```\n\n"
                + "**Why:** `request.data` comes from the client and is unpickled.\n\n"
                + "**Fix:** Use json for data from outside the process.\n"), markdown);
        assertTrue(markdown.endsWith("**Fix:** Use json for data from outside the process.\n"), markdown);
        assertFalse(markdown.contains("hashlib.md5"), "a suppressed finding is counted, not listed");
    }

    @Test
    void aDataflowDefectListsItsPathStepByStep() {
        String markdown = render(ReportFormat.MARKDOWN, Fixtures.flowReport());

        assertTrue(markdown.contains("**Why:** `cmd` carries `host` from the request into a shell.\n\n"
                + "**Path:**\n"
                + "1. `app/views.py:12` `host` from `request.args`\n"
                + "2. `app/views.py:13` concatenated into `cmd`\n"
                + "3. `app/runner.py:5` passed to `subprocess.run(shell=True)`\n\n"
                + "**Fix:** "), markdown);
    }

    @Test
    void aCleanReviewIsExactlyTheSentence() {
        ScanResult scan = new ScanResult(List.of(new FileReport("a.py", "python", 3, List.of(), List.of())),
                List.of(), Duration.ZERO);

        assertEquals("No security defects are detected in the code.\n", render(ReportFormat.MARKDOWN,
                new ReviewReport(scan, Fixtures.RULES, Severity.LOW, Confidence.LOW, "0.1.0")));
    }

    @Test
    void rulesLinkToTheirPageWhereTheProjectIsPublished() {
        ReviewReport report = Fixtures.report();
        String markdown = render(ReportFormat.MARKDOWN, new ReviewReport(report.scan(), report.rules(),
                report.minSeverity(), report.minConfidence(), report.toolVersion(), null,
                "https://git.example.org/secreview/src/branch/main"));

        assertTrue(markdown.contains("rule [`py-pickle-load`](https://git.example.org/secreview/src/branch/main/"
                + "docs/rules/py-pickle-load.md)"), markdown);
    }

    @Test
    void messagesCannotBreakTheLayoutAndCodeCannotCloseItsFence() {
        String code = "x = 1\nrun(\"```\", shell=True)  # <b>bold</b>\n";
        SourceFile source = new SourceFile(Path.of("a.py"), "a.py", code);
        Finding finding = new Finding(Fixtures.SHELL, "a.py", new TextRange(2, 1, 2, 24), source.line(2),
                "`run` gets <script>alert(1)</script> | *all* [of](it) ~~here~~ & `more`", Fixtures.SHELL.fix(),
                Severity.HIGH, Confidence.HIGH, null);
        FileReport file = new FileReport("a.py", "python", 2, List.of(finding), List.of()).withExcerptFrom(source);
        String markdown = render(ReportFormat.MARKDOWN, new ReviewReport(new ScanResult(List.of(file), List.of(),
                Duration.ZERO), Fixtures.RULES, Severity.LOW, Confidence.LOW, "0.1.0"));

        assertTrue(markdown.contains("**Why:** `run` gets \\<script\\>alert(1)\\</script\\> \\| \\*all\\* \\[of\\](it)"
                + " \\~\\~here\\~\\~ \\& `more`\n"), markdown);
        assertTrue(markdown.contains("\n````\n  1 | x = 1\n> 2 | run(\"```\", shell=True)  # <b>bold</b>\n````\n"),
                markdown);
    }

    @Test
    void controlCharactersAreEscapedHereToo() {
        String markdown = render(ReportFormat.MARKDOWN, ControlCharactersTest.hostileReview());

        assertFalse(markdown.contains("\u001b"), markdown);
        assertFalse(markdown.contains("\u0007"), markdown);
        assertFalse(markdown.contains("\r"), markdown);
        assertTrue(markdown.contains("`app/evil\\nunreadable: app/fake.py\\r.py:2`"), markdown);
        assertTrue(markdown.contains("> 2 |     subprocess.run(\"echo \\x1b]0;pwned\\x07\", shell=True)  # \\x1b[2J\n"),
                markdown);
    }

    @Test
    void theSameReviewGivesTheSameBytesWhateverTheInputOrder() {
        assertEquals(render(ReportFormat.MARKDOWN, Fixtures.report()), render(ReportFormat.MARKDOWN, Fixtures.reversed()));
    }
}
