package dev.secreview.conformance;

import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.engine.LanguageFrontEnd;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.eval.InlineExpectations;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every dataflow rule of a front end's models (its {@code kinds.models}) is as complete as a pattern rule: a real CWE
 * weakness with a pillar, a doc page, a line in the rules index, and a fixture application under
 * {@code src/test/resources/taint/<rule-id>/}. The whole pipeline ({@code analyze} per file, then {@code reviewTree})
 * runs on it, and its findings are compared with the inline {@code expect:} / {@code ok:} markers: those of the
 * tree's own rule and of every other dataflow rule the tree has markers for (a missing or an extra finding fails).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DataflowRuleConformance {

    private static final String ROOT = "/taint/";

    /** The front end under test. */
    protected abstract FrontEndUnderTest frontEnd();

    Stream<Named<RuleMetadata>> rules() {
        return frontEnd().models().rules().stream().map(rule -> Named.of(rule.id(), rule));
    }

    /** The fixture tree of {@code id}, or null when it has none. */
    private Path fixtureTree(String id) throws Exception {
        URL url = getClass().getResource(ROOT + id);
        return url == null ? null : Path.of(url.toURI());
    }

    @Test
    void idsAreUniqueAndDoNotClashWithPatternRules() {
        FrontEndUnderTest f = frontEnd();
        Set<String> ids = new HashSet<>();
        f.patternRules().forEach(rule -> ids.add(rule.id()));
        for (RuleMetadata rule : f.models().rules()) assertTrue(ids.add(rule.id()), "duplicate id " + rule.id());
        assertEquals(f.dataflowRules(), f.models().rules().size(), "the number of dataflow rules changed: update the docs and fixtures");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void cweIsANonDeprecatedWeaknessWithAPillar(RuleMetadata m) {
        RuleDocs.cweIsANonDeprecatedWeaknessWithAPillar(m, frontEnd().language());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void hasADocPageWithTheFixedSections(RuleMetadata m) throws IOException {
        RuleDocs.hasADocPageWithTheFixedSections(m, getClass());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void isListedInTheRulesIndexWithItsCwe(RuleMetadata m) throws IOException {
        RuleDocs.isListedInTheRulesIndexWithItsCwe(m);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void findingsMatchTheFixtureMarkers(RuleMetadata rule) throws Exception {
        FrontEndUnderTest f = frontEnd();
        String id = rule.id();
        Path tree = fixtureTree(id);
        assertNotNull(tree, "missing fixture tree " + f.module() + "/src/test/resources/taint/" + id + "/");
        Set<String> taintIds = f.models().rules().stream().map(RuleMetadata::id).collect(Collectors.toSet());

        LanguageFrontEnd frontEnd = f.frontEnd().get();
        Map<String, SourceFile> sources = new LinkedHashMap<>();
        Map<String, FileAnalysis> analyses = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tree)) {
            files = walk.filter(p -> p.toString().endsWith(f.extension())).sorted().toList();
        }
        assertTrue(!files.isEmpty(), id + ": the fixture tree has no " + f.extension() + " files");
        for (Path file : files) {
            String display = "taint/" + id + "/" + tree.relativize(file).toString().replace('\\', '/');
            SourceFile source = new SourceFile(file, display, Files.readString(file, StandardCharsets.UTF_8));
            sources.put(display, source);
            analyses.put(display, frontEnd.analyze(source));
        }
        Map<String, FileAnalysis> reviewed = frontEnd.reviewTree(analyses, Set.of("remote", "local", "stored"));

        // The tree's own rule, and any other dataflow rule the tree has markers for, are checked.
        Set<String> checked = new TreeSet<>(Set.of(id));
        for (SourceFile source : sources.values()) {
            for (InlineExpectations.Expectation e : InlineExpectations.parse(source)) {
                if (taintIds.contains(e.ruleId())) checked.add(e.ruleId());
            }
        }
        Set<String> expected = new TreeSet<>();
        Set<String> forbidden = new TreeSet<>();
        Map<String, String> lineText = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, SourceFile> entry : sources.entrySet()) {
            for (InlineExpectations.Expectation e : InlineExpectations.parse(entry.getValue())) {
                if (!checked.contains(e.ruleId())) continue;
                String key = entry.getKey() + ":" + e.line() + " " + e.ruleId();
                (e.flagged() ? expected : forbidden).add(key);
                lineText.put(key, entry.getValue().line(e.line()).strip());
            }
        }
        Set<String> actual = new TreeSet<>();
        Map<String, String> messages = new LinkedHashMap<>();
        reviewed.forEach((path, analysis) -> {
            analysis.diagnostics().forEach(d -> problems.add("diagnostic: " + d.render()));
            for (Finding finding : analysis.findings()) {
                if (!checked.contains(finding.rule().id())) continue;
                String key = finding.path() + ":" + finding.line() + " " + finding.rule().id();
                actual.add(key);
                messages.putIfAbsent(key, finding.snippet() + " — " + finding.message());
            }
        });
        for (String key : expected) {
            if (!actual.contains(key)) problems.add("missing " + key + ": " + lineText.get(key));
        }
        for (String key : actual) {
            if (expected.contains(key)) continue;
            problems.add((forbidden.contains(key) ? "false positive on `ok` line " : "unexpected ") + key + ": " + messages.get(key));
        }
        assertEquals(List.of(), problems, "fixture tree taint/" + id);
        assertTrue(expected.stream().anyMatch(k -> k.endsWith(" " + id)),
                id + ": the fixture tree needs an `" + f.comment() + " expect: " + id + "` case");
        assertTrue(forbidden.stream().anyMatch(k -> k.endsWith(" " + id)),
                id + ": the fixture tree needs an `" + f.comment() + " ok: " + id + "` near miss");
    }
}
