package dev.secreview.python;

import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.engine.SuppressionDirective;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.SourceFile;
import dev.secreview.python.rules.injection.SubprocessShellRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inline suppressions, end to end: front end (py-subprocess-shell only) then SuppressionDirective.apply. */
class SuppressionCommentsTest {

    private record Result(FileAnalysis analysis, List<Finding> findings) {
        Finding at(int line) {
            List<Finding> on = findings.stream().filter(f -> f.line() == line).toList();
            assertEquals(1, on.size(), () -> "expected one finding on line " + line + " but got " + findings);
            return on.get(0);
        }

        boolean suppressedAt(int line) {
            return at(line).suppressed();
        }
    }

    private static Result analyze(String code) {
        SourceFile source = new SourceFile(Path.of("m.py"), "m.py", code);
        FileAnalysis analysis = new PythonFrontEnd(List.of(new SubprocessShellRule())).analyze(source);
        assertTrue(analysis.diagnostics().isEmpty(), () -> "diagnostics: " + analysis.diagnostics());
        return new Result(analysis, SuppressionDirective.apply(analysis.findings(), analysis.suppressions()));
    }

    /** One shell call on line 2 with {@code comment} after it. */
    private static Result withComment(String comment) {
        return analyze("import subprocess\nsubprocess.run(cmd, shell=True)  " + comment + "\n");
    }

    @Test
    void withoutCommentTheFindingStands() {
        Result r = analyze("import subprocess\nsubprocess.run(cmd, shell=True)\n");
        assertEquals(1, r.findings().size());
        assertFalse(r.suppressedAt(2));
        assertTrue(r.analysis().suppressions().isEmpty());
    }

    @Test
    void ordinaryCommentDoesNotSuppress() {
        Result r = withComment("# run the user's command");
        assertFalse(r.suppressedAt(2));
        assertTrue(r.analysis().suppressions().isEmpty());
    }

    @Test
    void plainNosec() {
        Result r = withComment("# nosec");
        Finding f = r.at(2);
        assertTrue(f.suppressed());
        assertEquals("nosec", f.suppression().directive());
        assertEquals(2, f.suppression().line());
        SuppressionDirective d = r.analysis().suppressions().get(0);
        assertEquals(List.of(), d.ruleNames());
        assertEquals(2, d.line());
        assertEquals(2, d.firstLine());
        assertEquals(2, d.lastLine());
    }

    @Test
    void nosecWithTestId() {
        Result r = withComment("# nosec B602");
        assertTrue(r.suppressedAt(2));
        assertEquals(List.of("B602"), r.analysis().suppressions().get(0).ruleNames());
        assertEquals("nosec B602", r.at(2).suppression().directive());
    }

