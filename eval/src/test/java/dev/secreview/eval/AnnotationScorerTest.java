package dev.secreview.eval;

import dev.secreview.report.JsonOutput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secreview.eval.InlineExpectations.Expectation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.secreview.eval.Findings.file;
import static dev.secreview.eval.Findings.finding;
import static dev.secreview.eval.Findings.suppressed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AnnotationScorerTest {

    private static AnnotationScore scored() {
        Map<String, List<Expectation>> expectations = Map.of(
                "a.py", List.of(
                        new Expectation(true, "py-cmd", 3, 2),    // reported twice: one TP
                        new Expectation(true, "py-sql", 3, 2),    // FN
                        new Expectation(false, "py-cmd", 6, 5),   // TN
                        new Expectation(false, "py-sql", 9, 8)),  // reported: FP
                "b.py", List.of(
                        new Expectation(true, "py-cmd", 4, 3),    // reported only suppressed: FN
                        new Expectation(false, "py-eval", 7, 6))); // TN
        return AnnotationScorer.score(expectations, List.of(
                file("a.py", finding("a.py", 3, "py-cmd", 78), finding("a.py", 3, "py-cmd", 78),
                        finding("a.py", 9, "py-sql", 89), finding("a.py", 12, "py-cmd", 78)), // 12: FP
                file("b.py", suppressed("b.py", 4, "py-cmd", 78)),
                file("c.py", finding("c.py", 1, "py-sql", 89))));                          // FP: no markers
    }

    @Test
    void countsPerRule() {
        AnnotationScore score = scored();
        assertEquals(List.of(new RuleScore("py-cmd", 1, 1, 1, 1), new RuleScore("py-eval", 0, 0, 0, 1),
                new RuleScore("py-sql", 0, 1, 2, 0)), score.rules());
        assertEquals(new RuleScore("total", 1, 2, 3, 2), score.total());
        assertEquals(0.25, score.total().precision());
        assertEquals(1 / 3.0, score.total().recall());
        assertEquals(2 / 7.0, score.score(), 1e-12);
        assertNull(score.rules().get(1).precision(), "a rule that reports nothing has no precision");
    }

    @Test
    void missesAreListedByPlace() {
        AnnotationScore score = scored();
        assertEquals(List.of("a.py:3 py-sql", "b.py:4 py-cmd"),
                score.falseNegatives().stream().map(RuleAtLine::render).toList());
        assertEquals(List.of("a.py:9 py-sql", "a.py:12 py-cmd", "c.py:1 py-sql"),
                score.falsePositives().stream().map(RuleAtLine::render).toList());
    }

    @Test
    void tableWithTotalsAndMisses() {
        assertEquals("""
                rule        TP   FN   FP   TN  precision  recall
                py-cmd       1    1    1    1       50.0    50.0
                py-eval      0    0    0    1          -       -
                py-sql       0    1    2    0        0.0     0.0
                total        1    2    3    2       25.0    33.3   F1 28.6

                False negatives (expected, not reported):
                  a.py:3 py-sql
                  b.py:4 py-cmd

                False positives (reported, not expected):
                  a.py:9 py-sql
                  a.py:12 py-cmd
                  c.py:1 py-sql
                """, scored().table());
    }

    @Test
    void json() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonOutput.render(scored().json()));
        assertEquals("annotations", json.get("suite").asText());
        assertEquals(2, json.at("/rules/py-sql/fp").asInt());
        assertEquals(true, json.at("/rules/py-eval/precision").isNull());
        assertEquals(2 / 7.0, json.at("/total/f1").asDouble(), 1e-12);
        assertEquals("b.py", json.at("/falseNegatives/1/path").asText());
        assertEquals(12, json.at("/falsePositives/1/line").asInt());
        assertEquals("c.py:1", json.at("/falsePositives/2/path").asText() + ":" + json.at("/falsePositives/2/line"));
    }

    @Test
    void onlyRespectedNearMissesScorePerfect() {
        AnnotationScore score = AnnotationScorer.score(Map.of("a.py", List.of(new Expectation(false, "py-cmd", 2, 1))),
                List.of(file("a.py")));
        assertNull(score.total().f1());
        assertEquals(1, score.score());
    }
}
