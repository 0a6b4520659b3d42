package dev.secreview.java;

import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.eval.InlineExpectations;
import dev.secreview.java.taint.JavaModels;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Runs the whole pipeline ({@code analyze} per file, then {@code reviewTree} over the tree) on each
 * taint rule's fixture application in {@code src/test/resources/taint/<rule-id>/} and compares the
 * findings with the inline {@code // expect:} / {@code // ok:} markers: those of the tree's own rule and
 * of every other dataflow rule the tree has markers for (a missing or an extra finding fails).
 */
class TaintFixturesTest {

    static final String ROOT = "/taint/";

    static Stream<Named<RuleMetadata>> rules() {
        return JavaModels.get().rules().stream().map(rule -> Named.of(rule.id(), rule));
    }

    /** The fixture tree of {@code id}: its .java files, or null when it has none. */
    static Path fixtureTree(String id) throws Exception {
        URL url = TaintFixturesTest.class.getResource(ROOT + id);
        return url == null ? null : Path.of(url.toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void findingsMatchTheFixtureMarkers(RuleMetadata rule) throws Exception {
        String id = rule.id();
        Path tree = fixtureTree(id);
        assertNotNull(tree, "missing fixture tree java/src/test/resources/taint/" + id + "/");
        Set<String> taintIds = JavaModels.get().rules().stream().map(RuleMetadata::id).collect(Collectors.toSet());

        JavaFrontEnd frontEnd = new JavaFrontEnd();
        Map<String, SourceFile> sources = new LinkedHashMap<>();
        Map<String, FileAnalysis> analyses = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tree)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(!files.isEmpty(), id + ": the fixture tree has no .java files");
        for (Path file : files) {
            String display = "taint/" + id + "/" + tree.relativize(file).toString().replace('\\', '/');
            SourceFile source = new SourceFile(file, display, Files.readString(file, StandardCharsets.UTF_8));
            sources.put(display, source);
            analyses.put(display, frontEnd.analyze(source));
        }
        Map<String, FileAnalysis> reviewed = frontEnd.reviewTree(analyses, Set.of("remote", "local"));

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
            for (Finding f : analysis.findings()) {
                if (!checked.contains(f.rule().id())) continue;
                String key = f.path() + ":" + f.line() + " " + f.rule().id();
                actual.add(key);
                messages.putIfAbsent(key, f.snippet() + " — " + f.message());
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
        assertTrue(expected.stream().anyMatch(k -> k.endsWith(" " + id)), id + ": the fixture tree needs an `// expect: " + id + "` case");
        assertTrue(forbidden.stream().anyMatch(k -> k.endsWith(" " + id)), id + ": the fixture tree needs an `// ok: " + id + "` near miss");
    }
}
