package dev.secreview.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review the README's first command prints: the bundled example project's real defects are all
 * found, at their lines, and nothing else; its clean files (full of near misses) stay clean.
 */
class ExamplesReviewTest {
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final Pattern DEFECT = Pattern.compile("Location: \\S*?((?:inventory|orders)/\\S+?):(\\d+):\\d+\\n"
            + ".*Rule: (\\S+)");

    @Test
    void findsTheExampleDefectsAndNothingElse() {
        CliRun run = CliRun.scan(EXAMPLES).assertNoStackTrace();

        assertEquals(ExitCode.FINDINGS, run.exitCode(), run::toString);
        Matcher m = DEFECT.matcher(run.out());
        List<String> found = m.results().map(r -> r.group(1) + ":" + r.group(2) + " " + r.group(3))
                .collect(Collectors.toList());
        assertEquals(List.of(
                "inventory/api.py:20 py-command-injection",
                "inventory/api.py:30 py-sql-injection",
                "inventory/api.py:42 py-flask-debug",
                "inventory/auth.py:9 py-weak-hash",
                "inventory/backup.py:11 py-tarfile-extract",
                "inventory/client.py:14 py-http-no-verify",
                "inventory/client.py:14 py-request-no-timeout",
                "inventory/conf.py:11 py-oslo-insecure-default",
                "orders/OrderServlet.java:29 java-xss",
                "orders/OrderServlet.java:32 java-sql-injection"), found, run::toString);
        for (String clean : List.of("inventory/__init__.py", "inventory/db.py", "inventory/utils.py", "orders/OrderRepository.java")) {
            assertTrue(run.out().contains(clean + ": No security defects are detected in the code."), run::toString);
        }
    }
}
