package dev.secreview.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static dev.secreview.cli.CliRun.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code secreview audit}: verdicts, formats, the output file and the exit codes. */
class AuditCommandTest {

    private static final Path EXAMPLE_CODE = Path.of("..", "examples", "reviews", "images.py");
    private static final Path EXAMPLE_REVIEW = Path.of("..", "examples", "reviews", "images-review.md");
    private static final Pattern HEADING = Pattern.compile("(?m)^#(\\d+) \\[(\\w+)]");
    private static final String SUPPORTED_REVIEW = """
            Review of ping.py:

            1. **Command injection** (CWE-78: OS Command Injection), line 5: `host` is appended to the command that
               `subprocess.run` executes with `shell=True`.
            """;

    @TempDir
    Path dir;

    static CliRun audit(Object... args) {
        String[] all = new String[args.length + 1];
        all[0] = "audit";
        for (int i = 0; i < args.length; i++) all[i + 1] = args[i].toString();
        return CliRun.run(all);
    }

    private Path ping() throws IOException {
        return write(dir.resolve("ping.py"), CliRun.SHELL_BUILT.replace("def run(y)", "def run(host)").replace("+ y", "+ host"));
    }

    @Test
    void everyClaimSupportedExits0() throws IOException {
        Path review = write(dir.resolve("review.md"), SUPPORTED_REVIEW);

        CliRun run = audit("--code", ping(), "--review", review).assertNoStackTrace();

        assertEquals(ExitCode.CLEAN, run.exitCode(), run::toString);
        assertTrue(run.out().contains("#1 [SUPPORTED] CWE-78 (Improper Neutralization of Special Elements used in an OS "
                + "Command ('OS Command Injection')) line 5: Command injection\n"), run::toString);
        assertTrue(run.out().contains("    - the static review reports it: " + BadInputTest.slashes(ping())
                + ":5 `subprocess.run(\"x\" + host, shell=True)` py-subprocess-shell (CWE-78, low confidence)\n"), run::toString);
        assertTrue(run.out().endsWith("Claims: 1, supported: 1 (100%)\nBy verdict: supported 1\n"
                + "Static review: 1 finding; the review speaks of 1 (recall 100%); 1 of 1 claims are among them (precision 100%)\n"),
                run::toString);
        assertEquals("", run.err());
    }

    @Test
    void aReviewWithoutFindingsExits0() throws IOException {
        Path review = write(dir.resolve("review.md"), "I read the file closely.\n\nNo security defects are detected in the code.\n");

        CliRun run = audit("--code", ping(), "--review", review).assertNoStackTrace();

        assertEquals(ExitCode.CLEAN, run.exitCode(), run::toString);
        assertTrue(run.out().contains("Claims: 0 (the review states no finding)"), run::toString);
    }

    @Test
    void theExampleReviewHasUnsupportedClaimsAndExits1() {
        CliRun run = audit("--code", EXAMPLE_CODE, "--review", EXAMPLE_REVIEW).assertNoStackTrace();

        assertEquals(ExitCode.FINDINGS, run.exitCode(), run::toString);
        assertEquals(List.of("1 SUPPORTED", "2 SUPPORTED", "3 MISNAMED_CWE", "4 CONTRADICTED", "5 CONTRADICTED",
                "6 UNKNOWN_SYMBOL", "7 UNVERIFIED"), verdicts(run.out()));
        assertTrue(run.out().contains("    - ../examples/reviews/images.py:10 `IntOpt(\"max_image_size\", ...)` is declared with min=1, "
                + "so oslo.config rejects smaller values\n"), run::toString);
        assertTrue(run.out().endsWith("Claims: 7, supported: 2 (29%)\n"
                + "By verdict: supported 2, contradicted 2, unknown symbol 1, misnamed CWE 1, unverified 1\n"
                + "Static review: 2 findings; the review speaks of 2 (recall 100%); 2 of 7 claims are among them (precision 29%)\n"),
                run::toString);
    }

