package dev.secreview.cli;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static dev.secreview.cli.CliRun.SHELL_BUILT;
import static dev.secreview.cli.CliRun.scan;
import static dev.secreview.cli.CliRun.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --exit-zero}: the review is reported as ever, findings do not fail the build, errors still do. */
class ExitZeroTest {

    @TempDir
    Path dir;

    @Test
    void findingsAreReportedAndTheExitCodeIsZero() throws IOException {
        Path file = write(dir.resolve("app.py"), SHELL_BUILT);

        CliRun run = scan("--exit-zero", file).assertNoStackTrace();

        assertEquals(ExitCode.CLEAN, run.exitCode(), run::toString);
        assertEquals(scan(file).out(), run.out(), "the review is the same");
    }

    @Test
    void whatTheToolCouldNotDoIsStillExit2() throws IOException {
        Path file = write(dir.resolve("app.py"), SHELL_BUILT);
        Path notADirectory = write(dir.resolve("plain.txt"), "x\n");

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, scan("--exit-zero", file, dir.resolve("missing.py")).exitCode());
        assertEquals(ExitCode.USAGE_OR_IO_ERROR, scan("--exit-zero", "-o", notADirectory.resolve("r.txt"), file).exitCode());
        assertEquals(ExitCode.USAGE_OR_IO_ERROR, scan("--exit-zero", "--select", "py-nope", file).exitCode());
    }

    @Test
    void theConfigurationCanSetItAndTheCommandLineUnsetIt() throws IOException {
        write(dir.resolve(".secreview.toml"), "exit-zero = true\n");
        write(dir.resolve("app.py"), SHELL_BUILT);

        assertEquals(ExitCode.CLEAN, scan(dir).exitCode());
        assertEquals(ExitCode.FINDINGS, scan("--no-exit-zero", dir).exitCode());
    }

    @Test
    void reviewTakesItToo() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            write(dir.resolve("app/util.py"), "def add(a, b):\n    return a + b\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("first").setAuthor("R", "r@example.org").setCommitter("R", "r@example.org")
                    .setSign(false).call();
            write(dir.resolve("app/run.py"), SHELL_BUILT);

            CliRun failing = CliRun.run("review", "--no-progress", dir.toString());
            CliRun passing = CliRun.run("review", "--no-progress", "--exit-zero", dir.toString()).assertNoStackTrace();

            assertEquals(ExitCode.FINDINGS, failing.exitCode(), failing::toString);
            assertEquals(ExitCode.CLEAN, passing.exitCode(), passing::toString);
            assertTrue(passing.out().contains("Location: app/run.py:5:5"), passing::toString);
        }
    }

    @Test
    void theHelpSaysSo() {
        assertTrue(CliRun.run("scan", "--help").out().replaceAll("\\s+", " ").contains("1 findings (0 with --exit-zero)"));
        assertTrue(CliRun.run("review", "--help").out().contains("--[no-]exit-zero"));
    }
}
