package dev.secreview.java;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.cwe.CweEntry;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.java.api.JavaRule;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every registered rule is complete: valid metadata, a real CWE weakness, a doc page and a fixture. */
class RuleRegistryTest {
    private static final List<String> DOC_SECTIONS = List.of("## What it does", "## Why is this bad?",
            "## Example", "## Use instead", "## References");

    static Stream<Named<JavaRule>> rules() {
        return JavaFrontEnd.installedRules().stream().map(rule -> Named.of(rule.metadata().id(), rule));
    }

    /** Registration cannot be forgotten: every class of the rules package that has a {@code @RuleInfo} is installed. */
    @Test
    void everyRuleClassIsInstalled() throws Exception {
        Path classes = Path.of(JavaFrontEnd.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path rules = classes.resolve("dev/secreview/java/rules");
        Set<String> installed = new HashSet<>();
        for (JavaRule rule : JavaFrontEnd.installedRules()) installed.add(rule.getClass().getName());
        List<String> missing = new java.util.ArrayList<>();
        int annotated = 0;
        try (Stream<Path> files = Files.walk(rules)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()));
                if (!type.isAnnotationPresent(RuleInfo.class)) continue;
                annotated++;
                if (!installed.contains(type.getName())) missing.add(type.getName());
            }
        }
        assertTrue(missing.isEmpty(), "not listed in META-INF/services/dev.secreview.java.api.JavaRule: " + missing);
        assertEquals(installed.size(), annotated, "every installed rule is a @RuleInfo class of the rules package");
    }

    @Test
    void idsAndAlternateNamesAreUnique() {
        Set<String> ids = new HashSet<>();
        for (JavaRule rule : JavaFrontEnd.installedRules()) {
            assertTrue(ids.add(rule.metadata().id()), "duplicate id " + rule.metadata().id());
        }
        assertTrue(ids.size() >= 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void cweIsAWeaknessInTheCatalog(JavaRule rule) {
        RuleMetadata m = rule.metadata();
        assertEquals("java", m.language());
        CweEntry cwe = CweCatalog.embedded().require(m.cwe());
        assertTrue(cwe.isWeakness(), m.id() + ": CWE-" + m.cwe() + " is a " + cwe.kind() + ", not a weakness");
        assertTrue(!cwe.isDeprecated(), m.id() + ": CWE-" + m.cwe() + " is deprecated");
        assertTrue(CweCatalog.embedded().pillarOf(m.cwe()).isPresent(), m.id() + ": no CWE-1000 pillar");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void hasADocPageWithTheFixedSections(JavaRule rule) throws IOException {
        String id = rule.metadata().id();
        String doc = resource("/dev/secreview/rules/docs/" + id + ".md");
        assertNotNull(doc, "missing docs/rules/" + id + ".md");
        assertTrue(doc.startsWith("# " + id + "\n"), id + ": the page must start with '# " + id + "'");
        assertTrue(doc.contains("CWE-" + rule.metadata().cwe()), id + ": the page must name CWE-" + rule.metadata().cwe());
        for (String section : DOC_SECTIONS) assertTrue(doc.contains(section), id + ": missing section " + section);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void isJudgedByAKindOfTheModelsIfAny(JavaRule rule) {
        String kind = rule.metadata().judgedBy();
        assertTrue(kind.isEmpty() || dev.secreview.java.taint.JavaModels.get().kind(kind).isPresent(),
                rule.metadata().id() + ": judgedBy names no kind of the models: " + kind);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void hasAFixture(JavaRule rule) {
        assertNotNull(RuleRegistryTest.class.getResource("/fixtures/" + rule.metadata().id() + ".java"),
                "missing java/src/test/resources/fixtures/" + rule.metadata().id() + ".java");
    }

    @Test
    void theRulesIndexListsEveryRuleWithItsCwe() throws IOException {
        String index = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "rules", "README.md"));
        for (JavaRule rule : JavaFrontEnd.installedRules()) {
            RuleMetadata m = rule.metadata();
            assertTrue(index.contains("| [" + m.id() + "](" + m.id() + ".md) | CWE-" + m.cwe() + " |"),
                    "docs/rules/README.md must list " + m.id() + " with CWE-" + m.cwe());
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RuleRegistryTest.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
