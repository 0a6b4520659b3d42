package dev.secreview.templates;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.cwe.CweEntry;
import dev.secreview.core.rule.RuleDocs;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.templates.api.TemplateRule;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every template rule is complete: valid metadata, a real CWE weakness, a doc page, a fixture, a line in the index. */
class RuleRegistryTest {
    private static final List<String> DOC_SECTIONS = List.of("## What it does", "## Why is this bad?",
            "## Example", "## Use instead", "## References");

    static Stream<Named<TemplateRule>> rules() {
        return TemplateFrontEnd.installedRules().stream().map(rule -> Named.of(rule.metadata().id(), rule));
    }

    @Test
    void everyRuleIsRegisteredOnceAndTheFrontEndIsFoundByTheScanner() {
        Set<String> ids = new HashSet<>();
        for (TemplateRule rule : TemplateFrontEnd.installedRules()) {
            assertTrue(ids.add(rule.metadata().id()), "duplicate id " + rule.metadata().id());
        }
        assertEquals(Set.of("tpl-dom-xss", "tpl-safe-filter", "tpl-script-value", "tpl-unquoted-attribute",
                "tpl-url-scheme"), ids);
        assertTrue(dev.secreview.core.engine.Scanner.withInstalledFrontEnds().rules().stream()
                .map(RuleMetadata::id).toList().containsAll(ids));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void cweIsAWeaknessInTheCatalog(TemplateRule rule) {
        RuleMetadata m = rule.metadata();
        assertEquals("tpl", m.language());
        CweEntry cwe = CweCatalog.embedded().require(m.cwe());
        assertTrue(cwe.isWeakness() && !cwe.isDeprecated(), m.id() + ": CWE-" + m.cwe());
        assertTrue(CweCatalog.embedded().pillarOf(m.cwe()).isPresent(), m.id() + ": no CWE-1000 pillar");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void hasADocPageWithTheFixedSections(TemplateRule rule) {
        String id = rule.metadata().id();
        String doc = RuleDocs.page(id).orElse(null);
        assertNotNull(doc, "missing docs/rules/" + id + ".md");
        assertTrue(doc.startsWith("# " + id + "\n"), id + ": the page must start with '# " + id + "'");
        assertTrue(doc.contains("CWE-" + rule.metadata().cwe()), id + ": the page must name CWE-" + rule.metadata().cwe());
        for (String section : DOC_SECTIONS) assertTrue(doc.contains(section), id + ": missing section " + section);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void hasAFixture(TemplateRule rule) {
        assertNotNull(RuleRegistryTest.class.getResource("/fixtures/" + rule.metadata().id() + ".html"),
                "missing templates/src/test/resources/fixtures/" + rule.metadata().id() + ".html");
    }

    @Test
    void theRulesIndexListsEveryRuleWithItsCwe() throws IOException {
        String index = Files.readString(Path.of("..", "docs", "rules", "README.md"));
        for (TemplateRule rule : TemplateFrontEnd.installedRules()) {
            RuleMetadata m = rule.metadata();
            assertTrue(index.contains("| [" + m.id() + "](" + m.id() + ".md) | CWE-" + m.cwe() + " |"),
                    "docs/rules/README.md must list " + m.id() + " with CWE-" + m.cwe());
        }
    }
}
