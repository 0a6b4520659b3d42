package dev.secreview.templates;

import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.model.Finding;
import dev.secreview.eval.InlineExpectations;
import dev.secreview.templates.api.TemplateRule;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs every template rule on its fixture and compares the findings with the fixture's inline markers. */
class RuleFixturesTest {

    static Stream<Named<TemplateRule>> rules() {
        return TemplateFrontEnd.installedRules().stream().map(rule -> Named.of(rule.metadata().id(), rule));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void findingsMatchTheFixtureMarkers(TemplateRule rule) throws Exception {
        String id = rule.metadata().id();
        Fixture fixture = Fixture.load("/fixtures/" + id + ".html");
        FileAnalysis analysis = new TemplateFrontEnd(List.of(rule)).analyze(fixture.source());

        List<String> problems = new ArrayList<>();
        analysis.diagnostics().forEach(d -> problems.add("diagnostic: " + d.render()));
        for (InlineExpectations.Expectation e : fixture.expectations()) {
            if (!e.ruleId().equals(id)) continue;
            boolean found = analysis.findings().stream().anyMatch(f -> f.line() == e.line());
            if (e.flagged() && !found) problems.add("missing finding on line " + e.line() + ": " + fixture.source().line(e.line()).strip());
            if (!e.flagged() && found) problems.add("false positive on `ok` line " + e.line() + ": " + fixture.source().line(e.line()).strip());
        }
        for (Finding f : analysis.findings()) {
            boolean expected = fixture.expectations().stream()
                    .anyMatch(e -> e.flagged() && e.ruleId().equals(id) && e.line() == f.line());
            if (!expected) problems.add("unexpected finding on line " + f.line() + ": " + f.snippet() + " — " + f.message());
        }
        assertEquals(List.of(), problems, "fixture " + id);
        assertTrue(fixture.expectations().stream().anyMatch(e -> e.flagged() && e.ruleId().equals(id)),
                id + " fixture needs at least one `{# expect: #}` case");
        assertTrue(fixture.expectations().stream().anyMatch(e -> !e.flagged() && e.ruleId().equals(id)),
                id + " fixture needs at least one `{# ok: #}` near miss");
    }
}