    @Test
    void nosecWithColonAndSeveralIds() {
        Result r = withComment("# nosec: B602,B607");
        assertTrue(r.suppressedAt(2));
        assertEquals(List.of("B602", "B607"), r.analysis().suppressions().get(0).ruleNames());
        assertTrue(withComment("# nosec: B607, B602").suppressedAt(2));
        assertTrue(withComment("# nosec B404 B602").suppressedAt(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"# NOSEC", "# NoSec", "#nosec", "#  nosec  ", "# nosec b602", "# noqa: E501 # nosec",
            "# nosec py-subprocess-shell", "# nosec B604"})
    void nosecVariants(String comment) {
        assertTrue(withComment(comment).suppressedAt(2), comment);
    }

    @ParameterizedTest
    @ValueSource(strings = {"# nosec B303", "# nosec: B303,B324", "# nosecurity", "# secreview: ignore[py-eval]",
            "# nosec py-eval"})
    void directiveForAnotherRuleOrNoDirective(String comment) {
        assertFalse(withComment(comment).suppressedAt(2), comment);
    }

    @Test
    void secreviewIgnoreForThisRule() {
        Result r = withComment("# secreview: ignore[py-subprocess-shell]");
        assertTrue(r.suppressedAt(2));
        assertEquals(List.of("py-subprocess-shell"), r.analysis().suppressions().get(0).ruleNames());
        assertEquals("secreview: ignore[py-subprocess-shell]", r.at(2).suppression().directive());
        assertTrue(withComment("# secreview: ignore[py-eval, py-subprocess-shell]").suppressedAt(2));
        assertTrue(withComment("# secreview: ignore[B602]").suppressedAt(2), "alternate names work too");
        assertTrue(withComment("# secreview:ignore[py-subprocess-shell]").suppressedAt(2));
    }

    @Test
    void secreviewIgnoreEverything() {
        Result r = withComment("# secreview: ignore");
        assertTrue(r.suppressedAt(2));
        assertEquals(List.of(), r.analysis().suppressions().get(0).ruleNames());
        assertEquals("secreview: ignore", r.at(2).suppression().directive());
        assertTrue(withComment("# reviewed by ops; secreview: ignore").suppressedAt(2));
    }

    @Test
    void upperCaseSecreviewIgnore() {
        assertTrue(withComment("# SECREVIEW: IGNORE[py-subprocess-shell]").suppressedAt(2));
    }

    @Test
    void directiveOnTheLastLineOfAMultiLineCallCoversItsFirstLine() {
        Result r = analyze("""
                import subprocess
                subprocess.run(
                    cmd,
                    shell=True,
                )  # nosec
                subprocess.run(other, shell=True)
                """);
        assertTrue(r.suppressedAt(2));
        assertFalse(r.suppressedAt(6));
        SuppressionDirective d = r.analysis().suppressions().get(0);
        assertEquals(5, d.line());
        assertEquals(2, d.firstLine());
        assertEquals(5, d.lastLine());
    }

    @Test
    void directiveInsideAMultiLineCallCoversIt() {
        Result r = analyze("""
                import subprocess
                subprocess.run(  # nosec B602
                    cmd,
                    shell=True)
                result = subprocess.run(
                    cmd,
                    shell=True,  # secreview: ignore[py-subprocess-shell]
                )
                """);
        assertTrue(r.suppressedAt(2));
        assertTrue(r.suppressedAt(5));
    }

    @Test
    void directiveInsideAStringLiteralIsNotADirective() {
        Result r = analyze("""
                import subprocess
                subprocess.run("echo # nosec " + cmd, shell=True)
                subprocess.run(f"echo {cmd} # secreview: ignore", shell=True)
                subprocess.run(\"\"\"
                    echo # nosec
                \"\"\" + cmd, shell=True)
                """);
        assertFalse(r.suppressedAt(2));
        assertFalse(r.suppressedAt(3));
        assertFalse(r.suppressedAt(4));
        assertTrue(r.analysis().suppressions().isEmpty());
    }

    @Test
    void directiveOnTheLineAfterTheStatementDoesNotCoverIt() {
        Result r = analyze("""
                import subprocess
                subprocess.run(cmd, shell=True)
                # nosec
                subprocess.run(
                    cmd, shell=True)
                x = 1  # nosec
                """);
        assertFalse(r.suppressedAt(2));
        assertFalse(r.suppressedAt(4));
    }

    @Test
    void directiveOnTheLineBeforeTheStatementDoesNotCoverIt() {
        Result r = analyze("import subprocess\n# nosec\nsubprocess.run(cmd, shell=True)\n");
        assertFalse(r.suppressedAt(3));
    }

    @Test
    void directiveOnACompoundStatementHeaderCoversOnlyTheHeader() {
        Result r = analyze("""
                import subprocess
                def f(cmd, out=subprocess.getoutput(x)):  # nosec
                    subprocess.run(cmd, shell=True)
                """);
        assertTrue(r.suppressedAt(2));
        assertFalse(r.suppressedAt(3));
        SuppressionDirective d = r.analysis().suppressions().get(0);
        assertEquals(2, d.firstLine());
        assertEquals(2, d.lastLine());
    }

    @Test
    void directiveOnAMultiLineHeaderCoversAllHeaderLines() {
        Result r = analyze("""
                import subprocess
                def f(
                    cmd,
                    out=subprocess.getoutput(x),
                ):  # nosec
                    subprocess.run(cmd, shell=True)
                """);
        assertTrue(r.suppressedAt(4));
        assertFalse(r.suppressedAt(6));
        SuppressionDirective d = r.analysis().suppressions().get(0);
        assertEquals(2, d.firstLine());
        assertEquals(5, d.lastLine());
    }

    @Test
    void directiveOnIfWhileWithHeaders() {
        Result r = analyze("""
                import subprocess
                if subprocess.run(a, shell=True):  # nosec
                    subprocess.run(b, shell=True)
                elif subprocess.run(c, shell=True):  # nosec
                    subprocess.run(d, shell=True)
                while subprocess.run(e, shell=True):  # nosec
                    subprocess.run(f, shell=True)
                with subprocess.Popen(g, shell=True) as p:  # nosec
                    subprocess.run(h, shell=True)
                for x in subprocess.check_output(i, shell=True):  # nosec
                    subprocess.run(j, shell=True)
                """);
        for (int header : new int[]{2, 4, 6, 8, 10}) assertTrue(r.suppressedAt(header), "header line " + header);
        for (int body : new int[]{3, 5, 7, 9, 11}) assertFalse(r.suppressedAt(body), "body line " + body);
    }

    @Test
    void directiveOnAOneLineCompoundStatementCoversItsBody() {
        Result r = analyze("import subprocess\nif x: subprocess.run(cmd, shell=True)  # nosec\n");
        assertTrue(r.suppressedAt(2));
    }

    @Test
    void directiveAtTheEndOfABodyStatementDoesNotCoverTheHeader() {
        Result r = analyze("""
                import subprocess
                def f(cmd=subprocess.getoutput(x)):
                    subprocess.run(cmd, shell=True)  # nosec
                """);
        assertFalse(r.suppressedAt(2));
        assertTrue(r.suppressedAt(3));
    }

    @Test
    void directiveCoversEveryStatementOnItsLine() {
        Result r = analyze("import subprocess\nx = 1; subprocess.run(cmd, shell=True)  # nosec\n");
        assertTrue(r.suppressedAt(2));
    }

    @Test
    void suppressedFindingsAreKept() {
        Result r = analyze("""
                import subprocess
                subprocess.run(a, shell=True)  # nosec
                subprocess.run(b, shell=True)
                """);
        assertEquals(2, r.findings().size());
        assertTrue(r.suppressedAt(2));
        assertFalse(r.suppressedAt(3));
        assertNull(r.at(3).suppression());
    }

    /**
     * Bandit reads only known test ids after {@code nosec} and ignores the rest, so
     * {@code # nosec - false-positive} is a blanket nosec there. Here every hyphenated word of the
     * comment becomes a rule name, so the directive covers only the rule "false-positive".
     */
    @Test
    void nosecFollowedByFreeText() {
        assertTrue(withComment("# nosec - false-positive, input is validated").suppressedAt(2));
        assertTrue(withComment("# nosec # approved by security-team").suppressedAt(2));
        assertTrue(withComment("# nosec B602 # see ticket ops-123").suppressedAt(2));
    }

    @Test
    void secreviewIgnoreNeedsAWordBoundary() {
        assertFalse(withComment("# secreview: ignored until v2 ships").suppressedAt(2));
    }

    @Test
    void commentMentioningNosecIsNotADirective() {
        assertFalse(withComment("# TODO: drop the nosec once cmd is validated").suppressedAt(2));
    }
}
