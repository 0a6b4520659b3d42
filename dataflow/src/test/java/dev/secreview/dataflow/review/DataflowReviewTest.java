package dev.secreview.dataflow.review;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.TextRange;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.dataflow.analysis.SinkVerdict;
import dev.secreview.dataflow.analysis.TaintResult;
import dev.secreview.dataflow.model.TaintModels;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pattern findings rebased on the verdicts of the kind their rule names, whatever the language. */
class DataflowReviewTest {
    private static final TaintModels MODELS = TaintModels.parse(List.of(new TaintModels.ModelFile("t.models", """
            kind  sql  89   remote  x-sql-injection high | Attacker data in SQL. | Bind it.
            kind  xxe  611  remote
            """)));
    private static final RuleMetadata SQL_TAINT = MODELS.kind("sql").orElseThrow().rule();
    private static final DataflowReview REVIEW = new DataflowReview(MODELS);
    private static final String PATH = "app/db.x";

    private static RuleMetadata rule(String id, int cwe, String judgedBy) {
        return new RuleMetadata(id, cwe, Severity.MEDIUM, Confidence.MEDIUM, "Something.", "Fix it.", List.of(),
                judgedBy, List.of());
    }

    private static Finding at(RuleMetadata rule, int line, Confidence confidence) {
        return new Finding(rule, PATH, new TextRange(line, 1, line, 10), "code", "Pattern.", "Fix it.",
                Severity.MEDIUM, confidence, null);
    }

    private static TaintResult verdict(int line, int cwe, SinkVerdict verdict) {
        return new TaintResult(List.of(), Map.of(new TaintResult.Site(PATH, line, cwe), verdict), Map.of(), Map.of());
    }

    @Test
    void aRuleIsJudgedByTheKindItNamesOnly() {
        Finding named = at(rule("x-sql-string", 564, "sql"), 3, Confidence.MEDIUM);
        assertNull(REVIEW.rebase(named, verdict(3, 89, SinkVerdict.SAFE), List.of(), false),
                "a harmless sink of its kind: gone, whatever the rule's own CWE");
        Finding unnamed = at(rule("x-sql-string", 89, ""), 3, Confidence.MEDIUM);
        assertSame(unnamed, REVIEW.rebase(unnamed, verdict(3, 89, SinkVerdict.SAFE), List.of(), false),
                "a rule that names no kind is not judged by one of its CWE");
    }

    @Test
    void deadCodeRemovesAnyFinding() {
        Finding finding = at(rule("x-weak-hash", 328, ""), 5, Confidence.HIGH);
        TaintResult result = new TaintResult(List.of(), Map.of(), Map.of(PATH, Set.of(5)), Map.of());
        assertNull(REVIEW.rebase(finding, result, List.of(), false));
    }

    @Test
    void unknownDataLowersTheConfidenceUnlessItIsTheOperators() {
        Finding finding = at(rule("x-sql-string", 89, "sql"), 3, Confidence.MEDIUM);
        assertEquals(Confidence.LOW, REVIEW.rebase(finding, verdict(3, 89, SinkVerdict.UNKNOWN), List.of(), false).confidence());
        assertNull(REVIEW.rebase(finding, verdict(3, 89, SinkVerdict.UNKNOWN), List.of(), true));
    }

    @Test
    void aTaintedSinkGivesWayToTheTaintFindingOfTheKindsRule() {
        Finding pattern = at(rule("x-sql-string", 89, "sql"), 3, Confidence.MEDIUM);
        Finding taint = at(SQL_TAINT, 3, Confidence.HIGH);
        assertNull(REVIEW.rebase(pattern, verdict(3, 89, SinkVerdict.TAINTED), List.of(taint), false));
        Finding confirmed = REVIEW.rebase(pattern, verdict(3, 89, SinkVerdict.TAINTED), List.of(), false);
        assertEquals(Confidence.HIGH, confirmed.confidence());
        assertEquals(Severity.HIGH, confirmed.severity());
    }

    @Test
    void aKindWithoutATaintRuleOnlyJudges() {
        Finding couldBe = at(rule("x-xml-parser", 776, "xxe"), 4, Confidence.LOW);
        assertNull(REVIEW.rebase(couldBe, verdict(4, 611, SinkVerdict.UNKNOWN), List.of(), false));
        assertNull(REVIEW.rebase(couldBe, new TaintResult(List.of(), Map.of(), Map.of(), Map.of()), List.of(), false),
                "no sink judged: nothing to say");
        Finding confirmed = REVIEW.rebase(couldBe, verdict(4, 611, SinkVerdict.TAINTED), List.of(), false);
        assertEquals(Confidence.HIGH, confirmed.confidence());
        assertTrue(confirmed.message().endsWith("attacker-controlled data reaching it."));
    }
}
