package dev.secreview.conformance;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.cwe.CweEntry;
import dev.secreview.core.rule.RuleMetadata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every rule, pattern or dataflow, must have: a real CWE weakness with a pillar, a doc page, a line in the index. */
final class RuleDocs {
    private static final List<String> DOC_SECTIONS = List.of("## What it does", "## Why is this bad?",
            "## Example", "## Use instead", "## References");

    private RuleDocs() {
    }

    static void cweIsANonDeprecatedWeaknessWithAPillar(RuleMetadata m, String language) {
        assertEquals(language, m.language());
        CweEntry cwe = CweCatalog.embedded().require(m.cwe());
        assertTrue(cwe.isWeakness(), m.id() + ": CWE-" + m.cwe() + " is a " + cwe.kind() + ", not a weakness");
        assertFalse(cwe.isDeprecated(), m.id() + ": CWE-" + m.cwe() + " is deprecated");
        assertTrue(CweCatalog.embedded().pillarOf(m.cwe()).isPresent(), m.id() + ": no CWE-1000 pillar");
    }

    static void hasADocPageWithTheFixedSections(RuleMetadata m, Class<?> anchor) throws IOException {
        String id = m.id();
        String doc;
        try (InputStream in = anchor.getResourceAsStream("/dev/secreview/rules/docs/" + id + ".md")) {
            doc = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertNotNull(doc, "missing docs/rules/" + id + ".md");
        assertTrue(doc.startsWith("# " + id + "\n"), id + ": the page must start with '# " + id + "'");
        assertTrue(doc.contains("CWE-" + m.cwe()), id + ": the page must name CWE-" + m.cwe());
        for (String section : DOC_SECTIONS) assertTrue(doc.contains(section), id + ": missing section " + section);
    }

    /** Run from a module's folder, as Maven runs tests. */
    static void isListedInTheRulesIndexWithItsCwe(RuleMetadata m) throws IOException {
        String index = Files.readString(Path.of("..", "docs", "rules", "README.md"));
        assertTrue(index.contains("| [" + m.id() + "](" + m.id() + ".md) | CWE-" + m.cwe() + " |"),
                "docs/rules/README.md must list " + m.id() + " with CWE-" + m.cwe());
    }
}