    @Test
    void theStaticFindingsTheReviewMissesAreListed() throws IOException {
        Path code = write(dir.resolve("app.py"), CliRun.SHELL_BUILT + "\n\ndef digest(data):\n    import hashlib\n"
                + "    return hashlib.md5(data).hexdigest()\n");
        Path review = write(dir.resolve("review.md"), "1. **Weak hash** (CWE-328), line 10: `hashlib.md5` is weak.\n");

        CliRun run = audit("--code", code, "--review", review).assertNoStackTrace();

        assertEquals(ExitCode.CLEAN, run.exitCode(), run::toString);
        assertTrue(run.out().endsWith("Static review: 2 findings; the review speaks of 1 (recall 50%); 1 of 1 claims are among them "
                + "(precision 100%)\nMissed by the review:\n    - " + BadInputTest.slashes(code) + ":5 `subprocess.run(\"x\" + y, "
                + "shell=True)` py-subprocess-shell (CWE-78, low confidence)\n"), run::toString);
    }

    @Test
    void aFixIsCheckedAgainstTheLibraryPath() throws IOException {
        Path library = Files.createDirectories(dir.resolve("site-packages"));
        write(library.resolve("shlex.py"), "def quote(s):\n    return s\n");
        Path quoted = write(dir.resolve("quoted.md"), SUPPORTED_REVIEW + "   Fix: quote it with `shlex.quote(host)`.\n");
        Path invented = write(dir.resolve("invented.md"), SUPPORTED_REVIEW + "   Fix: quote it with `shlex.safe_quote(host)`.\n");

        CliRun found = audit("--code", ping(), "--review", quoted, "--library-path", library).assertNoStackTrace();
        CliRun missing = audit("--code", ping(), "--review", invented, "--library-path", library).assertNoStackTrace();

        assertEquals(List.of("1 SUPPORTED"), verdicts(found.out()), found::toString);
        assertTrue(found.out().contains("    - the fix's `shlex.quote` is defined on line 1 of shlex.py (site-packages)\n"), found::toString);
        assertEquals(List.of("1 UNKNOWN_SYMBOL"), verdicts(missing.out()), missing::toString);
        assertTrue(missing.out().contains("    - the fix names `shlex.safe_quote`, which does not exist: shlex.py (site-packages) "
                + "defines no `safe_quote`\n"), missing::toString);
    }

