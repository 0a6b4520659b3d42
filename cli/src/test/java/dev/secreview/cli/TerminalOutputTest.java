package dev.secreview.cli;

import dev.secreview.report.TextStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.secreview.cli.CliRun.SHELL_BUILT;
import static dev.secreview.cli.CliRun.scan;
import static dev.secreview.cli.CliRun.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a terminal gets and what a file or a pipe gets: colour, width, progress. */
class TerminalOutputTest {

    @TempDir
    Path dir;

    @Test
    void aTerminalIsAPseudoTerminalOrATtyDeviceNotAFileOrAPipe() throws IOException {
        assertTrue(Terminal.isTerminalDevice(Files.createSymbolicLink(dir.resolve("1"), Path.of("/dev/pts/3"))));
        assertTrue(Terminal.isTerminalDevice(Files.createSymbolicLink(dir.resolve("2"), Path.of("/dev/tty1"))));
        assertFalse(Terminal.isTerminalDevice(Files.createSymbolicLink(dir.resolve("3"), Path.of("/tmp/review.txt"))));
        assertFalse(Terminal.isTerminalDevice(Files.createSymbolicLink(dir.resolve("4"), Path.of("pipe:[81236]"))));
        assertFalse(Terminal.isTerminalDevice(Files.writeString(dir.resolve("not-a-link"), "")));
    }

    @Test
    void onATerminalTheReviewIsInColourAndWrappedToItsWidth() {
        assertEquals(new TextStyle(true, 100), options("auto", null).textStyle(true, Map.of()));
        assertEquals(new TextStyle(true, 132), options("auto", null).textStyle(true, Map.of("COLUMNS", "132")));
        assertEquals(new TextStyle(true, 100), options("auto", null).textStyle(true, Map.of("COLUMNS", "wide")));
    }

    @Test
    void aFileOrAPipeGetsPlainTextWhateverTheEnvironmentSays() {
        assertEquals(TextStyle.PLAIN, options("auto", null).textStyle(false, Map.of("COLUMNS", "80")));
        assertEquals(TextStyle.PLAIN, options("auto", Path.of("review.txt")).textStyle(true, Map.of()));
    }

    @Test
    void noColorAndADumbTerminalTurnTheAutomaticColourOffNotTheWidth() {
        assertEquals(new TextStyle(false, 100), options("auto", null).textStyle(true, Map.of("NO_COLOR", "1")));
        assertEquals(new TextStyle(false, 100), options("auto", null).textStyle(true, Map.of("TERM", "dumb")));
        assertEquals(new TextStyle(true, 100), options("auto", null).textStyle(true, Map.of("NO_COLOR", "")));
    }

    @Test
    void alwaysAndNeverOverrideEverything() {
        assertEquals(new TextStyle(true, 0), options("always", null).textStyle(false, Map.of("NO_COLOR", "1")));
        assertEquals(new TextStyle(false, 100), options("never", null).textStyle(true, Map.of()));
    }

    @Test
    void theCommandLineChoosesTheColour() throws IOException {
        Path file = write(dir.resolve("app.py"), SHELL_BUILT);

        String always = scan("--color", "always", file).assertNoStackTrace().out();
        String auto = scan(file).assertNoStackTrace().out();

        assertTrue(always.contains("\u001b[1;33m1. CWE-78: "), always);
        assertFalse(auto.contains("\u001b"), "the tests' standard output is no terminal:\n" + auto);
        assertEquals(auto, always.replaceAll("\u001b\\[[0-9;]*m", ""));
        assertEquals(ExitCode.USAGE_OR_IO_ERROR, scan("--color", "sometimes", file).exitCode());
    }

    @Test
    void progressEndsItsCounterThenAnnouncesTheWholeTreePhase() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err));

        progress.started(2);
        progress.fileDone(null);
        progress.fileDone(null);
        progress.treeReviewStarted(2);

        assertTrue(err.toString().endsWith("Reviewed 2/2 files\nAnalysing dataflow across 2 files...\n"), err.toString());
    }

    private static OutputOptions options(String color, Path output) {
        OutputOptions options = new OutputOptions();
        options.color = OutputOptions.ColorChoice.valueOf(color);
        options.output = output;
        return options;
    }
}
