package dev.secreview.report;

import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reviewed code, its file names and the messages quoting them never act on the reader's terminal. */
class ControlCharactersTest {

    /** Sets the terminal's title. */
    static final String RETITLE = "\u001b]0;pwned\u0007";
    /** Clears the screen. */
    static final String CLEAR = "\u001b[2J";
    /** A file name that forges a line of its own. */
    static final String FORGED_PATH = "app/evil\nunreadable: app/fake.py\r.py";

    @Test
    void controlCharactersAreShownAsTheirEscapes() {
        assertEquals("\\x1b]0;pwned\\x07", ControlCharacters.escape(RETITLE));
        assertEquals("\\x1b[2J", ControlCharacters.escape(CLEAR));
        assertEquals("app/evil\\nunreadable: app/fake.py\\r.py", ControlCharacters.escape(FORGED_PATH));
        assertEquals("\\x9b31m \\x7f \\u202eexe.txt", ControlCharacters.escape("\u009b31m \u007f \u202eexe.txt"));
    }

    @Test
    void ordinaryTextIsLeftAsItIs() {
        String text = "if x:\tprint('ünïcode – fine', r'\\x1b')";
        assertEquals(text, ControlCharacters.escape(text));
    }

    @Test
    void theTextReviewEscapesThemInCodePathsMessagesAndDiagnostics() {
        String text = Fixtures.render(ReportFormat.TEXT, hostileReview());

        assertFalse(text.contains("\u001b"), text);
        assertFalse(text.contains("\u0007"), text);
        assertFalse(text.contains("\r"), text);
        assertTrue(text.contains("Location: app/evil\\nunreadable: app/fake.py\\r.py:2:5\n"), text);
        assertTrue(text.contains("Why: `title` is \\x1b]0;pwned\\x07 and runs through a shell.\n"), text);
        assertTrue(text.contains("   > 2 |     subprocess.run(\"echo \\x1b]0;pwned\\x07\", shell=True)  # \\x1b[2J\n"), text);
        assertTrue(text.contains("parse error: app/evil\\nunreadable: app/fake.py\\r.py:3: unexpected \\x1b[2J\n"), text);
        assertFalse(text.contains("\nunreadable: app/fake.py"), "a file name forged a line:\n" + text);
    }

    /** One finding in a file whose name, code and message carry the probes. */
    static ReviewReport hostileReview() {
        String code = "import subprocess\n    subprocess.run(\"echo " + RETITLE + "\", shell=True)  # " + CLEAR + "\n";
        SourceFile source = new SourceFile(Path.of("evil.py"), FORGED_PATH, code);
        Finding finding = new Finding(Fixtures.SHELL, FORGED_PATH, new dev.secreview.core.model.TextRange(2, 5, 2, 50),
                source.line(2), "`title` is " + RETITLE + " and runs through a shell.", Fixtures.SHELL.fix(),
                Severity.HIGH, Confidence.HIGH, null);
        FileReport file = new FileReport(FORGED_PATH, "python", 2, List.of(finding),
                List.of(new Diagnostic(Diagnostic.Kind.PARSE_ERROR, FORGED_PATH, 3, "unexpected " + CLEAR)))
                .withExcerptFrom(source);
        return new ReviewReport(new ScanResult(List.of(file), List.of(), Duration.ZERO), Fixtures.RULES,
                Severity.LOW, Confidence.LOW, "0.1.0");
    }
}
