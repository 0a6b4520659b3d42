package dev.secreview.change;

import dev.secreview.core.engine.ScanListener;
import dev.secreview.core.engine.ScanRequest;
import dev.secreview.core.engine.Scanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `review --diff`: a unified diff applied to a folder, reviewed like a git change; the folder is left as it was. */
class PatchChangeReviewTest {

    private final Scanner scanner = Scanner.withInstalledFrontEnds();

    @TempDir
    Path tree;
    @TempDir
    Path patches;

    private ChangeReview.Result review(Path diff) throws ChangeException {
        try (ChangeUnderReview change = PatchChange.open(tree, diff, p -> scanner.handles(Path.of(p)))) {
            return ChangeReview.review(scanner, new ScanRequest(List.of(), List.of(), 2, Set.of("remote")), change,
                    ScanListener.NONE);
        }
    }

    private void runnerTree() throws Exception {
        Files.createDirectories(tree.resolve("app"));
        Files.writeString(tree.resolve("app/__init__.py"), "");
        Files.writeString(tree.resolve("app/runner.py"), GitChangeReviewTest.RUNNER);
    }

    @Test
    void aGitDiffThatAddsAViewIsReviewedAgainstTheFolder() throws Exception {
        runnerTree();
        StringBuilder diff = new StringBuilder("""
                diff --git a/app/views.py b/app/views.py
                new file mode 100644
                --- /dev/null
                +++ b/app/views.py
                @@ -0,0 +1,12 @@
                """);
        GitChangeReviewTest.VIEWS.lines().forEach(line -> diff.append('+').append(line).append('\n'));
        Path patch = patches.resolve("views.patch");
        Files.writeString(patch, diff);

        ChangeReview.Result result = review(patch);

        assertEquals(List.of("py-command-injection app/runner.py:5"), result.review().findings().stream()
                .map(f -> f.rule().id() + " " + f.path() + ":" + f.line()).toList());
        assertEquals(1, result.madeReachable());
        assertFalse(Files.exists(tree.resolve("app/views.py")), "the reviewed folder is not modified");
    }

    @Test
    void aPlainDiffUModificationIsOnItsChangedLine() throws Exception {
        runnerTree();
        Path patch = patches.resolve("md5.diff");
        Files.writeString(patch, """
                --- a/app/runner.py
                +++ b/app/runner.py
                @@ -3,3 +3,7 @@
                 
                 def run(cmd):
                     return subprocess.call(cmd, shell=True)
                +
                +def digest(data):
                +    import hashlib
                +    return hashlib.md5(data).hexdigest()
                """);

        ChangeReview.Result result = review(patch);

        assertEquals(1, result.onChangedLines());
        assertEquals(9, result.review().findings().get(0).line());
        assertEquals("py-weak-hash", result.review().findings().get(0).rule().id());
    }

    @Test
    void aDiffThatDoesNotApplyOrIsNotADiffIsAClearError() throws Exception {
        runnerTree();
        Path stale = patches.resolve("stale.diff");
        Files.writeString(stale, """
                --- a/app/runner.py
                +++ b/app/runner.py
                @@ -1,2 +1,2 @@
                -import os
                +import shlex
                 
                """);
        ChangeException notApplying = assertThrows(ChangeException.class, () -> review(stale));
        assertTrue(notApplying.getMessage().startsWith(stale + " does not apply to " + tree), notApplying.getMessage());

        Path prose = patches.resolve("notes.txt");
        Files.writeString(prose, "just some notes\n");
        ChangeException notADiff = assertThrows(ChangeException.class, () -> review(prose));
        assertEquals(prose + ": no file changes in the diff", notADiff.getMessage());
    }
}
