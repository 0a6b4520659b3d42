package dev.secreview.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small review loads only what it uses: no JSON or TOML library, no LLM client, no SARIF writer, no audit, no web
 * server. Checked on a fresh JVM's class-loading log, since this test's own JVM has loaded everything already.
 */
class StartupClassesTest {

    private static final List<String> NOT_FOR_A_TEXT_REVIEW = List.of("com.fasterxml.jackson.databind.",
            "com.fasterxml.jackson.dataformat.", "dev.secreview.llm.", "dev.secreview.audit.", "dev.secreview.server.",
            "dev.secreview.report.Sarif", "dev.secreview.cli.EvalCommand", "dev.secreview.cli.AuditCommand",
            "io.javalin.", "dev.langchain4j.");
    /** The type of `scan --llm-prompt`, an enum picocli reads to list the option's values. */
    private static final String OPTION_TYPE = "dev.secreview.llm.PromptStyle";

    @Test
    void aTextReviewOfOneFileLoadsNoJsonLlmSarifAuditOrServerClass(@TempDir Path dir) throws Exception {
        Path code = Files.writeString(dir.resolve("app.py"), "import hashlib\n\n\ndef digest(data):\n    return hashlib.md5(data).hexdigest()\n");
        Path log = dir.resolve("classes.log");
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "scan", "--no-cache", "--no-progress", code.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(java.waitFor(120, TimeUnit.SECONDS), "the review ends");
        assertEquals(ExitCode.FINDINGS, java.exitValue(), () -> read(dir.resolve("out.txt")));
        List<String> loaded = Files.readAllLines(log).stream().filter(line -> line.contains("[class,load]"))
                .map(line -> line.replaceFirst("^.*\\[class,load\\] ", "").split(" ")[0]).toList();
        assertTrue(loaded.contains(Main.class.getName()), "the log lists the classes loaded");
        assertEquals(List.of(), loaded.stream().filter(name -> NOT_FOR_A_TEXT_REVIEW.stream().anyMatch(name::startsWith))
                .filter(name -> !name.startsWith(OPTION_TYPE)).toList());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
