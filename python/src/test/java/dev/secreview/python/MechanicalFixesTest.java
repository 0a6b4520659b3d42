package dev.secreview.python;

import dev.secreview.conformance.Fixture;
import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.model.TextRange;
import dev.secreview.core.rule.Rewrite;
import dev.secreview.python.api.PythonRule;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every mechanical fix a rule declares, applied to the findings of its fixture, leaves code that parses and
 * that the rule no longer reports at that place; and every one of its rewrites is used there at least once.
 */
class MechanicalFixesTest {

    static Stream<Named<PythonRule>> rulesWithFixes() {
        return PythonFrontEnd.installedRules().stream()
                .filter(rule -> !rule.metadata().rewrites().isEmpty())
                .map(rule -> Named.of(rule.metadata().id(), rule));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesWithFixes")
    void aFixClearsItsFinding(PythonRule rule) throws Exception {
        List<Rewrite> rewrites = rule.metadata().rewrites();
        SourceFile source = Fixture.load(MechanicalFixesTest.class, "/fixtures/" + rule.metadata().id() + ".py").source();
        PythonFrontEnd frontEnd = new PythonFrontEnd(List.of(rule));

        List<String> problems = new ArrayList<>();
        Set<Rewrite> used = new HashSet<>();
        for (Finding finding : frontEnd.analyze(source).findings()) {
            int start = offset(source, finding.range().startLine(), finding.range().startColumn());
            String code = source.text().substring(start, offset(source, finding.range().endLine(),
                    finding.range().endColumn()));
            Optional<Rewrite.Edit> edit = Rewrite.firstIn(rewrites, code);
            if (edit.isEmpty()) continue;
            rewrites.stream().filter(r -> Rewrite.firstIn(List.of(r), code).equals(edit)).findFirst().ifPresent(used::add);
            String fixed = source.text().substring(0, start) + edit.get().applyTo(code)
                    + source.text().substring(start + code.length());
            FileAnalysis after = frontEnd.analyze(new SourceFile(source.path(), source.displayPath(), fixed));
            if (!after.diagnostics().isEmpty()) problems.add(code + " -> " + after.diagnostics());
            if (after.findings().stream().anyMatch(f -> f.line() == finding.line())) {
                problems.add("still reported: " + edit.get().applyTo(code));
            }
        }
        rewrites.stream().filter(r -> !used.contains(r)).forEach(r -> problems.add("no fixture case for " + r.find()));
        assertEquals(List.of(), problems);
    }

    private static int offset(SourceFile source, int line, int column) {
        return source.lineStart(line) + column - 1;
    }
}
