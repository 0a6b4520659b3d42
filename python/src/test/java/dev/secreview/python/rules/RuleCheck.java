package dev.secreview.python.rules;

import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.SourceFile;
import dev.secreview.python.PythonFrontEnd;
import dev.secreview.python.api.PythonRule;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One rule run over one file of code, as a scan runs it: its path inside the project decides the file's role. */
public final class RuleCheck {
    private RuleCheck() {
    }

    public static List<Finding> findings(PythonRule rule, String projectPath, String code) {
        SourceFile source = new SourceFile(Path.of(projectPath), projectPath, code);
        return new PythonFrontEnd(List.of(rule)).analyze(source).findings();
    }

    /**
     * The findings of the rule {@code ruleId} after a review of the files (path to code) as one tree, with every
     * installed rule and the remote threat model: what a rule that decides from the whole tree reports.
     */
    public static List<Finding> treeFindings(Map<String, String> files, String ruleId) {
        PythonFrontEnd frontEnd = new PythonFrontEnd();
        Map<String, FileAnalysis> analyses = new LinkedHashMap<>();
        files.forEach((path, code) -> analyses.put(path, frontEnd.analyze(new SourceFile(Path.of(path), path, code))));
        return frontEnd.reviewTree(analyses, Set.of("remote")).values().stream()
                .flatMap(analysis -> analysis.findings().stream())
                .filter(f -> f.rule().id().equals(ruleId)).toList();
    }

    /** The one finding the rule reports on the code (fails when there are none or several). */
    public static Finding only(PythonRule rule, String projectPath, String code) {
        List<Finding> findings = findings(rule, projectPath, code);
        assertEquals(1, findings.size(), findings::toString);
        return findings.get(0);
    }
}
