package dev.secreview.conformance;

import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.model.Finding;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.eval.InlineExpectations;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every pattern rule of a front end is complete and does what its fixture says: registered, valid metadata, a real
 * CWE weakness, a doc page, a line in the rules index, and a fixture ({@code src/test/resources/fixtures/<id>.<ext>})
 * whose findings are exactly its {@code expect:} lines, with at least one {@code expect:} and one {@code ok:} near
 * miss. A front end's test class extends this and says which front end it is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PatternRuleConformance {

    /** The front end under test. */
    protected abstract FrontEndUnderTest frontEnd();

    Stream<Named<RuleMetadata>> rules() {
        return frontEnd().patternRules().stream().map(rule -> Named.of(rule.id(), rule));
    }

    /** Registration cannot be forgotten: every class of the rules package that has a {@code @RuleInfo} is installed. */
    @Test
    void everyRuleClassIsInstalled() throws Exception {
        FrontEndUnderTest f = frontEnd();
        Path classes = Path.of(f.anchor().getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> installed = new HashSet<>(f.ruleClasses());
        List<String> missing = new ArrayList<>();
        int annotated = 0;
        try (Stream<Path> files = Files.walk(classes.resolve(f.rulesPackage()))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace(File.separatorChar, '.');
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()));
                if (!type.isAnnotationPresent(RuleInfo.class)) continue;
                annotated++;
                if (!installed.contains(type.getName())) missing.add(type.getName());
            }
        }
        assertTrue(missing.isEmpty(), "not listed in META-INF/services/" + f.ruleService() + ": " + missing);
        assertEquals(installed.size(), annotated, "every installed rule is a @RuleInfo class of the rules package");
    }

    @Test
    void idsAreUnique() {
        Set<String> ids = new HashSet<>();
        for (RuleMetadata rule : frontEnd().patternRules()) assertTrue(ids.add(rule.id()), "duplicate id " + rule.id());
        assertTrue(ids.size() >= 1);
    }

    @Test
    void theRulesIndexListsEveryRuleWithItsCwe() throws IOException {
        for (RuleMetadata rule : frontEnd().patternRules()) RuleDocs.isListedInTheRulesIndexWithItsCwe(rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void cweIsAWeaknessInTheCatalog(RuleMetadata rule) {
        RuleDocs.cweIsANonDeprecatedWeaknessWithAPillar(rule, frontEnd().language());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void hasADocPageWithTheFixedSections(RuleMetadata rule) throws IOException {
        RuleDocs.hasADocPageWithTheFixedSections(rule, getClass());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void isJudgedByAKindOfTheModelsIfAny(RuleMetadata rule) {
        String kind = rule.judgedBy();
        assertTrue(kind.isEmpty() || frontEnd().models().kind(kind).isPresent(),
                rule.id() + ": judgedBy names no kind of the models: " + kind);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void findingsMatchTheFixtureMarkers(RuleMetadata rule) throws Exception {
        FrontEndUnderTest f = frontEnd();
        String id = rule.id();
        assertNotNull(getClass().getResource("/fixtures/" + id + f.extension()),
                "missing " + f.module() + "/src/test/resources/fixtures/" + id + f.extension());
        Fixture fixture = Fixture.load(getClass(), "/fixtures/" + id + f.extension());
        FileAnalysis analysis = f.withOnlyRule().apply(id).analyze(fixture.source());

        List<String> problems = new ArrayList<>();
        analysis.diagnostics().forEach(d -> problems.add("diagnostic: " + d.render()));
        for (InlineExpectations.Expectation e : fixture.expectations()) {
            if (!e.ruleId().equals(id)) continue;
            boolean found = analysis.findings().stream().anyMatch(finding -> finding.line() == e.line());
            if (e.flagged() && !found) problems.add("missing finding on line " + e.line() + ": " + fixture.source().line(e.line()).strip());
            if (!e.flagged() && found) problems.add("false positive on `ok` line " + e.line() + ": " + fixture.source().line(e.line()).strip());
        }
        for (Finding finding : analysis.findings()) {
            boolean expected = fixture.expectations().stream()
                    .anyMatch(e -> e.flagged() && e.ruleId().equals(id) && e.line() == finding.line());
            if (!expected) problems.add("unexpected finding on line " + finding.line() + ": " + finding.snippet() + " — " + finding.message());
        }
        assertEquals(List.of(), problems, "fixture " + id);
        assertTrue(fixture.expectations().stream().anyMatch(e -> e.flagged() && e.ruleId().equals(id)),
                id + " fixture needs at least one `" + f.comment() + " expect:` case");
        assertTrue(fixture.expectations().stream().anyMatch(e -> !e.flagged() && e.ruleId().equals(id)),
                id + " fixture needs at least one `" + f.comment() + " ok:` near miss");
    }
}
