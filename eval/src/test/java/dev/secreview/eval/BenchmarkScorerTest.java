package dev.secreview.eval;

import dev.secreview.report.JsonOutput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.FileReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.secreview.eval.Findings.file;
import static dev.secreview.eval.Findings.finding;
import static dev.secreview.eval.Findings.suppressed;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BenchmarkScorerTest {

    /** cmdi: 3 real, 2 safe; sqli: 2 real, 2 safe (one of them CWE-564). */
    private static final String CSV = """
            # test name, category, real vulnerability, cwe, Benchmark version: test
            T01,cmdi,true,78
            T02,cmdi,true,78
            T03,cmdi,true,78
            T04,cmdi,false,78
            T05,cmdi,false,78
            T06,sqli,true,89
            T07,sqli,true,564
            T08,sqli,false,89
            T09,sqli,false,89
            """;

    private static BenchmarkScore scored() throws EvalInputException {
        List<FileReport> files = List.of(
                file("app/T01.py", finding("app/T01.py", 3, "py-cmd", 78)),                     // TP
                file("app/T02.py", finding("app/T02.py", 3, "py-cmd", 77)),                     // FN: CWE-77 is not 78
                file("app/T03.py", suppressed("app/T03.py", 3, "py-cmd", 78)),                  // FN: suppressed
                file("app/T04.py", finding("app/T04.py", 3, "py-cmd", 78),
                        finding("app/T04.py", 9, "py-cmd", 78)),                                // FP, counted once
                file("app/T05.py", finding("app/T05.py", 3, "py-eval", 95)),                    // TN: another CWE
                file("app/T06.py"),                                                             // FN
                file("lib/T07.py", finding("lib/T07.py", 5, "py-sql", 89)),                     // TP: 89 for 564
                file("app/T08.py", finding("app/T08.py", 5, "py-sql", 89)),                     // FP
                file("app/helpers.py", finding("app/helpers.py", 1, "py-sql", 89)),             // no test case
                FileReport.unreviewed("app/T09.py",
                        new Diagnostic(Diagnostic.Kind.UNREADABLE, "app/T09.py", 0, "not UTF-8"))); // TN, not reviewed
        return BenchmarkScorer.score(ExpectedResults.parse(CSV.lines().toList(), "e.csv"), files);
    }

    @Test
    void countsPerCategory() throws Exception {
        BenchmarkScore score = scored();
        assertEquals(List.of(new CategoryScore("cmdi", 1, 2, 1, 1), new CategoryScore("sqli", 1, 1, 1, 1)),
                score.categories());
        assertEquals(9, score.testCases());
        assertEquals(1, score.casesNotReviewed());
    }

    @Test
    void ratesAreAveragedOverCategoriesTheOwaspWay() throws Exception {
        BenchmarkScore score = scored();
        CategoryScore cmdi = score.categories().get(0);
        assertEquals(1 / 3.0, cmdi.tpr(), 1e-12);
        assertEquals(0.5, cmdi.fpr(), 1e-12);
        assertEquals(1 / 3.0 - 0.5, cmdi.score(), 1e-12);
        assertEquals((1 / 3.0 + 0.5) / 2, score.tpr(), 1e-12);
        assertEquals(0.5, score.fpr(), 1e-12);
        assertEquals((1 / 3.0 + 0.5) / 2 - 0.5, score.score(), 1e-12);
        assertEquals(0.5, score.precision(), 1e-12);
    }

    @Test
    void emptyRatesCountAsZero() {
        CategoryScore onlySafe = new CategoryScore("xss", 0, 0, 3, 0);
        assertEquals(0, onlySafe.tpr());
        assertEquals(0, onlySafe.fpr());
        assertEquals(0, new BenchmarkScore(List.of(onlySafe), 0).precision());
    }

    /** The text below is what the scoring script owasp_score.py prints for the same cases and findings. */
    @Test
    void tableHasTheScoringScriptsLayout() throws Exception {
        assertEquals("""
                category           TP   FN   TN   FP     TPR     FPR   score
                cmdi                1    2    1    1    33.3    50.0   -16.7
                sqli                1    1    1    1    50.0    50.0     0.0
                overall                                 41.7    50.0    -8.3   precision 50.0
                """, scored().table());
    }

    @Test
    void jsonHasTheScoringScriptsShape() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonOutput.render(scored().json()));
        assertEquals("owasp-benchmark", json.get("suite").asText());
        assertEquals(9, json.get("testCases").asInt());
        assertEquals(1, json.get("casesNotReviewed").asInt());
        assertEquals(2, json.at("/categories/cmdi/fn").asInt());
        assertEquals(0.5, json.at("/categories/sqli/tpr").asDouble());
        assertEquals(0.5, json.at("/total/precision").asDouble());
        assertEquals(JsonOutput.render(scored().json()), JsonOutput.render(scored().json()));
    }

    @Test
    void baseNameDropsFoldersAndTheLastExtension() {
        assertEquals("BenchmarkTest00001", BenchmarkScorer.baseName("testcode/BenchmarkTest00001.py"));
        assertEquals("Makefile", BenchmarkScorer.baseName("Makefile"));
        assertEquals(".env", BenchmarkScorer.baseName("a/.env"));
    }
}
