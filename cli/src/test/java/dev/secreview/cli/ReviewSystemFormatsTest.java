package dev.secreview.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static dev.secreview.cli.CliRun.SHELL_REQUEST;
import static dev.secreview.cli.CliRun.scan;
import static dev.secreview.cli.CliRun.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The formats review systems read, from the command line: paths as the repository knows them, rule links. */
class ReviewSystemFormatsTest {

    /** Under the working directory, as a checkout is in CI, and named by its absolute path. */
    private static final Path CHECKOUT = Path.of("target", "review-system-formats").toAbsolutePath();

    @AfterEach
    void removeCheckout() throws IOException {
        if (!Files.exists(CHECKOUT)) return;
        try (Stream<Path> files = Files.walk(CHECKOUT)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(file);
        }
    }

    @Test
    void anAbsolutePathUnderTheWorkingDirectoryIsTheRepositorysPath() throws IOException {
        Path file = write(CHECKOUT.resolve("app/ping.py"), SHELL_REQUEST);
        String relative = "target/review-system-formats/app/ping.py";

        JsonNode sarif = json(scan("-f", "sarif", file));
        JsonNode gerrit = json(scan("-f", "gerrit", file));
        JsonNode github = json(scan("-f", "github", file));

        assertEquals(relative, sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uriBaseId")
                .asText());
        assertTrue(gerrit.get("robot_comments").has(relative), gerrit.toString());
        assertEquals(relative, github.at("/comments/0/path").asText());
    }

    @Test
    void theProjectUrlLinksEachRuleToItsPage() throws IOException {
        Path file = write(CHECKOUT.resolve("app/ping.py"), SHELL_REQUEST);

        CliRun run = scan("-f", "markdown", "--project-url", "https://git.example.org/secreview/tree/main", file);

        assertEquals(ExitCode.FINDINGS, run.exitCode(), run::toString);
        assertTrue(run.out().contains("rule [`py-command-injection`](https://git.example.org/secreview/tree/main/"
                + "docs/rules/py-command-injection.md)"), run.out());
        JsonNode sarif = json(scan("-f", "sarif", "--project-url", "https://git.example.org/secreview/tree/main/", file));
        String firstRule = sarif.at("/runs/0/tool/driver/rules/0/id").asText();
        assertTrue(sarif.at("/runs/0/tool/driver/rules/0/help/markdown").asText().startsWith("# " + firstRule + "\n"),
                "the packaged rule page is the help");
    }

    private static JsonNode json(CliRun run) throws IOException {
        run.assertNoStackTrace();
        return JsonMapper.builder().build().readTree(run.out());
    }
}
