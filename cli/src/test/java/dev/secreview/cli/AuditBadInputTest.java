package dev.secreview.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;

import static dev.secreview.cli.AuditCommandTest.audit;
import static dev.secreview.cli.CliRun.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input to {@code secreview audit} is exit 2 with one line on standard error, never a stack trace. */
class AuditBadInputTest {

    @TempDir
    Path dir;

    private Path code() throws IOException {
        return write(dir.resolve("code.py"), CliRun.SHELL_BUILT);
    }

    private Path review() throws IOException {
        return write(dir.resolve("review.md"), "1. CWE-78 (OS Command Injection), line 5: `shell=True`.\n");
    }

    private static void assertOneLineError(CliRun run, String expected) {
        run.assertNoStackTrace();
        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertTrue(run.errLines().get(0).startsWith("secreview: error: "), run::toString);
        assertTrue(run.errLines().get(0).contains(expected), () -> run + "\nexpected: " + expected);
    }

    @Test
    void missingCodeFile() throws IOException {
        CliRun run = audit("--code", dir.resolve("nowhere.py"), "--review", review());
        assertOneLineError(run, "--code " + dir.resolve("nowhere.py") + ": no such file");
        assertEquals(1, run.errLines().size(), run::toString);
    }

    @Test
    void missingReviewFile() throws IOException {
        CliRun run = audit("--code", code(), "--review", dir.resolve("nowhere.md"));
        assertOneLineError(run, "--review " + dir.resolve("nowhere.md") + ": no such file");
        assertEquals(1, run.errLines().size(), run::toString);
    }

    @Test
    void binaryCodeFile() throws IOException {
        Path binary = write(dir.resolve("code.pyc"), new byte[]{0x55, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0});
        assertOneLineError(audit("--code", binary, "--review", review()), "binary file");
    }

    @Test
    void binaryReviewFile() throws IOException {
        Path binary = write(dir.resolve("review.pdf"), new byte[]{'%', 'P', 'D', 'F', 0, 1, 2});
        assertOneLineError(audit("--code", code(), "--review", binary), "--review " + binary + ": binary file");
    }

    @Test
    void reviewThatIsNotUtf8() throws IOException {
        Path latin1 = write(dir.resolve("review.txt"), new byte[]{'1', '.', ' ', 'C', 'W', 'E', '-', '7', '8', ' ', (byte) 0xe9});
        assertOneLineError(audit("--code", code(), "--review", latin1), "not valid UTF-8");
    }

    @Test
    void codeThatDoesNotParse() throws IOException {
        Path broken = write(dir.resolve("broken.py"), "import os\n\ndef run(:\n    os.system(cmd)\n");
        CliRun run = audit("--code", broken, "--review", review());
        assertOneLineError(run, "broken.py:3: syntax error");
        assertTrue(run.errLines().get(0).endsWith("only code that parses can be audited"), run::toString);
    }

    @Test
    void aDirectoryIsNotACodeFile() throws IOException {
        assertOneLineError(audit("--code", dir, "--review", review()), "not a regular file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--code", "--review"})
    void eachFileIsRequired(String given) throws IOException {
        CliRun run = given.equals("--code") ? audit("--code", code()) : audit("--review", review());
        assertOneLineError(run, "Missing required option");
    }

    @Test
    void aTreeThatIsNotADirectory() throws IOException {
        assertOneLineError(audit("--code", code(), "--review", review(), "--tree", code()), "--tree " + code() + ": not a directory");
    }

    @Test
    void aLibraryPathThatIsNotADirectory() throws IOException {
        assertOneLineError(audit("--code", code(), "--review", review(), "--library-path", dir.resolve("none")),
                "--library-path " + dir.resolve("none") + ": not a directory");
    }

    @Test
    void unknownFormat() throws IOException {
        assertOneLineError(audit("--code", code(), "--review", review(), "-f", "sarif"), "Invalid value for option '--format'");
    }

    @Test
    void aTruncatedJsonReviewIsNotZeroClaims() throws IOException {
        Path json = write(dir.resolve("review.json"), "[\n  {\"cwe\": \"CWE-78\", \"line\": 5, \"code\": \"subprocess.run(");
        CliRun run = audit("--code", code(), "--review", json);
        assertOneLineError(run, "--review " + json + ": malformed JSON: the text ends before the JSON does at line 2, column 56 (truncated?)");
        assertEquals(1, run.errLines().size(), run::toString);
    }

    @Test
    void aJsonFindingOfTheWrongTypeIsNamed() throws IOException {
        Path json = write(dir.resolve("review.json"), "[{\"cwe\": \"CWE-78\", \"line\": 5}, \"CWE-89 on line 3\"]\n");
        assertOneLineError(audit("--code", code(), "--review", json),
                "--review " + json + ": malformed JSON: finding 2 is a string (\"CWE-89 on line 3\"), not an object");
    }

    @Test
    void aNegativeLineIsNotLineOne() throws IOException {
        Path json = write(dir.resolve("review.json"), "[{\"cwe\": \"CWE-78\", \"line\": -1, \"code\": \"shell=True\"}]\n");
        assertOneLineError(audit("--code", code(), "--review", json),
                "--review " + json + ": malformed JSON: finding 1: \"line\" is -1, not a line number (42) or lines (\"10-12\", \"3, 7\")");
    }
}
