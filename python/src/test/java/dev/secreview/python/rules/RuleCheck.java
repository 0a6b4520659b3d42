package dev.secreview.python.rules;

import dev.secreview.core.model.Finding;
import dev.secreview.core.model.SourceFile;
import dev.secreview.python.PythonFrontEnd;
import dev.secreview.python.api.PythonRule;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One rule run over one file of code, as a scan runs it: its path inside the project decides the file's role. */
public final class RuleCheck {
    private RuleCheck() {
    }

    public static List<Finding> findings(PythonRule rule, String projectPath, String code) {
        SourceFile source = new SourceFile(Path.of(projectPath), projectPath, code);
        return new PythonFrontEnd(List.of(rule)).analyze(source).findings();
    }

    /** The one finding the rule reports on the code (fails when there are none or several). */
    public static Finding only(PythonRule rule, String projectPath, String code) {
        List<Finding> findings = findings(rule, projectPath, code);
        assertEquals(1, findings.size(), findings::toString);
        return findings.get(0);
    }
}
