package dev.secreview.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.secreview.cli.CliRun.SHELL_REQUEST;
import static dev.secreview.cli.CliRun.scan;
import static dev.secreview.cli.CliRun.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code --select}, {@code --ignore} and Bandit's {@code -t}/{@code -s}: which findings a scan reports. */
class ScanRuleSelectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One py-subprocess-shell finding (line 6, CWE-78, B602) and one py-weak-hash finding (line 10, CWE-328). */
    static final String SHELL_AND_MD5 = """
            import hashlib
            import subprocess


            def run(y):
                subprocess.run("x" + y, shell=True)


            def digest(data):
                return hashlib.md5(data).hexdigest()
            """;

    @TempDir
    Path dir;

    /** The rule ids of the findings a JSON scan reports, in report order. */
    private static List<String> ruleIds(CliRun run) throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode file : JSON.readTree(run.out()).get("files")) {
            file.get("findings").forEach(f -> ids.add(f.get("ruleId").asText()));
        }
        return ids;
    }

    @Test
    void everyRuleIsReportedWhenNothingIsSelected() throws IOException {
        Path file = write(dir.resolve("app.py"), SHELL_AND_MD5);

        assertEquals(List.of("py-subprocess-shell", "py-weak-hash"), ruleIds(scan("-f", "json", file)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "--select, py-weak-hash, py-weak-hash",
            "--select, CWE-328, py-weak-hash",
            "-t, B602, py-subprocess-shell",
            "--tests, 'B602,B324', py-subprocess-shell py-weak-hash",
            "--ignore, py-subprocess-shell, py-weak-hash",
            "-s, B602, py-weak-hash",
            "--skip, cwe-78, py-weak-hash",
    })
    void selectAndIgnoreTakeRuleIdsCwesAndBanditIds(String option, String names, String reported) throws IOException {
        Path file = write(dir.resolve("app.py"), SHELL_AND_MD5);

        CliRun run = scan("-f", "json", option, names, file).assertNoStackTrace();

        assertEquals(List.of(reported.split(" ")), ruleIds(run), run::toString);
    }

    @Test
    void ignoringWinsAndTheExitCodeFollowsWhatIsReported() throws IOException {
        Path file = write(dir.resolve("app.py"), SHELL_AND_MD5);

        CliRun run = scan("--select", "CWE-78", "--ignore", "B602", file).assertNoStackTrace();

        assertEquals(ExitCode.CLEAN, run.exitCode(), run::toString);
        assertEquals("", run.err());
    }

    /** The dataflow judges the pattern rules: it runs whatever is selected, so a selected rule loses nothing. */
    @Test
    void theDataflowRunsWhicheverRulesAreSelected() throws IOException {
        Path file = write(dir.resolve("app.py"), SHELL_REQUEST);

        assertEquals(List.of("py-command-injection"), ruleIds(scan("-f", "json", file)));
        assertEquals(List.of("py-command-injection"), ruleIds(scan("-f", "json", "--ignore", "py-subprocess-shell", file)));
        assertEquals(List.of("py-command-injection"), ruleIds(scan("-f", "json", "--select", "CWE-78", file)));
        // The pattern finding at a sink attacker data reaches is reported under the dataflow rule that replaced it.
        assertEquals(List.of(), ruleIds(scan("-f", "json", "--select", "py-subprocess-shell", file)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"--select, py-sql-strng", "-s, B999", "--ignore, CWE-99999", "-t, 'B602,nonsense'"})
    void anUnknownRuleIsOneErrorLineAndNoReview(String option, String names) throws IOException {
        Path file = write(dir.resolve("app.py"), SHELL_AND_MD5);

        CliRun run = scan(option, names, file).assertNoStackTrace();

        String source = option.equals("-s") || option.equals("--ignore") ? "--ignore" : "--select";
        String unknown = names.contains(",") ? names.substring(names.indexOf(',') + 1) : names;
        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertEquals(List.of("secreview: error: " + source + ": unknown rule '" + unknown + "' (a rule id, a CWE some"
                + " rule reports, or a Bandit id; 'secreview rules' lists them)"), run.errLines());
        assertEquals("", run.out());
    }
}
