package dev.secreview.python;

import dev.secreview.core.engine.AnalysisCache;
import dev.secreview.core.engine.ScanListener;
import dev.secreview.core.engine.ScanRequest;
import dev.secreview.core.engine.Scanner;
import dev.secreview.core.model.FileReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The dataflow's result kept in the disk cache is reused only for the same modules: a change in a callee's module
 * changes its caller's verdict, and a change to a test file (which has no IR) leaves the result as it was.
 */
class DataflowCacheTest {

    private static final String APP = """
            import os

            from flask import Flask, request

            from helpers import prepare

            app = Flask(__name__)


            @app.route("/ping")
            def ping():
                host = request.args.get("host", "")
                os.system("ping -c 1 " + prepare(host))
                return "sent"
            """;
    private static final String QUOTING = "import shlex\n\n\ndef prepare(text):\n    return shlex.quote(text)\n";
    private static final String PASSING = "def prepare(text):\n    return text.strip()\n";

    @TempDir
    Path tree;
    @TempDir
    Path cacheDir;

    private final Scanner scanner = new Scanner(List.of(new PythonFrontEnd()));

    @BeforeEach
    void files() throws IOException {
        Files.writeString(tree.resolve("app.py"), APP);
        Files.writeString(tree.resolve("helpers.py"), QUOTING);
        Files.createDirectories(tree.resolve("tests"));
        Files.writeString(tree.resolve("tests/test_app.py"), "def test_ping():\n    assert True\n");
    }

    private List<FileReport> scanWithCache() {
        return scanner.scan(ScanRequest.of(List.of(tree)), ScanListener.NONE, AnalysisCache.onDisk(cacheDir, "build-1"))
                .files();
    }

    private List<FileReport> scanWithoutCache() {
        return scanner.scan(ScanRequest.of(List.of(tree)), ScanListener.NONE).files();
    }

    private static List<String> commandInjections(List<FileReport> files) {
        return files.stream().flatMap(file -> file.findings().stream())
                .filter(finding -> finding.rule().id().equals("py-command-injection"))
                .map(finding -> Path.of(finding.path()).getFileName().toString()).toList();
    }

    @Test
    void aCalleeThatStopsQuotingMakesItsCallerTaintedAndBackAgain() throws IOException {
        assertEquals(List.of(), commandInjections(scanWithCache()), "the callee quotes what it returns");

        Files.writeString(tree.resolve("helpers.py"), PASSING);
        List<FileReport> passing = scanWithCache();
        assertEquals(List.of("app.py"), commandInjections(passing), "a stale summary of prepare would hide this");
        assertEquals(scanWithoutCache(), passing);

        Files.writeString(tree.resolve("helpers.py"), QUOTING);
        List<FileReport> quotingAgain = scanWithCache();
        assertEquals(List.of(), commandInjections(quotingAgain));
        assertEquals(scanWithoutCache(), quotingAgain);
    }

    @Test
    void aChangeToATestFileGivesTheReviewWithoutTheCache() throws IOException {
        Files.writeString(tree.resolve("helpers.py"), PASSING);
        scanWithCache();

        Files.writeString(tree.resolve("tests/test_app.py"), "import os\n\n\ndef test_ping():\n    os.system('true')\n");
        List<FileReport> afterTestChange = scanWithCache();

        assertEquals(scanWithoutCache(), afterTestChange);
        assertEquals(List.of("app.py"), commandInjections(afterTestChange));
    }
}
