package dev.secreview.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secreview.report.ReportFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static dev.secreview.cli.BadInputTest.slashes;
import static dev.secreview.cli.CliRun.SHELL_BUILT;
import static dev.secreview.cli.CliRun.scan;
import static dev.secreview.cli.CliRun.write;
import static dev.secreview.cli.ScanRuleSelectionTest.SHELL_AND_MD5;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The project's settings in .secreview.toml or pyproject.toml: found, read, overridden, and refused when wrong. */
class ConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALLOWED = "include, exclude, select, ignore, per-file-ignores, severity, confidence,"
            + " threat-model, baseline, format, exit-zero";

    @TempDir
    Path dir;

    /** The files and rule ids a JSON scan reports, as {@code path:rule} relative to the temporary folder. */
    private List<String> findings(CliRun run) throws IOException {
        List<String> found = new ArrayList<>();
        for (JsonNode file : JSON.readTree(run.out()).get("files")) {
            String path = file.get("path").asText().substring(slashes(dir).length() + 1);
            file.get("findings").forEach(f -> found.add(path + ":" + f.get("ruleId").asText()));
        }
        return found;
    }

    // ---------------------------------------------------------------- found and read

    @Test
    void theFileInTheScannedFolderSetsExcludesSelectionAndFormat() throws IOException {
        write(dir.resolve(".secreview.toml"), """
                exclude = ["./tests"]
                select = ["CWE-78"]
                format = "json"
                """);
        write(dir.resolve("app.py"), SHELL_AND_MD5);
        write(dir.resolve("tests/test_app.py"), SHELL_BUILT);

        CliRun run = scan(dir).assertNoStackTrace();

        assertEquals(ExitCode.FINDINGS, run.exitCode(), run::toString);
        assertEquals(List.of("app.py:py-subprocess-shell"), findings(run));
        assertEquals(1, JSON.readTree(run.out()).at("/summary/skipped/byReason/excluded").asInt());
    }

    @Test
    void theCommandLineOverridesEachSettingItGives() throws IOException {
        write(dir.resolve(".secreview.toml"), """
                select = ["CWE-78"]
                format = "json"
                severity = "high"
                """);
        write(dir.resolve("app.py"), SHELL_AND_MD5);

        CliRun run = scan("--select", "py-weak-hash", "--severity", "low", dir).assertNoStackTrace();
        CliRun bandit = scan("-t", "B324", "--severity", "low", dir).assertNoStackTrace();
        CliRun text = scan("-f", "text", dir).assertNoStackTrace();

        assertEquals(List.of("app.py:py-weak-hash"), findings(run));
        assertEquals(List.of("app.py:py-weak-hash"), findings(bandit));
        assertTrue(text.out().contains("Shown: severity high and above"), text::toString);
    }

    @Test
    void pyprojectIsFoundFromASubfolderUpToTheRepositoryRoot() throws IOException {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        write(repo.resolve("pyproject.toml"), """
                [project]
                name = "demo"

                [tool.secreview]
                ignore = ["B602"]
                format = "json"
                """);
        write(repo.resolve("src/app.py"), SHELL_AND_MD5);

        CliRun run = scan(repo.resolve("src")).assertNoStackTrace();

        assertEquals(List.of("repo/src/app.py:py-weak-hash"), findings(run));
    }

    @Test
    void theSearchStopsAtTheRepositoryRoot() throws IOException {
        write(dir.resolve(".secreview.toml"), "select = [\"py-nonexistent-rule\"]\n");
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        write(repo.resolve("app.py"), SHELL_BUILT);

        CliRun run = scan(repo).assertNoStackTrace();

        assertEquals(ExitCode.FINDINGS, run.exitCode(), "the file above the repository is not read:\n" + run);
    }

    @Test
    void aPyprojectWithoutTheTableIsPassedOverAndSecreviewTomlComesFirst() throws IOException {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        write(repo.resolve(".secreview.toml"), "format = \"json\"\nselect = [\"py-weak-hash\"]\n");
        write(repo.resolve("pyproject.toml"), "[tool.secreview]\nselect = [\"py-subprocess-shell\"]\n");
        write(repo.resolve("pkg/pyproject.toml"), "[project]\nname = \"pkg\"\n");
        write(repo.resolve("pkg/app.py"), SHELL_AND_MD5);

        assertEquals(List.of("repo/pkg/app.py:py-weak-hash"), findings(scan(repo.resolve("pkg"))));
    }

    @Test
    void aPyprojectOfOtherToolsIsNotOursToJudgeEvenWhenItIsNotValidToml() throws IOException {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        write(repo.resolve("pyproject.toml"), "[project\nname = \"pkg\"\n");
        write(repo.resolve("app.py"), SHELL_BUILT);

        CliRun run = scan(repo).assertNoStackTrace();

        assertEquals(ExitCode.FINDINGS, run.exitCode(), "the scan runs with the defaults:\n" + run);
    }

    @Test
    void perFileIgnoresDropTheirRulesInTheFilesTheirGlobsName() throws IOException {
        write(dir.resolve(".secreview.toml"), """
                format = "json"

                [per-file-ignores]
                "legacy/**" = ["B602"]
                "*_gen.py" = ["CWE-328", "py-subprocess-shell"]
                """);
        write(dir.resolve("app.py"), SHELL_AND_MD5);
        write(dir.resolve("legacy/old.py"), SHELL_AND_MD5);
        write(dir.resolve("pkg/api_gen.py"), SHELL_AND_MD5);

        assertEquals(List.of("app.py:py-subprocess-shell", "app.py:py-weak-hash", "legacy/old.py:py-weak-hash"),
                findings(scan(dir)));
    }

    @Test
    void includeKeepsOnlyTheFilesItNames() throws IOException {
        write(dir.resolve(".secreview.toml"), "include = [\"src\"]\nformat = \"json\"\n");
        write(dir.resolve("src/app.py"), SHELL_BUILT);
        write(dir.resolve("setup.py"), SHELL_BUILT);

        CliRun run = scan(dir).assertNoStackTrace();

        assertEquals(List.of("src/app.py:py-subprocess-shell"), findings(run));
        assertEquals(1, JSON.readTree(run.out()).at("/summary/skipped/byReason/not included").asInt());
    }

    @Test
    void theBaselinePathIsRelativeToTheConfigurationFile() throws IOException {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        write(repo.resolve(".secreview.toml"), "baseline = \"ci/known.json\"\n");
        write(repo.resolve("src/app.py"), SHELL_BUILT);

        CliRun recorded = CliRun.run("baseline", "--no-progress", repo.resolve("src").toString()).assertNoStackTrace();
        CliRun scanned = scan(repo.resolve("src")).assertNoStackTrace();

        assertEquals(ExitCode.CLEAN, recorded.exitCode(), recorded::toString);
        assertTrue(Files.isRegularFile(repo.resolve("ci/known.json")), recorded::toString);
        assertEquals(ExitCode.CLEAN, scanned.exitCode(), "the recorded finding is known:\n" + scanned);
    }

    @Test
    void configNamesAFileExplicitly() throws IOException {
        Path settings = write(dir.resolve("ci/secreview-ci.toml"), "select = [\"py-weak-hash\"]\nformat = \"json\"\n");
        write(dir.resolve("app.py"), SHELL_AND_MD5);

        assertEquals(List.of("app.py:py-weak-hash"), findings(scan("--config", settings, dir)));
    }

    // ---------------------------------------------------------------- refused

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("selct = [\"B602\"]\n", "unknown key 'selct' (allowed: " + ALLOWED + ")"),
                Arguments.of("severity = \"extreme\"\n", "severity: 'extreme' is not allowed (allowed: low, medium, high)"),
                Arguments.of("format = \"xml\"\n", "format: 'xml' is not allowed (allowed: " + String.join(", ",
                        Arrays.stream(ReportFormat.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList()) + ")"),
                Arguments.of("threat-model = [\"remote\", \"insider\"]\n",
                        "threat-model: 'insider' is not allowed (allowed: remote, local, rpc, stored)"),
                Arguments.of("exclude = \"tests\"\n", "exclude: expected an array of strings, not a string"),
                Arguments.of("ignore = [\"B602\", 7]\n", "ignore: expected an array of strings, but it holds a number"),
                Arguments.of("exit-zero = \"yes\"\n", "exit-zero: expected true or false, not a string"),
                Arguments.of("select = [\"py-sql-strng\"]\n", "select: unknown rule 'py-sql-strng' (a rule id, a CWE some"
                        + " rule reports, or a Bandit id; 'secreview rules' lists them)"),
                Arguments.of("exclude = [\"./\"]\n", "exclude: './' names no path inside the scanned directory"),
                Arguments.of("per-file-ignores = [\"tests\"]\n", "per-file-ignores: expected a table of globs to arrays"
                        + " of rules (\"tests/**\" = [\"py-assert-access-check\"]), not an array"),
                Arguments.of("[per-file-ignores]\n\"tests/**\" = [\"py-nope\"]\n", "per-file-ignores \"tests/**\": unknown"
                        + " rule 'py-nope' (a rule id, a CWE some rule reports, or a Bandit id; 'secreview rules' lists them)"),
                Arguments.of("select = [\"B602\"\n", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadKeyOrValueIsOneErrorLineNamingTheFileAndTheKey(String toml, String why) throws IOException {
        Path config = write(dir.resolve(".secreview.toml"), toml);
        write(dir.resolve("app.py"), SHELL_BUILT);

        CliRun run = scan(dir).assertNoStackTrace();

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        String prefix = "secreview: error: " + slashes(config) + ": ";
        if (why != null) {
            assertEquals(prefix + why, run.errLines().get(0));
        } else {
            assertTrue(run.errLines().get(0).startsWith(prefix + "not valid TOML (line 2): "), run::toString);
        }
        assertEquals("", run.out(), "nothing is reviewed with a bad configuration");
    }

    @Test
    void aBadKeyInPyprojectNamesTheTable() throws IOException {
        Path pyproject = write(dir.resolve("pyproject.toml"), "[tool.secreview]\nexit_zero = true\n");
        write(dir.resolve("app.py"), SHELL_BUILT);

        CliRun run = scan(dir).assertNoStackTrace();

        assertEquals(List.of("secreview: error: " + slashes(pyproject) + " [tool.secreview]: unknown key 'exit_zero'"
                + " (allowed: " + ALLOWED + ")"), run.errLines());
    }

    @Test
    void aConfigFileThatIsNotThereIsOneErrorLine() throws IOException {
        write(dir.resolve("app.py"), SHELL_BUILT);
        Path missing = dir.resolve("nope.toml");

        CliRun run = scan("--config", missing, dir).assertNoStackTrace();

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode());
        assertEquals(List.of("secreview: error: " + slashes(missing) + ": no such file or directory"), run.errLines());
    }

    @Test
    void theConfigurationAppliesToReviewAndBaselineToo() throws IOException {
        write(dir.resolve(".secreview.toml"), "selct = 1\n");
        write(dir.resolve("app.py"), SHELL_BUILT);

        for (String command : List.of("review", "baseline")) {
            CliRun run = CliRun.run(command, "--no-progress", dir.toString()).assertNoStackTrace();
            assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
            assertTrue(run.errLines().get(0).contains(".secreview.toml: unknown key 'selct'"), run::toString);
        }
    }
}