    @Test
    void theTreeIsReviewedWithTheFileAndResolvesItsImports() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("project/app"));
        write(tree.resolve("__init__.py"), "");
        write(tree.resolve("shell.py"), "import subprocess\n\n\ndef run(command):\n    subprocess.run(command, shell=True)\n");
        Path code = write(tree.resolve("views.py"), """
                from flask import Flask, request

                from app import shell

                app = Flask(__name__)


                @app.route("/ping")
                def ping():
                    shell.run("ping -c 1 " + request.args["host"])
                    return "ok"
                """);
        Path review = write(dir.resolve("review.md"), """
                1. **Command injection** (CWE-78: OS Command Injection), line 10: the host from the query string reaches
                   `shell.run`, which runs it with a shell.
                2. **Missing helper** (CWE-78), line 10: `shell.run_quoted` is bypassed.
                """);

        CliRun run = audit("--code", code, "--review", review, "--tree", dir.resolve("project"), "--library-path", dir)
                .assertNoStackTrace();

        assertEquals(List.of("1 SUPPORTED", "2 UNKNOWN_SYMBOL"), verdicts(run.out()), run::toString);
        assertTrue(run.out().contains("py-command-injection (CWE-78, high confidence)"), run::toString);
        assertTrue(run.out().contains("    - `shell.run_quoted` does not exist: " + BadInputTest.slashes(dir.resolve("project/app/shell.py"))
                + " (tree) defines no `run_quoted`\n"), run::toString);
    }

    @Test
    void jsonFormat() throws IOException {
        CliRun run = audit("--code", EXAMPLE_CODE, "--review", EXAMPLE_REVIEW, "-f", "json").assertNoStackTrace();

        assertEquals(ExitCode.FINDINGS, run.exitCode(), run::toString);
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("../examples/reviews/images.py", root.get("code").asText());
        assertEquals(7, root.get("summary").get("claims").asInt());
        assertEquals(2, root.get("summary").get("verdicts").get("CONTRADICTED").asInt());
        List<String> verdicts = new ArrayList<>();
        root.get("claims").forEach(c -> verdicts.add(c.get("index").asInt() + " " + c.get("verdict").asText()));
        assertEquals(verdicts(audit("--code", EXAMPLE_CODE, "--review", EXAMPLE_REVIEW).out()), verdicts);
    }

    @Test
    void theJsonAnswerSchemaIsAcceptedAsAReview() throws IOException {
        Path review = write(dir.resolve("answer.json"),
                "[{\"cwe\": \"CWE-78\", \"line\": 5, \"code\": \"shell=True\", \"explanation\": \"shell\", \"fix\": \"list\"},"
                        + " {\"cwe\": 78, \"line\": \"40-41\", \"code\": \"os.system(cmd)\"}]");

        CliRun run = audit("--code", ping(), "--review", review).assertNoStackTrace();

        assertEquals(ExitCode.FINDINGS, run.exitCode(), run::toString);
        assertEquals(List.of("1 SUPPORTED", "2 BAD_LINE"), verdicts(run.out()));
    }

    @Test
    void outputFile() throws IOException {
        Path out = dir.resolve("reports/audit.json");

        CliRun run = audit("--code", EXAMPLE_CODE, "--review", EXAMPLE_REVIEW, "--format", "JSON", "-o", out).assertNoStackTrace();

        assertEquals(ExitCode.FINDINGS, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertEquals(7, new ObjectMapper().readTree(Files.readString(out)).get("claims").size());
    }

    @Test
    void anOutputThatCannotBeWrittenGoesToStandardOutputWithExit2() throws IOException {
        Path blocker = write(dir.resolve("blocker"), "a file, not a directory");

        CliRun run = audit("--code", EXAMPLE_CODE, "--review", EXAMPLE_REVIEW, "-o", blocker.resolve("audit.txt"))
                .assertNoStackTrace();

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.errLines().get(0).startsWith("secreview: error: cannot write "), run::toString);
        assertTrue(run.out().contains("Claims: 7, supported: 2 (29%)"), run::toString);
    }

    @Test
    void helpNamesTheOptionsVerdictsAndExitCodes() {
        CliRun run = audit("--help");

        assertEquals(0, run.exitCode(), run::toString);
        for (String expected : List.of("--code=FILE", "--review=REVIEW", "--tree=DIR", "--library-path=DIR", "-f, --format=FORMAT",
                "-o, --output=FILE", "SUPPORTED", "UNSUPPORTED", "CONTRADICTED", "UNKNOWN_SYMBOL", "BAD_LINE", "MISNAMED_CWE",
                "NOT_A_WEAKNESS", "UNVERIFIED", "Exit codes: 0 every claim supported")) {
            assertTrue(run.out().contains(expected), () -> "help lacks " + expected + ":\n" + run.out());
        }
    }

    @Test
    void theTopLevelCommandListsAudit() {
        CliRun run = CliRun.run().assertNoStackTrace();

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertTrue(run.err().contains("scan, review, baseline, audit,"), run::toString);
        assertTrue(CliRun.run("--help").out().contains("audit"));
    }

    /** "1 SUPPORTED", "2 BAD_LINE", ... from the text output's claim headings. */
    private static List<String> verdicts(String text) {
        return HEADING.matcher(text).results().map(m -> m.group(1) + " " + m.group(2)).toList();
    }
}
