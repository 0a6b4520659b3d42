package dev.secreview.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job as a user runs it ({@code secreview-spark --repositories FILE -o DIR}) in local mode, once for the class:
 * the bundled examples (a folder reviewed as it is), a small git repository cloned at a tag, and repositories that
 * cannot be checked out. Its findings must be exactly what the secreview command reports for the same trees.
 */
class SparkReviewTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    @TempDir
    static Path work;

    private static SparkSession spark;
    private static Path gitRepository;
    private static String taggedCommit;
    private static String headCommit;
    private static Path bareRepository;
    private static Path output;
    private static int exitCode;
    private static String messages;

    @BeforeAll
    static void runTheJob() throws Exception {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("secreview-spark-test")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        gitRepository = smallGitRepository(work.resolve("service"));
        Path list = work.resolve("repositories.csv");
        Files.writeString(list, String.join("\n",
                "repository,revision",
                "# the bundled examples, reviewed where they are",
                EXAMPLES.toString(),
                gitRepository.toUri() + ",v1",
                bareRepository.toString(),
                work.resolve("no-such-folder").toString(),
                "file:///no/such/repository.git",
                gitRepository.toUri() + ",no-such-tag",
                ""));
        output = work.resolve("out");
        StringWriter err = new StringWriter();
        exitCode = SparkReview.run(new String[]{"--repositories", list.toString(), "-o", output.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        messages = err.toString();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    /**
     * app.py hands request data to helper.py, which runs it in a shell (a path across two files); a pickle load
     * marked {@code # nosec} is suppressed. Tagged v1; a later commit adds a file the review at v1 must not see, and
     * that one at HEAD must: a bare clone of it is listed without a revision.
     */
    private static Path smallGitRepository(Path folder) throws Exception {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("app.py"), """
                import pickle

                from flask import Flask, request

                from helper import run

                app = Flask(__name__)


                @app.route("/run")
                def run_view():
                    return run(request.args.get("command", ""))


                @app.route("/load", methods=["POST"])
                def load_view():
                    return str(pickle.loads(request.get_data()))  # nosec
                """);
        Files.writeString(folder.resolve("helper.py"), """
                import subprocess


                def run(command):
                    return subprocess.check_output(command, shell=True)
                """);
        try (Git git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            taggedCommit = git.commit().setMessage("service").setAuthor("t", "t@example.org")
                    .setCommitter("t", "t@example.org").setSign(false).call().name();
            git.tag().setName("v1").call();
            Files.writeString(folder.resolve("later.py"), "import pickle\n\n\ndef load(blob):\n    return pickle.loads(blob)\n");
            git.add().addFilepattern(".").call();
            headCommit = git.commit().setMessage("later").setAuthor("t", "t@example.org")
                    .setCommitter("t", "t@example.org").setSign(false).call().name();
            bareRepository = folder.resolveSibling("service.git");
            Git.cloneRepository().setURI(folder.toUri().toString()).setBare(true).setDirectory(bareRepository.toFile())
                    .call().close();
            // The work tree back at v1: what the secreview command is compared on.
            git.checkout().setName("v1").call();
        }
        return folder;
    }

    @Test
    void theJobSucceedsAndSaysWhatItDid() {
        assertEquals(SparkReview.FINDINGS, exitCode, messages);
        assertTrue(messages.contains("6 repositories: 3 reviewed, 3 failed"), messages);
    }

    @Test
    void findingsAreExactlyThoseOfTheScanCommand() throws IOException {
        for (Path root : List.of(EXAMPLES, gitRepository)) {
            String repository = root.equals(EXAMPLES) ? EXAMPLES.toString() : gitRepository.toUri() + "";
            Set<List<Object>> fromSpark = new HashSet<>();
            for (Row row : findings().stream().filter(r -> r.getAs("repository").equals(repository)).toList()) {
                fromSpark.add(List.of(row.getAs("path"), row.getAs("line"), row.getAs("rule"), row.getAs("cwe"),
                        String.valueOf((Object) row.getAs("pillar")), row.getAs("severity"), row.getAs("confidence"),
                        row.getAs("suppressed")));
            }
            Set<List<Object>> fromCli = new HashSet<>();
            for (JsonNode file : JSON.readTree(cli(root, "scan", "--no-cache", "--no-progress", "-f", "json", ".")).get("files")) {
                for (JsonNode f : file.get("findings")) {
                    fromCli.add(List.of(relative(root, f.at("/location/path").asText()), f.at("/location/startLine").asInt(),
                            f.get("ruleId").asText(), f.at("/cwe/id").asInt(),
                            f.at("/cwe/pillar/id").isMissingNode() ? "null" : f.at("/cwe/pillar/id").asText(),
                            f.get("severity").asText(), f.get("confidence").asText(), !f.get("suppressed").isNull()));
                }
            }
            assertFalse(fromCli.isEmpty(), root + " has findings");
            assertEquals(fromCli, fromSpark, root.toString());
        }
    }

    @Test
    void fingerprintsAreThoseOfTheBaseline() throws IOException {
        for (Path root : List.of(EXAMPLES, gitRepository)) {
            Path baseline = work.resolve("baseline-" + root.getFileName() + ".json");
            cli(root, "baseline", "--no-cache", "--no-progress", "-o", baseline.toString(), ".");
            Set<List<Object>> recorded = new HashSet<>();
            for (JsonNode entry : JSON.readTree(baseline.toFile()).get("findings")) {
                recorded.add(List.of(relative(root, entry.get("path").asText()), entry.get("line").asInt(),
                        entry.get("rule").asText(), entry.get("fingerprint").asText()));
            }
            String repository = root.equals(EXAMPLES) ? EXAMPLES.toString() : gitRepository.toUri() + "";
            Set<List<Object>> fromSpark = findings().stream()
                    .filter(r -> r.getAs("repository").equals(repository) && !r.<Boolean>getAs("suppressed"))
                    .map(r -> List.<Object>of(r.getAs("path"), r.getAs("line"), r.getAs("rule"), r.getAs("fingerprint")))
                    .collect(Collectors.toSet());
            assertEquals(recorded, fromSpark, root.toString());
        }
    }

    @Test
    void aRepositoryIsReviewedAtTheRevisionAsked() {
        List<Row> service = findings().stream()
                .filter(r -> r.getAs("repository").equals(gitRepository.toUri().toString())).toList();
        assertTrue(service.stream().allMatch(r -> taggedCommit.equals(r.getAs("revision"))), service.toString());
        assertTrue(service.stream().noneMatch(r -> r.getAs("path").equals("later.py")), service.toString());
        assertTrue(service.stream().anyMatch(r -> r.getAs("path").equals("helper.py")
                && r.getAs("rule").equals("py-command-injection")), "the path from app.py to helper.py: " + service);
        assertTrue(service.stream().anyMatch(r -> r.getAs("path").equals("app.py") && r.<Boolean>getAs("suppressed")),
                "the pickle load marked # nosec: " + service);
    }

    @Test
    void aBareRepositoryIsClonedAtItsHead() {
        List<Row> service = findings().stream()
                .filter(r -> r.getAs("repository").equals(bareRepository.toString())).toList();
        assertTrue(service.stream().allMatch(r -> headCommit.equals(r.getAs("revision"))), service.toString());
        assertTrue(service.stream().anyMatch(r -> r.getAs("path").equals("later.py")), service.toString());
    }

    @Test
    void repositoriesThatCannotBeCheckedOutAreErrorRows() {
        Map<String, Row> errors = spark.read().parquet(output.resolve(ReviewTables.ERRORS).toString()).collectAsList()
                .stream().collect(Collectors.toMap(r -> r.getAs("repository") + " " + r.getAs("revision"), r -> r));
        assertEquals(Set.of(work.resolve("no-such-folder") + " null", "file:///no/such/repository.git null",
                gitRepository.toUri() + " no-such-tag"), errors.keySet());
        errors.values().forEach(row -> assertEquals("checkout", row.getAs("stage")));
        assertTrue(errors.get(work.resolve("no-such-folder") + " null").<String>getAs("message").contains("no such folder"));
        assertTrue(errors.get(gitRepository.toUri() + " no-such-tag").<String>getAs("message")
                .contains("no revision 'no-such-tag'"));
        assertTrue(errors.get("file:///no/such/repository.git null").<String>getAs("message")
                .startsWith("cannot clone file:///no/such/repository.git"));
    }

    @Test
    void theFindingsDatasetHasItsDocumentedSchemaAndReadsBack() {
        List<String> columns = Arrays.stream(spark.read().parquet(output.resolve(ReviewTables.FINDINGS).toString())
                .schema().fields()).map(field -> field.name() + " " + field.dataType().simpleString()).toList();
        assertEquals(List.of("repository string", "revision string", "path string", "line int", "rule string",
                "cwe int", "pillar int", "severity string", "confidence string", "fingerprint string",
                "suppressed boolean"), columns);
        // The README's example finding.
        Row injection = findings().stream().filter(r -> r.getAs("path").equals("inventory/api.py")
                && r.<Integer>getAs("line") == 20).findFirst().orElseThrow();
        assertEquals(List.of(EXAMPLES.toString(), "py-command-injection", 78, 707, "high", "high", false),
                List.of(injection.getAs("repository"), injection.getAs("rule"), injection.getAs("cwe"),
                        injection.getAs("pillar"), injection.getAs("severity"), injection.getAs("confidence"),
                        injection.getAs("suppressed")));
        assertEquals(32, injection.<String>getAs("fingerprint").length());
    }

    @Test
    void eachRepositoryReviewedHasItsSarifFileWithItsFindings() throws IOException {
        List<Row> repositories = spark.read().parquet(output.resolve(ReviewTables.REPOSITORIES).toString()).collectAsList();
        assertEquals(3, repositories.size());
        for (Row repository : repositories) {
            JsonNode sarif = JSON.readTree(output.resolve(ReviewTables.SARIF).resolve(repository.<String>getAs("sarif")).toFile());
            assertEquals("2.1.0", sarif.get("version").asText());
            Set<List<Object>> results = new HashSet<>();
            for (JsonNode result : sarif.at("/runs/0/results")) {
                JsonNode place = result.at("/locations/0/physicalLocation");
                results.add(List.of(place.at("/artifactLocation/uri").asText(), place.at("/region/startLine").asInt(),
                        result.get("ruleId").asText()));
            }
            Set<List<Object>> rows = findings().stream()
                    .filter(r -> r.getAs("repository").equals(repository.getAs("repository")))
                    .map(r -> List.<Object>of(r.getAs("path"), r.getAs("line"), r.getAs("rule")))
                    .collect(Collectors.toSet());
            assertEquals(rows, results, repository.<String>getAs("repository"));
            assertEquals(rows.size(), repository.<Integer>getAs("findings"));
        }
    }

    @Test
    void anOutputThatExistsIsAnErrorUnlessReplaced() {
        StringWriter err = new StringWriter();
        int code = SparkReview.run(new String[]{"--folder", work.toString(), "-o", output.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertEquals(SparkReview.USAGE_OR_IO_ERROR, code);
        assertEquals("secreview-spark: error: " + output + " exists (choose another --output, or --overwrite)",
                err.toString().strip());
    }

    @Test
    void helpNamesEveryOptionAndTheExitCodes() {
        StringWriter out = new StringWriter();
        int code = SparkReview.run(new String[]{"--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        for (String option : List.of("--repositories", "--folder", "--output", "--overwrite", "--threads", "--exit-zero",
                "REPOSITORY[,REVISION]", "Exit codes:")) {
            assertTrue(out.toString().contains(option), option + " in\n" + out);
        }
    }

    @Test
    void anInputIsRequired() {
        StringWriter err = new StringWriter();
        int code = SparkReview.run(new String[]{"-o", work.resolve("other").toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true));
        assertEquals(SparkReview.USAGE_OR_IO_ERROR, code);
        assertTrue(err.toString().startsWith("secreview-spark: error: Missing required argument (specify one of these):"
                + " (--repositories=FILE | --folder=DIR)"), err.toString());
    }

    private static List<Row> findings() {
        return spark.read().parquet(output.resolve(ReviewTables.FINDINGS).toString()).collectAsList();
    }

    /**
     * The standard output of the secreview command run in {@code root} on {@code .}, as a repository is reviewed from
     * its root: module names come from the paths as the command is given them, so a review of {@code /tmp/x/app}
     * may name {@code tmp.x.app.views} what one from {@code app} names {@code views}.
     */
    private static String cli(Path root, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), dev.secreview.cli.Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            int code = process.waitFor();
            assertTrue(code == 0 || code == 1, "secreview " + String.join(" ", args) + " in " + root + ": exit " + code);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }

    private static String relative(Path root, String shown) {
        return root.relativize(root.resolve(shown).normalize()).toString().replace('\\', '/');
    }
}
