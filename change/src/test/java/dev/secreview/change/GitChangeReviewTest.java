package dev.secreview.change;

import dev.secreview.core.engine.ScanListener;
import dev.secreview.core.engine.ScanRequest;
import dev.secreview.core.engine.Scanner;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.Finding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `review --git` on a real repository: new files, cross-file flows, renames, deletions, binary files, bad ranges. */
class GitChangeReviewTest {

    static final String RUNNER = """
            import subprocess


            def run(cmd):
                return subprocess.call(cmd, shell=True)
            """;
    static final String VIEWS = """
            from flask import Flask, request

            from app.runner import run

            app = Flask(__name__)


            @app.route("/ping")
            def ping():
                host = request.args.get("host", "")
                run("ping -c 1 " + host)
                return "ok"
            """;

    private final Scanner scanner = Scanner.withInstalledFrontEnds();

    @TempDir
    Path dir;
    GitRepoFixture repo;
    String first;

    @BeforeEach
    void firstCommit() throws Exception {
        repo = new GitRepoFixture(dir);
        first = repo.write("app/__init__.py", "").write("app/runner.py", RUNNER).commit("runner");
    }

    private ChangeReview.Result review(String range, boolean staged) throws ChangeException {
        try (ChangeUnderReview change = GitChange.open(dir, range, staged, p -> scanner.handles(Path.of(p)))) {
            return ChangeReview.review(scanner, new ScanRequest(List.of(), List.of(), 2, Set.of("remote")), change,
                    ScanListener.NONE);
        }
    }

    private static List<String> shown(ChangeReview.Result result) {
        return result.review().findings().stream()
                .map(f -> f.rule().id() + " " + f.path() + ":" + f.line() + " " + f.severity().label() + "/"
                        + f.confidence().label())
                .toList();
    }

    @Test
    void aNewSourceFlowingIntoAnOldSinkIsTheChangesFindingAndSaysWhere() throws Exception {
        String second = repo.write("app/views.py", VIEWS).commit("views");

        ChangeReview.Result result = review(first + ".." + second, false);

        assertEquals(List.of("py-command-injection app/runner.py:5 high/high"), shown(result));
        Finding finding = result.review().findings().get(0);
        assertTrue(finding.message().endsWith("The change makes this reachable: app/views.py:10 "
                + "(`host = request.args.get(\"host\", \"\")`) is new or modified."), finding.message());
        assertEquals(0, result.onChangedLines());
        assertEquals(1, result.madeReachable());
    }

    @Test
    void aRenamedFileKeepsItsOldFindingsAndACleanChangeSaysSo() throws Exception {
        String second = repo.write("app/views.py", VIEWS).commit("views");
        repo.delete("app/runner.py").write("app/shell.py", RUNNER)
                .write("app/views.py", VIEWS.replace("app.runner", "app.shell"));
        String third = repo.commit("rename the runner");

        ChangeReview.Result result = review(second + ".." + third, false);

        assertEquals(List.of(), shown(result));
        assertEquals(0, result.removed());
    }

    @Test
    void aDefectOnAnAddedLineIsReportedAndABinaryFileIsADiagnosticNotACrash() throws Exception {
        repo.write("app/runner.py", RUNNER + """


                def digest(data):
                    import hashlib
                    return hashlib.md5(data).hexdigest()
                """).writeBytes("app/blob.py", new byte[] {0x00, 0x01, 0x02, (byte) 0xff, 0x00});
        String second = repo.commit("digest and a binary file");

        ChangeReview.Result result = review(first + ".." + second, false);

        assertEquals(1, result.onChangedLines());
        assertEquals("app/runner.py", result.review().findings().get(0).path());
        assertEquals(10, result.review().findings().get(0).line());
        assertTrue(result.review().diagnostics().stream()
                .anyMatch(d -> d.path().equals("app/blob.py") && d.kind() == Diagnostic.Kind.BINARY),
                result.review().diagnostics().toString());
    }

    @Test
    void aDefectMadeOnTheLastLineOfACallSpanningSeveralIsOnTheChangedLines() throws Exception {
        String call = """
                import requests


                def status(url):
                    return requests.get(
                        url,
                        timeout=5,%s
                    )
                """;
        String second = repo.write("app/status.py", call.formatted("")).commit("status");
        String third = repo.write("app/status.py", call.formatted("\n        verify=False,")).commit("no verification");

        ChangeReview.Result result = review(second + ".." + third, false);

        assertEquals(List.of("py-http-no-verify app/status.py:5 high/high"), shown(result));
        assertEquals(1, result.onChangedLines());
        assertEquals(0, result.madeReachable());
    }

    @Test
    void aDeletedFileTakesItsFindingsAwayAndCountsThemRemoved() throws Exception {
        String second = repo.write("app/views.py", VIEWS).commit("views");
        String third = repo.delete("app/views.py").commit("no views");

        ChangeReview.Result result = review(second + ".." + third, false);

        assertEquals(List.of(), shown(result));
        assertEquals(1, result.removed());
    }

    @Test
    void theWorkingTreeAndTheStagedChangesAreChangesToo() throws Exception {
        repo.write("app/views.py", VIEWS);

        assertEquals(List.of("py-command-injection app/runner.py:5 high/high"), shown(review("HEAD", false)));
        assertEquals(List.of(), shown(review("HEAD", true)), "nothing is staged yet");

        repo.stage();
        assertEquals(List.of("py-command-injection app/runner.py:5 high/high"), shown(review("HEAD", true)));
    }

    @Test
    void aBaseThatDoesNotExistIsAClearError() {
        ChangeException missing = assertThrows(ChangeException.class, () -> review("no-such-branch..HEAD", false));
        assertTrue(missing.getMessage().startsWith("`no-such-branch` does not exist in "), missing.getMessage());

        ChangeException notARepo = assertThrows(ChangeException.class,
                () -> GitChange.open(dir.getParent().resolve("elsewhere-" + System.nanoTime()), "HEAD", false, p -> true));
        assertTrue(notARepo.getMessage().endsWith("no such file or directory"), notARepo.getMessage());
    }

    @Test
    void aChangeIsReadWithoutTheMachinesGitConfiguration() throws Exception {
        try (ChangeUnderReview change = GitChange.open(dir, "HEAD", false, p -> true)) {
            assertEquals(null, org.eclipse.jgit.util.SystemReader.getInstance()
                    .openSystemConfig(null, org.eclipse.jgit.util.FS.DETECTED).getFile(),
                    "JGit would run git twice to find the system configuration");
        }
    }
}
