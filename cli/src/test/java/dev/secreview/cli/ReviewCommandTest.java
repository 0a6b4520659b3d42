package dev.secreview.cli;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.secreview.cli.CliRun.run;
import static dev.secreview.cli.CliRun.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `review` and `baseline` end to end, on a real git repository built here with JGit. */
class ReviewCommandTest {

    private static final String RUNNER = """
            import subprocess


            def run(cmd):
                return subprocess.call(cmd, shell=True)
            """;
    private static final String VIEWS = """
            from flask import Flask, request

            from app.runner import run

            app = Flask(__name__)


            @app.route("/ping")
            def ping():
                run("ping -c 1 " + request.args.get("host", ""))
                return "ok"
            """;
    private static final String HASHES = """
            import hashlib


            def digest(data):
                return hashlib.md5(data).hexdigest()
            """;

    @TempDir
    Path repo;

    private String commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor("R", "r@example.org").setCommitter("R", "r@example.org")
                .setSign(false).call().getName();
    }

    private static CliRun review(Object... args) {
        String[] all = new String[args.length + 2];
        all[0] = "review";
        all[1] = "--no-progress";
        for (int i = 0; i < args.length; i++) all[i + 2] = args[i].toString();
        return run(all);
    }

    @Test
    void aBranchWithARenameADeletionABinaryFileAndANewCrossFileFlowGetsOneFinding() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write(repo.resolve("app/__init__.py"), "");
            write(repo.resolve("app/runner.py"), RUNNER);
            write(repo.resolve("app/hashes.py"), HASHES);
            write(repo.resolve("app/old.py"), "import pickle\n\n\ndef load(blob):\n    return pickle.loads(blob)\n");
            String base = commit(git, "first");
            Files.move(repo.resolve("app/hashes.py"), repo.resolve("app/digests.py"));
            Files.delete(repo.resolve("app/old.py"));
            Files.write(repo.resolve("app/data.py"), new byte[] {0, 1, 2, (byte) 0xfe, 0});
            commit(git, "rename, delete, binary");
            write(repo.resolve("app/views.py"), VIEWS);
            commit(git, "views");

            CliRun result = review(repo, "--git", base + "..HEAD", "-f", "json");

            assertEquals(ExitCode.FINDINGS, result.exitCode(), result::toString);
            assertTrue(result.out().contains("\"ruleId\": \"py-command-injection\""), result::toString);
            assertTrue(result.out().contains("The change makes this reachable: app/views.py:10"), result::toString);
            assertTrue(!result.out().contains("py-weak-hash") && !result.out().contains("py-pickle"),
                    "the renamed file's known finding is not the change's, the deleted file's is gone: " + result);
            assertTrue(result.err().contains(": 4 files changed ("), result::toString);
            assertTrue(result.err().contains("1 new findings (0 on changed lines, 1 made reachable)"), result::toString);
        }
    }

    @Test
    void aCleanChangeSaysSoAndABaseThatDoesNotExistIsOneLine() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write(repo.resolve("app/runner.py"), RUNNER);
            commit(git, "first");
            write(repo.resolve("app/util.py"), "def add(a, b):\n    return a + b\n");

            CliRun clean = review(repo);
            assertEquals(ExitCode.CLEAN, clean.exitCode(), clean::toString);
            assertTrue(clean.out().contains("No security defects are detected in the code. (1 file reviewed)"), clean::toString);

            CliRun missing = review(repo, "--git", "v9.9..HEAD");
            assertEquals(ExitCode.USAGE_OR_IO_ERROR, missing.exitCode());
            assertEquals(List.of("secreview: error: `v9.9` does not exist in " + repo.toRealPath()), missing.errLines());
            missing.assertNoStackTrace();
        }
    }

    /** A servlet whose new `Lookup` helper builds the query the old code passed as a parameter. */
    private static final String SERVLET = """
            package shop;

            import javax.servlet.http.HttpServlet;
            import javax.servlet.http.HttpServletRequest;
            import javax.servlet.http.HttpServletResponse;

            public class OrderServlet extends HttpServlet {
                private final Lookup lookup = new Lookup();

                protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
                    lookup.find(request.getParameter("customer"));
                }
            }
            """;

    @Test
    void aJavaChangeThatMakesAnOldParameterReachASqlStringIsTheChangesFinding() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write(repo.resolve("src/main/java/shop/OrderServlet.java"), SERVLET);
            write(repo.resolve("src/main/java/shop/Lookup.java"), """
                    package shop;

                    import java.sql.Connection;
                    import java.sql.PreparedStatement;

                    public class Lookup {
                        private Connection connection;

                        public void find(String customer) throws Exception {
                            try (PreparedStatement query = connection.prepareStatement("SELECT * FROM orders WHERE customer = ?")) {
                                query.setString(1, customer);
                                query.executeQuery();
                            }
                        }
                    }
                    """);
            String base = commit(git, "first");
            write(repo.resolve("src/main/java/shop/Lookup.java"), """
                    package shop;

                    import java.sql.Connection;
                    import java.sql.Statement;

                    public class Lookup {
                        private Connection connection;

                        public void find(String customer) throws Exception {
                            try (Statement statement = connection.createStatement()) {
                                statement.executeQuery("SELECT * FROM orders WHERE customer = '" + customer + "'");
                            }
                        }
                    }
                    """);
            commit(git, "inline the query");

            CliRun result = review(repo, "--git", base + "..HEAD", "-f", "json");

            assertEquals(ExitCode.FINDINGS, result.exitCode(), result::toString);
            assertTrue(result.out().contains("\"ruleId\": \"java-sql-injection\""), result::toString);
            assertTrue(result.out().contains("src/main/java/shop/OrderServlet.java"), "the path starts in the servlet: " + result);
            assertTrue(result.err().contains("1 new findings (1 on changed lines, 0 made reachable)"), result::toString);
        }
    }

    /** A diff of HASHES that adds a password hashed with MD5 (line 9). */
    private static final String PASSWORD_HASH_PATCH = """
            --- a/app/hashes.py
            +++ b/app/hashes.py
            @@ -3,3 +3,7 @@
             
             def digest(data):
                 return hashlib.md5(data).hexdigest()
            +
            +
            +def hash_password(password):
            +    return hashlib.md5(password.encode()).hexdigest()
            """;

    @Test
    void aUnifiedDiffIsAppliedToTheFolderAndReviewed() throws Exception {
        write(repo.resolve("app/hashes.py"), HASHES);
        Path patch = write(repo.resolve("../" + repo.getFileName() + "-change.patch"), PASSWORD_HASH_PATCH);

        CliRun result = review(repo, "--diff", patch, "-f", "json");

        assertEquals(ExitCode.FINDINGS, result.exitCode(), result::toString);
        assertTrue(result.out().contains("\"startLine\": 9,"), result::toString);
        assertTrue(result.err().contains("1 new findings (1 on changed lines, 0 made reachable)"), result::toString);
    }

    /** The patched copy is walked as the folder is: its virtualenv and what git ignores in it stay out. */
    @Test
    void aDiffReviewLeavesOutWhatTheScanOfTheFolderLeavesOut() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write(repo.resolve("app/hashes.py"), HASHES);
            write(repo.resolve(".gitignore"), "generated/\n");
            commit(git, "first");
            write(repo.resolve("generated/api.py"), RUNNER);
            write(repo.resolve(".venv/pyvenv.cfg"), "home = /usr/bin\n");
            write(repo.resolve(".venv/lib/python3.11/site-packages/dep.py"), RUNNER);
            Path patch = write(repo.resolve("../" + repo.getFileName() + "-change.patch"), PASSWORD_HASH_PATCH);

            CliRun result = review(repo, "--diff", patch, "-f", "json");

            assertEquals(ExitCode.FINDINGS, result.exitCode(), result::toString);
            assertTrue(result.err().contains("1 new findings (1 on changed lines, 0 made reachable)"), result::toString);
            assertTrue(!result.out().contains("generated/api.py") && !result.out().contains("dep.py"), result::toString);
        }
    }

    @Test
    void aBaselineKeepsKnownFindingsQuietAndANewCopyIsNew() throws Exception {
        write(repo.resolve("app/hashes.py"), HASHES);
        Path baseline = repo.resolve("known.json");

        CliRun recorded = run("baseline", "--no-progress", repo.toString(), "-o", baseline.toString());
        assertEquals(ExitCode.CLEAN, recorded.exitCode(), recorded::toString);
        assertEquals(List.of("secreview: recorded 1 findings of 1 files in " + baseline), recorded.errLines());

        CliRun known = run("scan", "--no-progress", repo.toString(), "--baseline", baseline.toString());
        assertEquals(ExitCode.CLEAN, known.exitCode(), known::toString);
        assertTrue(known.out().contains("Suppressed findings: 1"), known::toString);

        write(repo.resolve("app/hashes.py"), HASHES + "\n\ndef again(data):\n    return hashlib.md5(data).hexdigest()\n");
        CliRun again = run("scan", "--no-progress", repo.toString(), "--baseline", baseline.toString());
        assertEquals(ExitCode.FINDINGS, again.exitCode(), again::toString);

        CliRun absent = run("scan", "--no-progress", repo.toString(), "--baseline", repo.resolve("nope.json").toString());
        assertEquals(ExitCode.USAGE_OR_IO_ERROR, absent.exitCode());
        assertEquals(1, absent.errLines().size(), absent::toString);
        assertEquals("", absent.out());
    }
}
