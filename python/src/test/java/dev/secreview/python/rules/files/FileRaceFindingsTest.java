package dev.secreview.python.rules.files;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.SourceFile;
import dev.secreview.python.PythonFrontEnd;
import dev.secreview.python.api.PythonRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a reviewer reads on the fixture lines of the file-race rules: each finding says why someone else can act
 * (py-toctou-path-check) or what the window exposes (py-chmod-after-create), with its calibrated severity and confidence.
 */
class FileRaceFindingsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "py-toctou-path-check | with open(lock_path, \"w\") as f: | MEDIUM | MEDIUM | the temporary directory (`tempfile.gettempdir()`",
            "py-toctou-path-check | with open(spool_file, \"a\") as f: | MEDIUM | HIGH | it lies in `/var/tmp`, where every local user can create files",
            "py-toctou-path-check | shutil.copyfile(src, staged) | MEDIUM | HIGH | plants a symlink there in between",
            "py-toctou-path-check | with open(path, \"w\") as f: | MEDIUM | MEDIUM | checks the path with the real user's rights",
            "py-toctou-path-check | with open(path) as f: | MEDIUM | MEDIUM | checks the path with the real user's rights",
            "py-toctou-path-check | os.chmod(path, 0o600) | MEDIUM | HIGH | makes sure `path` is not a symlink",
            "py-toctou-path-check | os.chmod(path, stat.S_IRUSR | MEDIUM | MEDIUM | decides on the permission bits of `path`",
            "py-chmod-after-create | open(store_path, \"w\").close() | MEDIUM | MEDIUM | makes it private to its owner (0o600) only afterwards",
            "py-chmod-after-create | shutil.copy(src, dest) | MEDIUM | MEDIUM | makes it private to its owner (0o400)",
            "py-chmod-after-create | fd = os.open(key_path, os.O_WRONLY | MEDIUM | MEDIUM | keeps reading it through that descriptor",
    })
    void findingOnFixtureLine(String ruleId, String code, Severity severity, Confidence confidence, String words)
            throws IOException {
        String text = fixture(ruleId);
        List<Finding> findings = review(ruleId, text);
        int line = firstReportedLineWith(code, text, findings);
        Finding finding = findings.stream().filter(f -> f.line() == line).findFirst().orElseThrow();
        assertEquals(severity, finding.severity(), finding.message());
        assertEquals(confidence, finding.confidence(), finding.message());
        assertTrue(finding.message().contains(words), finding.message());
    }

    /** The first line holding {@code code} that has a finding: the fixture repeats some lines as near misses. */
    private static int firstReportedLineWith(String code, String text, List<Finding> findings) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            if (lines[i].contains(code) && findings.stream().anyMatch(f -> f.line() == line)) return line;
        }
        throw new AssertionError("no finding on a line with " + code + "; findings on lines "
                + findings.stream().map(Finding::line).toList());
    }

    private static String fixture(String ruleId) throws IOException {
        try (InputStream in = FileRaceFindingsTest.class.getResourceAsStream("/fixtures/" + ruleId + ".py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Finding> review(String ruleId, String text) {
        PythonRule rule = PythonFrontEnd.installedRules().stream()
                .filter(r -> r.metadata().id().equals(ruleId)).findFirst().orElseThrow();
        SourceFile source = new SourceFile(Path.of(ruleId + ".py"), "fixtures/" + ruleId + ".py", text);
        return new PythonFrontEnd(List.of(rule)).analyze(source).findings();
    }
}
