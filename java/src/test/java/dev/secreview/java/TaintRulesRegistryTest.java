package dev.secreview.java;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.cwe.CweEntry;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.java.taint.JavaModels;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every dataflow rule of the kinds of the models (`kinds.models`) is as complete as a pattern rule (see {@link RuleRegistryTest}):
 * a real CWE weakness with a pillar, a doc page with the fixed sections, a line in the rules index and a
 * fixture tree under {@code src/test/resources/taint/<rule-id>/}.
 */
class TaintRulesRegistryTest {
    private static final List<String> DOC_SECTIONS = List.of("## What it does", "## Why is this bad?",
            "## Example", "## Use instead", "## References");

    static Stream<Named<RuleMetadata>> rules() {
        return JavaModels.get().rules().stream().map(rule -> Named.of(rule.id(), rule));
    }

    @Test
    void idsAreUniqueAndDoNotClashWithPatternRules() {
        Set<String> ids = new HashSet<>();
        JavaFrontEnd.installedRules().forEach(rule -> ids.add(rule.metadata().id()));
        for (RuleMetadata rule : JavaModels.get().rules()) assertTrue(ids.add(rule.id()), "duplicate id " + rule.id());
        assertEquals(10, JavaModels.get().rules().size(), "the number of dataflow rules changed: update the docs and fixtures");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void cweIsANonDeprecatedWeaknessWithAPillar(RuleMetadata m) {
        assertEquals("java", m.language());
        CweEntry cwe = CweCatalog.embedded().require(m.cwe());
        assertTrue(cwe.isWeakness(), m.id() + ": CWE-" + m.cwe() + " is a " + cwe.kind() + ", not a weakness");
        assertFalse(cwe.isDeprecated(), m.id() + ": CWE-" + m.cwe() + " is deprecated");
        assertTrue(CweCatalog.embedded().pillarOf(m.cwe()).isPresent(), m.id() + ": no CWE-1000 pillar");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void hasADocPageWithTheFixedSections(RuleMetadata m) throws IOException {
        String id = m.id();
        String doc = resource("/dev/secreview/rules/docs/" + id + ".md");
        assertNotNull(doc, "missing docs/rules/" + id + ".md");
        assertTrue(doc.startsWith("# " + id + "\n"), id + ": the page must start with '# " + id + "'");
        assertTrue(doc.contains("CWE-" + m.cwe()), id + ": the page must name CWE-" + m.cwe());
        for (String section : DOC_SECTIONS) assertTrue(doc.contains(section), id + ": missing section " + section);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void isListedInTheRulesIndexWithItsCwe(RuleMetadata m) throws IOException {
        String index = Files.readString(Path.of("..", "docs", "rules", "README.md"));
        assertTrue(index.contains("| [" + m.id() + "](" + m.id() + ".md) | CWE-" + m.cwe() + " |"),
                "docs/rules/README.md must list " + m.id() + " with CWE-" + m.cwe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void hasAFixtureTree(RuleMetadata m) throws Exception {
        Path tree = TaintFixturesTest.fixtureTree(m.id());
        assertNotNull(tree, "missing java/src/test/resources/taint/" + m.id() + "/");
        try (Stream<Path> files = Files.walk(tree)) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith(".java")), m.id() + ": the fixture tree has no .java file");
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TaintRulesRegistryTest.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
