package dev.secreview.python;

import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.SourceFile;
import dev.secreview.python.rules.injection.SubprocessShellRule;
import dev.secreview.python.rules.reliability.RequestNoTimeoutRule;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PythonFrontEndTest {
    private static final String SHELL = "import subprocess\n\ndef f(x):\n    subprocess.run('ls ' + x, shell=True)\n";
    private static final String FETCH = "import requests\n\ndef f(url):\n    return requests.get(url)\n";

    private static List<Finding> findings(String displayPath, String projectPath, String code) {
        SourceFile source = new SourceFile(Path.of(displayPath), displayPath, projectPath, code);
        return new PythonFrontEnd(List.of(new SubprocessShellRule(), new RequestNoTimeoutRule()))
                .analyze(source).findings();
    }

    private static List<Finding> findings(String path, String code) {
        return findings(path, path, code);
    }

    @Test
    void rulesDoNotReviewTestCodeUnlessTheyAskTo() {
        assertEquals(1, findings("nova/compute/manager.py", SHELL).size());
        assertEquals(0, findings("nova/tests/unit/test_manager.py", SHELL).size());
        assertEquals(0, findings("app/tests.py", SHELL).size());
    }

    @Test
    void findingsInOperatorToolsAreOneStepLowerAndSayWhy() {
        Finding service = findings("nova/compute/manager.py", SHELL).get(0);
        Finding tool = findings("tools/release.py", SHELL).get(0);
        assertEquals(Severity.HIGH, service.severity());
        assertEquals(Severity.MEDIUM, tool.severity());
        assertEquals(service.confidence(), tool.confidence());
        assertEquals("py-subprocess-shell", tool.rule().id());
        assertEquals(4, tool.line());
        assertTrue(tool.message().contains("`tools/release.py` is a tool run by an operator"), tool.message());
        assertFalse(service.message().contains("operator"), service.message());
    }

    @Test
    void availabilityRulesDoNotReviewOperatorTools() {
        assertEquals(List.of("py-request-no-timeout"),
                findings("glance/api/v2/images.py", FETCH).stream().map(f -> f.rule().id()).toList());
        assertEquals(List.of(), findings("glance/cmd/replicator.py", FETCH));
        assertEquals(List.of(), findings("horizon/management/commands/pull_catalog.py", FETCH));
    }

    @Test
    void theRoleComesFromThePathInsideTheProjectNotTheFoldersAboveIt() {
        assertEquals(Severity.HIGH, findings("/home/me/tools/proj/app/views.py", "app/views.py", SHELL).get(0).severity());
        assertEquals(1, findings("/srv/tests/proj/app/views.py", "app/views.py", SHELL).size());
    }
}
