package dev.secreview.change;

import dev.secreview.core.engine.ScanListener;
import dev.secreview.core.engine.ScanRequest;
import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.engine.Scanner;
import dev.secreview.core.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Baselines: known findings stay quiet after their code moves or their file is renamed; a second copy is new. */
class BaselineTest {

    static final String HASHES = """
            import hashlib


            def digest(data):
                return hashlib.md5(data).hexdigest()
            """;

    private final Scanner scanner = Scanner.withInstalledFrontEnds();

    @TempDir
    Path tree;
    @TempDir
    Path files;

    private ScanResult scan() {
        return scanner.scan(new ScanRequest(List.of(tree), List.of(), 2, Set.of("remote"), tree), ScanListener.NONE);
    }

    private KnownFindings baselineOfTheTreeNow() throws Exception {
        Path baseline = files.resolve("baseline.json");
        Files.writeString(baseline, Baseline.render(scan(), "secreview test"));
        return Baseline.read(baseline);
    }

    private List<String> unsuppressed(ScanResult review) {
        return review.findings().stream().filter(f -> !f.suppressed())
                .map(f -> f.rule().id() + " " + f.path() + ":" + f.line()).toList();
    }

    @Test
    void theFileListsRulePathFingerprintAndLine() throws Exception {
        Files.writeString(tree.resolve("hashes.py"), HASHES);
        String rendered = Baseline.render(scan(), "secreview test");
        assertTrue(rendered.startsWith("{\n  \"version\" : 1,\n  \"tool\" : \"secreview test\",\n  \"findings\" : [ {\n"
                + "    \"rule\" : \"py-weak-hash\",\n    \"path\" : \"hashes.py\",\n    \"fingerprint\" : \""), rendered);
        assertTrue(rendered.contains("\"line\" : 5"), rendered);
    }

    @Test
    void movedCodeAndRenamedFilesStayKnownButASecondCopyIsNew() throws Exception {
        Files.writeString(tree.resolve("hashes.py"), HASHES);
        KnownFindings baseline = baselineOfTheTreeNow();

        Files.delete(tree.resolve("hashes.py"));
        Files.writeString(tree.resolve("digests.py"), "# moved\n\n\n" + HASHES.replace("    return", "        return")
                .replace("def digest(data):", "def digest(data):\n    if data:") + """


                def other(data):
                    return hashlib.md5(data).hexdigest()
                """);
        ScanResult review = Baseline.apply(scan(), baseline, "baseline.json");

        assertEquals(List.of("py-weak-hash digests.py:13"), unsuppressed(review));
        Finding known = review.findings().stream().filter(Finding::suppressed).findFirst().orElseThrow();
        assertEquals(9, known.line());
        assertEquals("baseline baseline.json", known.suppression().directive());
    }

    @Test
    void aBaselineThatIsNotOneIsAnErrorThatSaysWhy() throws Exception {
        Path truncated = files.resolve("truncated.json");
        Files.writeString(truncated, "{\"version\": 1, \"findings\": [");
        assertTrue(assertThrows(ChangeException.class, () -> Baseline.read(truncated)).getMessage()
                .startsWith("baseline " + truncated + ": not valid JSON: "));

        Path wrongType = files.resolve("wrong.json");
        Files.writeString(wrongType, "{\"version\": 1, \"findings\": [{\"rule\": 3, \"path\": \"a.py\", \"fingerprint\": \"x\"}]}");
        assertEquals("baseline " + wrongType + ": findings[0].rule must be a non-empty string",
                assertThrows(ChangeException.class, () -> Baseline.read(wrongType)).getMessage());

        Path missing = files.resolve("absent.json");
        assertEquals("baseline " + missing + ": no such file (create it with `secreview baseline -o " + missing + "`)",
                assertThrows(ChangeException.class, () -> Baseline.read(missing)).getMessage());
    }
}
