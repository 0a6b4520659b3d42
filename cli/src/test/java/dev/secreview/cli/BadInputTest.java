package dev.secreview.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static dev.secreview.cli.CliRun.SHELL_BUILT;
import static dev.secreview.cli.CliRun.scan;
import static dev.secreview.cli.CliRun.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Bad input never produces a stack trace: each case gives a one-line message or a normal review,
 * and the files around the bad one are still reviewed.
 */
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- paths

    @Test
    void controlCharactersOfAPathInAnErrorAreShownNotSentToTheTerminal() throws IOException {
        Path good = write(dir.resolve("good.py"), SHELL_BUILT);
        Path missing = dir.resolve("\u001b]0;pwned\u0007\u001b[2Jmissing.py");

        CliRun run = scan(missing, good).assertNoStackTrace();

        assertEquals(1, run.errLines().size(), run::toString);
        String line = run.errLines().get(0);
        assertTrue(line.contains("\\x1b]0;pwned\\x07\\x1b[2Jmissing.py: no such file or directory"), line);
        assertTrue(line.chars().noneMatch(c -> c < 0x20), line);
    }

    @Test
    void missingPathIsOneLineAndExit2ButOtherPathsAreStillReviewed() throws IOException {
        Path good = write(dir.resolve("good.py"), SHELL_BUILT);
        Path missing = dir.resolve("missing.py");

        CliRun run = scan(missing, good).assertNoStackTrace();

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        String line = run.errLines().get(0);
        assertTrue(line.startsWith("secreview: error: "), line);
        assertTrue(line.contains("missing.py"), line);
        assertTrue(line.contains("no such file or directory"), line);
        // The review of the good file still happens and is printed.
        assertTrue(run.out().contains("Rule: py-subprocess-shell"), run::toString);
        assertTrue(run.out().contains(slashes(good) + ":5:5"), run::toString);
        assertTrue(run.out().contains("Files reviewed: 1 (1 not reviewed)\n"), "the missing path counts:\n" + run);
        assertTrue(run.out().contains("not found: " + slashes(missing) + ": no such file or directory\n"), run::toString);
    }

    @Test
    void aNonexistentPathAloneIsOneErrorLineAndNoReport() {
        CliRun run = scan(dir.resolve("nowhere")).assertNoStackTrace();

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertEquals(List.of("secreview: error: " + slashes(dir.resolve("nowhere")) + ": no such file or directory"),
                run.errLines());
        assertEquals("", run.out(), "nothing was reviewed: no report");
    }

    @Test
    void directoryWithoutPythonFilesIsExit0WithAMessage() throws IOException {
        Path docs = dir.resolve("docs");
        write(docs.resolve("README.md"), "# nothing to see\n");
        write(docs.resolve("setup.cfg"), "[metadata]\n");

        CliRun run = scan(docs).assertNoStackTrace();

        assertEquals(ExitCode.CLEAN, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.errLines().get(0).contains("no Python files to review"), run::toString);
        assertTrue(run.errLines().get(0).contains("docs"), run::toString);
        assertTrue(run.out().contains("No files were found to review."), run::toString);
    }

    @Test
    void unreadableFileIsReportedAndTheScanContinues() throws IOException {
        Path good = write(dir.resolve("good.py"), SHELL_BUILT);
        Path locked = write(dir.resolve("locked.py"), SHELL_BUILT);
        lockOrSkip(locked);
        try {
            CliRun run = scan(locked, good).assertNoStackTrace();

            assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
            assertEquals(List.of("secreview: error: " + slashes(locked) + ": cannot read file: permission denied"),
                    run.errLines());
            assertTrue(run.out().contains("unreadable: " + slashes(locked) + ": cannot read file: permission denied"),
                    run::toString);
            assertTrue(run.out().contains(slashes(good) + ":5:5"), run::toString);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Works as root too: a named file that vanishes behind a dangling symbolic link. */
    @Test
    void danglingSymlinkIsReportedAndTheScanContinues() throws IOException {
        Path good = write(dir.resolve("good.py"), SHELL_BUILT);
        Path link = dir.resolve("gone.py");
        try {
            Files.createSymbolicLink(link, dir.resolve("does-not-exist.py"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "cannot create symbolic links here: " + e);
        }

        CliRun run = scan(link, good).assertNoStackTrace();

        // A file named on the command line that cannot be read is an I/O error; the rest is still reviewed.
        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertTrue(run.out().contains("not found: " + slashes(link) + ": no such file or directory"), run::toString);
        assertTrue(run.out().contains(slashes(good) + ":5:5"), run::toString);
    }

    // ---------------------------------------------------------------- contents

    @Test
    void binaryPyFileIsSkippedWithAMessageAndOtherFilesAreStillReviewed() throws IOException {
        Path good = write(dir.resolve("b_good.py"), SHELL_BUILT);
        Path binary = write(dir.resolve("a_binary.py"), new byte[]{'i', 'm', 'p', 0, 1, 2, (byte) 0xff, 0});

        CliRun run = scan(dir).assertNoStackTrace();

        assertEquals(ExitCode.FINDINGS, run.exitCode(), run::toString);
        assertEquals("", run.err(), "a file found in a directory is a diagnostic, not an error");
        assertTrue(run.out().contains("binary: " + slashes(binary) + ": binary file (NUL byte at offset 3)"), run::toString);
        assertTrue(run.out().contains(slashes(good) + ":5:5"), run::toString);
        assertTrue(run.out().contains("Files reviewed: 1 (1 not reviewed)"), run::toString);
        assertTrue(run.out().contains("Diagnostics: binary 1\n"), run::toString);

        JsonNode json = json(scan("--format", "json", dir));
        JsonNode binaryFile = file(json, binary);
        assertFalse(binaryFile.get("reviewed").asBoolean());
        assertEquals("binary", binaryFile.get("diagnostics").get(0).get("kind").asText());
        assertEquals(1, json.at("/summary/diagnostics/binary").asInt());
        assertEquals(1, ruleFindings(file(json, good), "py-subprocess-shell").size());
    }

    @Test
    void latin1WithoutCodingCookieIsSkippedWithTheLineOfTheBadByte() throws IOException {
        Path good = write(dir.resolve("good.py"), SHELL_BUILT);
        Path latin = write(dir.resolve("latin.py"), "# a comment\nname = \"caf\u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1));

        CliRun run = scan(latin, good).assertNoStackTrace();

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertEquals(List.of("secreview: error: " + slashes(latin) + ": not valid UTF-8 text (line 2)"), run.errLines());
        assertTrue(run.out().contains("undecodable: " + slashes(latin) + ": not valid UTF-8 text (line 2)"), run::toString);
        assertTrue(run.out().contains(slashes(good) + ":5:5"), run::toString);
    }

    static Stream<Arguments> cookies() {
        return Stream.of(
                Arguments.of("# -*- coding: latin-1 -*-"),          // PEP 263's own example
                Arguments.of("# -*- coding: iso-8859-1 -*-"),
                Arguments.of("# vim: set fileencoding=cp1252 :"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cookies")
    void latin1WithCodingCookieIsReviewed(String cookie) throws IOException {
        String source = cookie + "\nimport subprocess\n\nGREETING = \"caf\u00e9\"\n\n\ndef run(y):\n"
                + "    subprocess.run(\"x\" + y, shell=True)\n";
        Path latin = write(dir.resolve("latin.py"), source.getBytes(StandardCharsets.ISO_8859_1));

        CliRun run = scan(latin).assertNoStackTrace();

        assertFalse(run.out().contains("unknown source encoding declared"),
                () -> "PEP 263 declaration '" + cookie + "' not understood:\n" + run);
        assertEquals(ExitCode.FINDINGS, run.exitCode(), run::toString);
        assertTrue(run.out().contains(slashes(latin) + ":8:5"), run::toString);
        assertTrue(run.out().contains("Diagnostics: none\n"), run::toString);
    }

    @Test
    void emptyFileIsANormalCleanReview() throws IOException {
        Path empty = write(dir.resolve("__init__.py"), "");

        CliRun run = scan(empty).assertNoStackTrace();

        assertEquals(ExitCode.CLEAN, run.exitCode(), run::toString);
        assertEquals("", run.err());
        assertTrue(run.out().contains(
                "No security defects are detected in the code. (1 file reviewed)"), run::toString);
        assertTrue(run.out().contains("Files reviewed: 1\n"), run::toString);
        assertTrue(run.out().contains("Lines reviewed: 0\n"), run::toString);
    }

    /**
     * A generated resource module (the shape pyrcc or bin2py produce): 5 MB of data lines, then code.
     * Reviewed like any other file, its finding on the last lines reported, in well under ten seconds.
     */
    @Test
    void fiveMegabyteGeneratedFileIsReviewedQuickly() throws IOException {
        StringBuilder text = new StringBuilder(5_300_000)
                .append("# Generated by the resource compiler. Do not edit.\nimport subprocess\n\n");
        Random random = new Random(42);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        char[] chunk = new char[1000];
        for (int i = 0; i < chunk.length; i++) chunk[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        String data = new String(chunk);
        int lines = 3;
        for (int i = 0; text.length() < 5 * 1024 * 1024; i++, lines++) {
            text.append("RESOURCE_").append(i).append(" = \"").append(data).append("\"\n");
        }
        text.append("\n\ndef load(name):\n    subprocess.run(\"unpack \" + name, shell=True)\n");
        int findingLine = lines + 4;   // two blank lines, the def, then the call
        Path big = write(dir.resolve("resources_rc.py"), text.toString());
        assertTrue(Files.size(big) >= 5L * 1024 * 1024);

        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> scan(big)).assertNoStackTrace();

        assertEquals(ExitCode.FINDINGS, run.exitCode(), run::toString);
        assertTrue(run.out().contains(slashes(big) + ":" + findingLine + ":5"), () -> "finding at line " + findingLine
                + " expected:\n" + run.out());
        assertTrue(run.out().contains("Files reviewed: 1\n"), run::toString);
        assertTrue(run.out().contains("Diagnostics: none\n"), run::toString);
    }

    static Stream<Arguments> deeplyNested() {
        return Stream.of(
                Arguments.of("5000 nested parentheses", "x = " + "(".repeat(5000) + "1" + ")".repeat(5000)),
                Arguments.of("a+ repeated 50000 times", "x = " + "a+".repeat(50_000) + "a"),
                Arguments.of("3000 nested lists", "x = " + "[".repeat(3000) + "]".repeat(3000)),
                Arguments.of("2000 nested calls", "x = " + "f(".repeat(2000) + "1" + ")".repeat(2000)),
                Arguments.of("a name reassigned in 3000 branches", "y = input()\n" + java.util.stream.IntStream
                        .range(0, 3000).mapToObj(i -> "v" + i + " = y + '" + i + "'\nif v" + i + ":\n    y = v" + i + "\n")
                        .collect(java.util.stream.Collectors.joining())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deeplyNested")
    void deeplyNestedExpressionGivesANormalReviewOrAOneLineDiagnostic(String name, String expression) throws IOException {
        String before = "import subprocess\n" + expression + "\n";
        long sinkLine = before.chars().filter(c -> c == '\n').count() + 1;
        Path nested = write(dir.resolve("nested.py"), before + "subprocess.run(\"x\" + y, shell=True)\n");
        Path good = write(dir.resolve("other.py"), SHELL_BUILT);

        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> scan(nested, good)).assertNoStackTrace();

        assertNotEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertTrue(run.out().contains("\nSummary\n"), run::toString);
        assertTrue(run.out().contains(slashes(good) + ":5:5"), "the other file is still reviewed:\n" + run);
        boolean findingAfterNesting = run.out().contains(slashes(nested) + ":" + sinkLine + ":1");
        List<String> diagnostics = run.out().lines().filter(l -> l.contains(slashes(nested) + ":")
                && (l.startsWith("analysis error: ") || l.startsWith("parse error: "))).toList();
        assertTrue(findingAfterNesting || diagnostics.size() == 1,
                "either a normal review (finding on line " + sinkLine + ") or one diagnostic line:\n" + run);
    }

    @Test
    void syntaxErrorInTheMiddleStillReportsTheFindingAfterItAndTheErrorLine() throws IOException {
        Path broken = write(dir.resolve("broken.py"), """
                import subprocess


                def broken(:
                    pass


                subprocess.run("x" + y, shell=True)
                """);

        CliRun run = scan(broken).assertNoStackTrace();

        assertEquals(ExitCode.FINDINGS, run.exitCode(), run::toString);
        assertTrue(run.out().contains(slashes(broken) + ":8:1"), run::toString);
        assertTrue(run.out().contains("Rule: py-subprocess-shell"), run::toString);
        assertTrue(run.out().contains("parse error: " + slashes(broken) + ":4: syntax error"), run::toString);

        JsonNode file = file(json(scan("--format", "json", broken)), broken);
        assertTrue(file.get("reviewed").asBoolean());
        assertEquals(1, ruleFindings(file, "py-subprocess-shell").size());
        boolean parseErrorOnLine4 = false;
        for (JsonNode d : file.get("diagnostics")) {
            parseErrorOnLine4 |= d.get("kind").asText().equals("parse-error") && d.get("line").asInt() == 4;
        }
        assertTrue(parseErrorOnLine4, file::toPrettyString);
    }

    // ---------------------------------------------------------------- output

    @Test
    void unwritableOutputIsExit2WithOneLineAndTheReviewStillOnStdout() throws IOException {
        Path good = write(dir.resolve("good.py"), SHELL_BUILT);
        Path notADirectory = write(dir.resolve("plain.txt"), "a file, not a directory\n");
        Path output = notADirectory.resolve("review.json");

        CliRun run = scan("--format", "json", "-o", output, good).assertNoStackTrace();

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.errLines().get(0).startsWith("secreview: error: cannot write " + output + " ("), run::toString);
        assertTrue(run.errLines().get(0).endsWith("); the review follows on standard output"), run::toString);
        JsonNode json = JSON.readTree(run.out());
        assertEquals(1, ruleFindings(file(json, good), "py-subprocess-shell").size());
        assertFalse(Files.exists(output));
    }

    @Test
    void outputThatIsADirectoryIsExit2WithOneLineAndTheReviewStillOnStdout() throws IOException {
        Path good = write(dir.resolve("good.py"), SHELL_BUILT);
        Path outputDir = Files.createDirectories(dir.resolve("out"));

        CliRun run = scan("-o", outputDir, good).assertNoStackTrace();

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.errLines().get(0).contains("cannot write " + outputDir + " (is a directory)"), run::toString);
        assertTrue(run.out().contains(slashes(good) + ":5:5"), run::toString);
    }

    /** A writer that fails like a full disk ({@code scan x.py > /dev/full}). */
    private static final class FullDisk extends java.io.Writer {
        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void flush() throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void close() {
        }
    }

    /** Runs the command line with a standard output that cannot be written. */
    private static CliRun runWithFullStdout(String... args) {
        java.io.StringWriter err = new java.io.StringWriter();
        int code;
        try (java.io.PrintWriter out = new java.io.PrintWriter(new FullDisk());
             java.io.PrintWriter e = new java.io.PrintWriter(err)) {
            code = Main.run(args, out, e);
        }
        return new CliRun(code, "", err.toString());
    }

    @Test
    void aReviewThatCannotBeWrittenToStandardOutputIsExit2WithOneLine() throws IOException {
        Path good = write(dir.resolve("good.py"), SHELL_BUILT);

        CliRun run = runWithFullStdout("scan", "--no-progress", "-f", "json", good.toString()).assertNoStackTrace();

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertEquals(List.of("secreview: error: cannot write to standard output; the output is lost or incomplete"),
                run.errLines(), run::toString);
    }

    @Test
    void aCleanReviewThatCannotBeWrittenIsExit2TooAndSoIsAnyOtherCommand() throws IOException {
        Path clean = write(dir.resolve("clean.py"), CliRun.CLEAN);

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, runWithFullStdout("scan", "--no-progress", clean.toString()).exitCode());
        assertEquals(ExitCode.USAGE_OR_IO_ERROR, runWithFullStdout("rules").exitCode());
    }

    @Test
    void whenNeitherTheOutputFileNorStandardOutputCanBeWrittenBothAreSaid() throws IOException {
        Path good = write(dir.resolve("good.py"), SHELL_BUILT);
        Path outputDir = Files.createDirectories(dir.resolve("out"));

        CliRun run = runWithFullStdout("scan", "--no-progress", "-o", outputDir.toString(), good.toString())
                .assertNoStackTrace();

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertEquals(2, run.errLines().size(), run::toString);
        assertTrue(run.errLines().get(0).contains("cannot write " + outputDir + " (is a directory)"), run::toString);
        assertTrue(run.errLines().get(1).contains("cannot write to standard output"), run::toString);
    }

    // ---------------------------------------------------------------- options

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of(List.of("--format", "xml", "x.py"), "--format"),
                Arguments.of(List.of("--severity", "extreme", "x.py"), "--severity"),
                Arguments.of(List.of("--confidence", "certain", "x.py"), "--confidence"),
                Arguments.of(List.of("--threads", "0", "x.py"), "--threads"),
                Arguments.of(List.of("--threads", "many", "x.py"), "--threads"),
                Arguments.of(List.of("--no-such-option", "x.py"), "--no-such-option"),
                Arguments.of(List.of(), "PATH"));
    }

    @ParameterizedTest(name = "scan {0}")
    @MethodSource("badOptions")
    void badOptionValueIsExit2WithOneErrorLineAndTheUsageHint(List<String> args, String named) throws IOException {
        write(dir.resolve("x.py"), SHELL_BUILT);
        List<String> all = new ArrayList<>(List.of("scan", "--no-progress"));
        args.forEach(a -> all.add(a.equals("x.py") ? dir.resolve(a).toString() : a));

        CliRun run = CliRun.run(all.toArray(String[]::new)).assertNoStackTrace();

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertEquals("", run.out(), "no review on bad usage");
        assertEquals(2, run.errLines().size(), run::toString);
        assertTrue(run.errLines().get(0).startsWith("secreview: error: "), run::toString);
        assertTrue(run.errLines().get(0).contains(named), run::toString);
        assertEquals("Try 'secreview scan --help' for usage.", run.errLines().get(1));
    }

    @ParameterizedTest(name = "secreview {0}")
    @ValueSource(strings = {"", "frobnicate"})
    void missingOrUnknownCommandIsExit2WithUsageHint(String command) {
        CliRun run = (command.isEmpty() ? CliRun.run() : CliRun.run(command)).assertNoStackTrace();

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertEquals(2, run.errLines().size(), run::toString);
        assertTrue(run.errLines().get(0).startsWith("secreview: error: "), run::toString);
        assertEquals("Try 'secreview --help' for usage.", run.errLines().get(1));
    }

    /** Several kinds of bad file in one directory: each is one diagnostic, the good files are all reviewed. */
    @Test
    void aDirectoryMixingBadFilesReviewsEveryGoodFile() throws IOException {
        write(dir.resolve("a_binary.py"), new byte[]{0, 0, 0});
        write(dir.resolve("b_latin.py"), "s = '\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
        write(dir.resolve("c_empty.py"), "");
        write(dir.resolve("d_broken.py"), "def (:\n");
        Path good1 = write(dir.resolve("e_good.py"), SHELL_BUILT);
        Path good2 = write(dir.resolve("pkg").resolve("f_good.py"), SHELL_BUILT);

        CliRun run = scan("--format", "json", dir).assertNoStackTrace();

        assertEquals(ExitCode.FINDINGS, run.exitCode(), run::toString);
        assertEquals("", run.err());
        JsonNode json = JSON.readTree(run.out());
        assertEquals(6, json.get("files").size());
        assertEquals(4, json.get("summary").get("filesReviewed").asInt());
        assertEquals(2, json.get("summary").get("filesNotReviewed").asInt());
        assertEquals(1, json.get("summary").get("diagnostics").get("binary").asInt());
        assertEquals(1, json.get("summary").get("diagnostics").get("undecodable").asInt());
        assertEquals(1, ruleFindings(file(json, good1), "py-subprocess-shell").size());
        assertEquals(1, ruleFindings(file(json, good2), "py-subprocess-shell").size());
    }

    // ---------------------------------------------------------------- one rule for the exit code

    @Test
    void aBinaryFileNamedAloneIsOneErrorLineExit2AndNoReport() throws IOException {
        Path binary = write(dir.resolve("blob.py"), new byte[]{'x', 0});

        CliRun run = scan(binary).assertNoStackTrace();

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertEquals(List.of("secreview: error: " + slashes(binary) + ": binary file (NUL byte at offset 1)"), run.errLines());
        assertEquals("", run.out());
    }

    @Test
    void manyBinaryFilesInADirectoryBesideGoodOnesAreDiagnosticsAndTheExitCodeIsTheFindings() throws IOException {
        for (int i = 0; i < 93; i++) write(dir.resolve(String.format("blob_%02d.py", i)), new byte[]{0});
        write(dir.resolve("good.py"), SHELL_BUILT);
        Path alone = write(dir.resolve("alone").resolve("blob.py"), new byte[]{0});

        CliRun run = scan(dir).assertNoStackTrace();
        CliRun onlyBinary = scan(alone.getParent()).assertNoStackTrace();

        assertEquals(ExitCode.FINDINGS, run.exitCode(), run::toString);
        assertEquals("", run.err());
        assertTrue(run.out().contains("Files reviewed: 1 (94 not reviewed)\n"), run::toString);
        assertTrue(run.out().contains("Diagnostics: binary 94\n"), run::toString);
        assertEquals(ExitCode.CLEAN, onlyBinary.exitCode(), "a directory's bad file is a diagnostic:\n" + onlyBinary);
        assertTrue(onlyBinary.out().contains("No file could be reviewed."), onlyBinary::toString);
    }

    @Test
    void aNamedFileOfAnotherLanguageIsAPathThatCannotBeReviewed() throws IOException {
        Path readme = write(dir.resolve("README.md"), "# hello\n");
        Path good = write(dir.resolve("good.py"), SHELL_BUILT);

        CliRun run = scan(readme, good).assertNoStackTrace();

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertEquals(List.of("secreview: error: " + slashes(readme) + ": not a source file secreview reviews"), run.errLines());
        assertTrue(run.out().contains(slashes(good) + ":5:5"), "the other path is still reviewed:\n" + run);
    }

    @Test
    void anUnreadableDirectoryInsideANamedOneIsADiagnosticNotAnError() throws IOException {
        Path good = write(dir.resolve("good.py"), CliRun.CLEAN);
        Path locked = Files.createDirectories(dir.resolve("locked"));
        write(locked.resolve("hidden.py"), SHELL_BUILT);
        lockOrSkip(locked);
        try {
            CliRun run = scan(dir).assertNoStackTrace();

            assertEquals(ExitCode.CLEAN, run.exitCode(), run::toString);
            assertEquals("", run.err());
            assertTrue(run.out().contains("unreadable: " + slashes(locked) + ": cannot read: permission denied"), run::toString);
            assertTrue(run.out().contains(slashes(good) + ": "), run::toString);
            assertTrue(run.out().contains("Files reviewed: 1 (1 not reviewed)\n"), run::toString);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    // ---------------------------------------------------------------- helpers

    static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    static JsonNode json(CliRun run) throws IOException {
        assertNotEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        return JSON.readTree(run.out());
    }

    static JsonNode file(JsonNode report, Path path) {
        for (JsonNode file : report.get("files")) {
            if (file.get("path").asText().equals(slashes(path))) return file;
        }
        throw new AssertionError("no file " + path + " in\n" + report.toPrettyString());
    }

    static List<JsonNode> ruleFindings(JsonNode file, String ruleId) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode f : file.get("findings")) {
            if (f.get("ruleId").asText().equals(ruleId)) found.add(f);
        }
        return found;
    }

    /** Takes every permission away from {@code path}; skips the test where that does not stop reading (root). */
    private static void lockOrSkip(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "no POSIX permissions on this file system");
        }
        assumeFalse(Files.isReadable(path), "running as root: chmod 000 does not stop reading");
    }
}
