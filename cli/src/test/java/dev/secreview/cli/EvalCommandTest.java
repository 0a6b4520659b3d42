package dev.secreview.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.secreview.cli.BadInputTest.slashes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code secreview eval} on two small Flask-like trees of the test resources. */
class EvalCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void owaspBenchmarkSuitePrintsTheScoringTableAndWritesJson() throws Exception {
        Path shop = tree("flask-shop");
        Path json = dir.resolve("out/results.json");

        CliRun run = eval("--suite", "owasp-benchmark", "--expected", shop.resolve("expected.csv"), "-o", json,
                "-j", "2", shop).assertNoStackTrace();

        assertEquals(ExitCode.SCORED, run.exitCode(), run::toString);
        assertEquals("""
                category           TP   FN   TN   FP     TPR     FPR   score
                cmdi                1    0    1    0   100.0     0.0   100.0
                deserialization     0    1    0    1     0.0   100.0  -100.0
                overall                                 50.0    50.0     0.0   precision 50.0
                """, run.out());
        assertEquals(List.of("secreview: warning: 1 of 4 test cases have no reviewed file of their name in " + shop),
                run.errLines());
        JsonNode scores = JSON.readTree(json.toFile());
        assertEquals("owasp-benchmark", scores.get("suite").asText());
        assertEquals(1, scores.at("/categories/deserialization/fp").asInt());
        assertEquals(0.5, scores.at("/total/precision").asDouble());
    }

    @Test
    void scanOptionsApplyToTheReview() throws Exception {
        Path shop = tree("flask-shop");
        CliRun run = eval("--suite", "owasp-benchmark", "--expected", shop.resolve("expected.csv"),
                "--exclude", "load_cart.py", shop);
        assertEquals(ExitCode.SCORED, run.exitCode(), run::toString);
        assertTrue(run.out().contains("\ndeserialization     0    1    1    0     0.0     0.0     0.0\n"), run::toString);
        assertTrue(run.err().contains("2 of 4 test cases have no reviewed file"), run::toString);
    }

    @Test
    void minScoreTurnsALowScoreIntoExitCodeOne() throws Exception {
        Path shop = tree("flask-shop");
        Path csv = shop.resolve("expected.csv");
        assertEquals(ExitCode.SCORED, eval("--suite", "owasp-benchmark", "--expected", csv, "--min-score", "0", shop)
                .exitCode());
        CliRun below = eval("--suite", "owasp-benchmark", "--expected", csv, "--min-score", "0.1", shop);
        assertEquals(ExitCode.BELOW_MIN_SCORE, below.exitCode(), below::toString);
        assertTrue(below.err().contains("secreview: score 0.0 is below --min-score 0.1\n"), below::toString);
    }

    @Test
    void annotationsSuiteScoresPerRuleAndListsEveryMiss() throws Exception {
        Path annotated = tree("annotated");
        String accounts = slashes(annotated.resolve("accounts.py"));

        CliRun run = eval("--suite", "annotations", annotated).assertNoStackTrace();

        assertEquals(ExitCode.SCORED, run.exitCode(), run::toString);
        assertEquals("rule               TP   FN   FP   TN  precision  recall\n"
                + "py-flask-debug      0    1    0    0          -     0.0\n"
                + "py-weak-hash        1    0    1    1       50.0   100.0\n"
                + "total               1    1    1    1       50.0    50.0   F1 50.0\n"
                + "\nFalse negatives (expected, not reported):\n"
                + "  " + accounts + ":26 py-flask-debug\n"
                + "\nFalse positives (reported, not expected):\n"
                + "  " + accounts + ":21 py-weak-hash\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws Exception {
        Path shop = tree("flask-shop");
        Path csv = shop.resolve("expected.csv");
        Path broken = Files.writeString(dir.resolve("broken.csv"), "# header\nping_host,cmdi,maybe,78\n");
        Path missing = dir.resolve("missing");
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(plain.resolve("app.py"), CliRun.CLEAN);

        assertBadInput(missing + ": no such directory", "--suite", "owasp-benchmark", "--expected", csv, missing);
        assertBadInput(csv + ": not a directory", "--suite", "owasp-benchmark", "--expected", csv, csv);
        assertBadInput(missing + ": no such file", "--suite", "owasp-benchmark", "--expected", missing, shop);
        assertBadInput(broken + ":2: real vulnerability must be true or false, not 'maybe'",
                "--suite", "owasp-benchmark", "--expected", broken, shop);
        assertBadInput("no '# expect:' or '# ok:' (or '// expect:' or '// ok:') markers in the reviewed files", "--suite", "annotations", plain);
        assertBadInput("--suite owasp-benchmark needs --expected CSV", "--suite", "owasp-benchmark", shop);
        assertBadInput("--expected is not for --suite annotations", "--suite", "annotations", "--expected", csv, shop);
        assertBadInput("unknown suite 'juliet' (use owasp-benchmark, annotations, fixes)", "--suite", "juliet", shop);
        assertBadInput("--suite fixes needs --expected CSV", "--suite", "fixes", shop);
        assertBadInput(csv + ": missing columns id, repository, advisory, cwe, fix_commit, parent_commit, file, "
                + "vulnerable_lines, class, summary", "--suite", "fixes", "--expected", csv, shop);
    }

    @Test
    void fixesSuiteScoresEachFixOnItsOwnTreesByClass() throws Exception {
        Path fixes = Files.createDirectories(dir.resolve("fixes"));
        String vulnerable = """
                import os
                from flask import Flask, request

                app = Flask(__name__)


                @app.route("/ping")
                def ping():
                    host = request.args["host"]
                    os.system("ping -c 1 " + host)
                    return "sent"
                """;
        write(fixes.resolve("ping-1/before/web/ping.py"), vulnerable);
        write(fixes.resolve("ping-1/after/web/ping.py"), vulnerable
                .replace("import os", "import subprocess")
                .replace("os.system(\"ping -c 1 \" + host)", "subprocess.call([\"ping\", \"-c\", \"1\", host])"));
        write(fixes.resolve("ping-2/before/web/ping.py"), vulnerable);
        write(fixes.resolve("ping-2/after/web/ping.py"), vulnerable.replace("host = request.args[\"host\"]",
                "host = request.args[\"host\"]\n    if len(host) > 64:\n        return \"too long\""));
        String sha = "0123456789abcdef0123456789abcdef01234567";
        Path csv = write(dir.resolve("fixes.csv"), String.join("\n",
                "id,repository,advisory,cwe,fix_commit,parent_commit,file,vulnerable_lines,class,summary",
                "ping-1,example/web,none,CWE-78," + sha + "," + sha + ",web/ping.py,10,command-injection,\"host, unquoted\"",
                "ping-2,example/web,none,CWE-77," + sha + "," + sha + ",web/ping.py,9,command-injection,host not checked",
                "login-1,example/web,none,CWE-287," + sha + "," + sha + ",web/login.py,3,authentication,not materialised",
                ""));

        CliRun run = eval("--suite", "fixes", "--expected", csv, fixes).assertNoStackTrace();

        assertEquals(ExitCode.SCORED, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("""
                class                fixes detected        % cleared  exact
                authentication           1        0      0.0       0      0
                command-injection        2        2    100.0       1      1
                total                    3        2     66.7       1      1
                """), run::toString);
        assertTrue(run.out().contains("\n  DCx ping-1 "), run::toString);
        assertTrue(run.out().contains("\n  D-- ping-2 "), run::toString);
        assertTrue(run.out().contains("ping.py:10 py-command-injection (CWE-78)\n"), run::toString);
        assertTrue(run.out().contains("ping.py:10 py-command-injection (CWE-78)"), run::toString);
        assertTrue(run.out().contains("\n  --- login-1 "), run::toString);
        assertEquals(List.of("secreview: warning: 1 of 3 fixes have no reviewed vulnerable file in " + fixes
                + " (run eval/fixes/materialise.sh)"), run.errLines());
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static void assertBadInput(String message, Object... args) {
        CliRun run = eval(args).assertNoStackTrace();
        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertEquals("secreview: error: " + message, run.errLines().get(0), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    private static CliRun eval(Object... args) {
        String[] all = new String[args.length + 2];
        all[0] = "eval";
        all[1] = "--no-progress";
        for (int i = 0; i < args.length; i++) all[i + 2] = args[i].toString();
        return CliRun.run(all);
    }

    /** A copy of a fixture tree: rules leave code under a {@code test/} folder alone, as test code. */
    private Path tree(String name) throws IOException, URISyntaxException {
        Path source = Path.of(EvalCommandTest.class.getResource("/eval/" + name).toURI());
        Path target = dir.resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(source.relativize(file).toString()));
            }
        }
        return target;
    }
}
