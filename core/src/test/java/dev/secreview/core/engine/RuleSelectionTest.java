package dev.secreview.core.engine;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleSelectionTest {

    private static final RuleMetadata SHELL = rule("py-subprocess-shell", 78, "B602");
    private static final RuleMetadata INJECTION = rule("py-command-injection", 78);
    private static final RuleMetadata SQL = rule("py-sql-string", 89, "B608");
    private static final RuleMetadata ASSERT = rule("py-assert-access-check", 703, "B101");
    private static final List<RuleMetadata> RULES = List.of(SHELL, INJECTION, SQL, ASSERT);

    private static RuleMetadata rule(String id, int cwe, String... altNames) {
        return new RuleMetadata(id, cwe, Severity.HIGH, Confidence.HIGH, "finds " + id, "fix it", List.of(altNames));
    }

    @Test
    void nothingSelectedReportsEveryRule() {
        assertTrue(RULES.stream().allMatch(RuleSelection.ALL::reports));
    }

    @Test
    void aRuleIsNamedByItsIdItsExactCweOrABanditIdInAnyCase() {
        RuleSelection selection = new RuleSelection(List.of("cwe-78", "B608"), List.of(), List.of());

        assertTrue(selection.reports(SHELL));
        assertTrue(selection.reports(INJECTION));
        assertTrue(selection.reports(SQL));
        assertFalse(selection.reports(ASSERT));
        assertTrue(new RuleSelection(List.of("PY-SQL-STRING"), List.of(), List.of()).reports(SQL));
    }

    @Test
    void ignoringWinsOverSelecting() {
        RuleSelection selection = new RuleSelection(List.of("CWE-78"), List.of("b602"), List.of());

        assertFalse(selection.reports(SHELL));
        assertTrue(selection.reports(INJECTION));
    }

    @Test
    void perPathIgnoresApplyOnlyToTheFilesTheirGlobNames() {
        RuleSelection selection = new RuleSelection(List.of(), List.of(),
                List.of(new RuleSelection.PathIgnore(PathGlob.of("tests/**"), List.of("py-assert-access-check"))));

        assertFalse(selection.reports(ASSERT, "tests/unit/test_views.py"));
        assertTrue(selection.reports(ASSERT, "app/views.py"));
        assertTrue(selection.reports(SQL, "tests/unit/test_views.py"));
    }

    @Test
    void anUnknownNameIsFound() {
        assertEquals(Optional.of("py-sql-strng"), RuleSelection.unknown(List.of("B602", "py-sql-strng", "CWE-79"), RULES));
        assertEquals(Optional.empty(), RuleSelection.unknown(List.of("B602", "CWE-703", "py-sql-string"), RULES));
        assertEquals(Optional.of("CWE-99999999999"), RuleSelection.unknown(List.of("CWE-99999999999"), RULES));
    }
}
