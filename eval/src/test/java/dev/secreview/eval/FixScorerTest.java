package dev.secreview.eval;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.Suppression;
import dev.secreview.core.model.TextRange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixScorerTest {

    private static final String FILE = "web/files.py";

    @Test
    void aFindingNearAVulnerableLineWithTheSameCweDetectsAndTheFixedFileClearsIt() throws Exception {
        FixOutcome outcome = score(fix("CWE-22", "20"),
                List.of(at(18, "py-path-traversal", 22, "open(name)"), at(40, "py-path-traversal", 22, "open(other)")),
                List.of(at(40, "py-path-traversal", 22, "open(other)")));
        assertTrue(outcome.detected());
        assertTrue(outcome.exactCwe());
        assertTrue(outcome.cleared());
        assertEquals(List.of(18), outcome.matching().stream().map(Finding::line).toList());
    }

    @Test
    void outsideTheToleranceOrOfAnotherPillarDoesNotDetect() throws Exception {
        assertFalse(score(fix("CWE-22", "20"), List.of(at(23, "py-path-traversal", 22, "open(name)")), List.of()).detected());
        // CWE-327 (broken crypto) is under CWE-693, CWE-22 under CWE-664.
        assertFalse(score(fix("CWE-22", "20"), List.of(at(20, "py-weak-cipher", 327, "DES.new(key)")), List.of()).detected());
    }

    @Test
    void aCweOfTheSamePillarDetectsButExactMatchesAreTheOnesThatCount() throws Exception {
        // CWE-78 and CWE-79 are both under CWE-707 (improper neutralisation).
        FixOutcome pillarOnly = score(fix("CWE-77", "10"), List.of(at(10, "py-command-injection", 78, "os.system(c)")), List.of());
        assertTrue(pillarOnly.detected());
        assertFalse(pillarOnly.exactCwe());
        assertTrue(pillarOnly.cleared());

        FixOutcome exact = score(fix("CWE-78", "10"),
                List.of(at(10, "py-command-injection", 78, "os.system(c)"), at(11, "py-xss", 79, "return c")),
                List.of(at(11, "py-xss", 79, "return c")));
        assertEquals(List.of("py-command-injection"), exact.matching().stream().map(f -> f.rule().id()).toList());
        assertTrue(exact.cleared(), "the XSS finding that stays is not the one that detected the fix");
    }

    @Test
    void aFixThatRewritesTheLineButIsStillFlaggedThereIsNotCleared() throws Exception {
        FixOutcome outcome = score(fix("CWE-78", "10"), List.of(at(10, "py-command-injection", 78, "os.system(c)")),
                List.of(at(11, "py-command-injection", 78, "os.system(quote(c))")));
        assertTrue(outcome.detected());
        assertFalse(outcome.cleared());
    }

    @Test
    void aFixThatAddsAGuardTheReviewDoesNotSeeIsNotCleared() throws Exception {
        FixOutcome outcome = score(fix("CWE-78", "10"), List.of(at(10, "py-command-injection", 78, "os.system(c)")),
                List.of(at(12, "py-command-injection", 78, "os.system( c )")));
        assertFalse(outcome.cleared(), "the same code, whitespace aside, is still flagged");
    }

    @Test
    void suppressedFindingsAndMissingFilesDoNotCount() throws Exception {
        Finding suppressed = at(10, "py-command-injection", 78, "os.system(c)")
                .suppressedBy(new Suppression("# nosec", 10));
        assertFalse(score(fix("CWE-78", "10"), List.of(suppressed), List.of()).detected());

        FixScore none = FixScorer.score(List.of(fix("CWE-78", "10")), Map.of(), Map.of());
        assertFalse(none.outcomes().get(0).reviewed());
        assertEquals(1, none.notReviewed());
        assertEquals(0.0, none.score());
    }

    @Test
    void theScoreIsTheShareDetectedAndTheJsonHasEveryFix() throws Exception {
        FixCase found = fix("CWE-78", "10");
        FixCase missed = FixList.parse(FixListTest.HEADER + "b,example/web,none,CWE-89," + FixListTest.FIX + ","
                + FixListTest.PARENT + "," + FILE + ",30,sql-injection,query built from a parameter\n", "f").get(0);
        List<FileReport> before = List.of(file(at(10, "py-command-injection", 78, "os.system(c)")));
        FixScore score = FixScorer.score(List.of(found, missed), Map.of("a", before, "b", before), Map.of());
        assertEquals(0.5, score.score());
        assertEquals(1, score.json().at("/classes/sql-injection/fixes").asInt());
        assertEquals(0, score.json().at("/classes/sql-injection/detected").asInt());
        assertEquals("py-command-injection", score.json().at("/outcomes/0/findings/0/rule").asText());
        assertFalse(score.json().at("/outcomes/0/cleared").asBoolean(), "no fixed file: nothing shows the fix clears it");
    }

    private static FixOutcome score(FixCase fix, List<Finding> before, List<Finding> after) {
        return FixScorer.score(List.of(fix), Map.of(fix.id(), List.of(file(before.toArray(Finding[]::new)))),
                Map.of(fix.id(), List.of(file(after.toArray(Finding[]::new))))).outcomes().get(0);
    }

    private static FixCase fix(String cwe, String lines) throws EvalInputException {
        return FixList.parse(FixListTest.HEADER + "a,example/web,none," + cwe + "," + FixListTest.FIX + ","
                + FixListTest.PARENT + "," + FILE + "," + lines + ",command-injection,what went wrong\n", "f").get(0);
    }

    private static Finding at(int line, String rule, int cwe, String code) {
        return new Finding(Findings.rule(rule, cwe), "project/" + FILE, new TextRange(line, 1, line, 10), code, "why",
                "fix", Severity.HIGH, Confidence.HIGH, null);
    }

    private static FileReport file(Finding... findings) {
        return new FileReport("project/" + FILE, "python", 50, List.of(findings), List.of());
    }
}
