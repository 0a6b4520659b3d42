package dev.secreview.python.rules.injection;

import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.SourceFile;
import dev.secreview.python.PythonFrontEnd;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a reviewer reads: the pattern rule does not know where the inserted value comes from, so it says
 * so at medium severity and low confidence; where the whole-tree analysis sees request data reach the
 * statement, the high py-sql-injection finding stands in its place.
 */
class SqlStringRuleTest {
    private static final String PATH = "app/reports.py";
    private final PythonFrontEnd frontEnd = new PythonFrontEnd();

    private List<Finding> reviewed(String code) {
        FileAnalysis analysis = frontEnd.analyze(new SourceFile(Path.of(PATH), PATH, code));
        return frontEnd.reviewTree(Map.of(PATH, analysis), Set.of("remote", "local")).get(PATH).findings().stream()
                .filter(f -> f.cwe() == 89).toList();
    }

    @Test
    void anUnknownValueInsertedIntoSqlIsAMediumFindingOfLowConfidence() {
        List<Finding> findings = reviewed("""
                def find(cursor, name):
                    cursor.execute("SELECT id FROM users WHERE name = '%s'" % name)
                """);
        assertEquals(1, findings.size(), findings::toString);
        Finding finding = findings.get(0);
        assertEquals("py-sql-string", finding.rule().id());
        assertEquals(2, finding.line());
        assertEquals(Severity.MEDIUM, finding.severity());
        assertEquals(Confidence.LOW, finding.confidence());
        assertTrue(finding.message().contains("inserting `name` into the statement text; if that value can hold text"
                + " from outside the program, a quote in it can change the statement"), finding.message());
    }

    @Test
    void textThatDoesNotReadAsSqlIsLowSeverity() {
        List<Finding> findings = reviewed("""
                def run(db, script):
                    db.execute("-- " + script)
                """);
        assertEquals(1, findings.size(), findings::toString);
        assertEquals(Severity.LOW, findings.get(0).severity());
    }

    @Test
    void requestDataInsertedIntoSqlIsTheDataflowRulesHighFinding() {
        List<Finding> findings = reviewed("""
                import sqlite3

                from flask import Flask, request

                app = Flask(__name__)


                @app.route("/users")
                def users():
                    conn = sqlite3.connect("app.db")
                    return str(conn.execute("SELECT id FROM users WHERE name = '%s'" % request.args["name"]).fetchall())
                """);
        assertEquals(1, findings.size(), findings::toString);
        assertEquals("py-sql-injection", findings.get(0).rule().id());
        assertEquals(Severity.HIGH, findings.get(0).severity());
        assertEquals(Confidence.HIGH, findings.get(0).confidence());
    }
}
