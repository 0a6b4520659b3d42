package dev.secreview.audit;

import dev.secreview.core.model.SourceFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static dev.secreview.audit.Verdict.BAD_LINE;
import static dev.secreview.audit.Verdict.CONTRADICTED;
import static dev.secreview.audit.Verdict.SUPPORTED;
import static dev.secreview.audit.Verdict.UNKNOWN_SYMBOL;
import static dev.secreview.audit.Verdict.UNSUPPORTED;
import static dev.secreview.audit.Verdict.UNVERIFIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks and facts that read Java code (JavaParser's tree, no library read), one claim at a time, on small classes. */
class JavaClaimChecksTest {

    private static final SourceFile CODE = Fixtures.source("Backup.java", """
            package ops;

            import java.io.IOException;
            import org.apache.commons.exec.CommandLine;

            public class Backup {
                /* Runtime.getRuntime().halt(1) was here */
                public void run(String target) throws IOException {
                    Runtime.getRuntime().exec("tar czf /backups/" + target + ".tgz /srv");
                    // quote(target) would help
                    CommandLine line = CommandLine.parse("echo");
                }

                private static String label(int n) {
                    return Labels.dao().executeQuery("backup-" + n);
                }
            }
            """);

    static Stream<Arguments> claims() {
        return Stream.of(
                // a dotted name is accepted when the file calls its last part; a library's is not read
                Arguments.of(CODE, "1. CWE-78, line 9: `Runtime.exec` runs a shell command.", UNSUPPORTED, "`exec` is called on line 9"),
                Arguments.of(CODE, "1. CWE-20, line 11: `CommandLine.toStrings` splits the line.", UNVERIFIED,
                        "`CommandLine.toStrings` is of a library the file imports, which the audit does not read for Java code"),
                // comments are not code
                Arguments.of(CODE, "1. CWE-78, line 9: `quote(target)` is called too late.", UNKNOWN_SYMBOL,
                        "the code `quote(target)` does not occur in the file"),
                Arguments.of(CODE, "1. CWE-705, line 9: `halt` stops the JVM.", UNKNOWN_SYMBOL, "`halt` does not occur in the file"),
                Arguments.of(CODE, "1. CWE-78, line 10: bad.", BAD_LINE, "line 10 holds no code (only blanks or comments)"),
                Arguments.of(CODE, "1. CWE-78, line 7: bad.", BAD_LINE, "line 7 holds no code (only blanks or comments)"),
                // definitions: methods, classes, the classes of java.lang the file names
                Arguments.of(CODE, "1. CWE-20, line 15 in method `label`: the number is not checked.", UNSUPPORTED, "`label` is on line 14"),
                Arguments.of(CODE, "1. CWE-20, line 15: method labelOf() builds the name.", UNKNOWN_SYMBOL,
                        "`labelOf` does not occur in the file"),
                Arguments.of(CODE, "1. CWE-20, line 9: class Runtime runs it.", UNSUPPORTED, "line 9 is in the file (17 lines)"),
                Arguments.of(CODE, "1. CWE-20, line 9: class Shell runs it.", UNKNOWN_SYMBOL,
                        "the claim speaks of class `Shell`, but the file defines no such class"),
                // no SQL runs here, and no call could be a sink of it by its name
                Arguments.of(CODE, "1. CWE-89 (SQL Injection), line 9: the target reaches a query.", CONTRADICTED,
                        "no call in Backup.java is a sink of CWE-89 that the dataflow knows, none near line 9 could be one by its"
                                + " name, and the static review reports no CWE-89 finding in the file or along a path through it:"
                                + " no data can reach such a sink there"),
                // a call named like a sink of another file's type (a DAO) proves nothing
                Arguments.of(CODE, "1. CWE-89 (SQL Injection), line 15: the label reaches a query.", UNSUPPORTED,
                        "the dataflow finds no sink of CWE-89 in this file"));
    }

    private static final SourceFile EXPORT = Fixtures.source("Export.java", """
            import java.io.FileWriter;
            import java.io.IOException;
            import java.io.Writer;

            public class Export {
                public void write(String path, String text) throws IOException {
                    try (Writer out = new FileWriter(path)) {
                        out.write(text);
                    }
                }

                public Writer open(String path) throws IOException {
                    Writer out = new FileWriter(path);
                    return out;
                }
            }
            """);

    static Stream<Arguments> resourceClaims() {
        return Stream.of(
                Arguments.of(EXPORT, "1. CWE-772, line 7: the `out` writer is never closed.", CONTRADICTED,
                        "Export.java:7 `try (Writer out = new FileWriter(path)) {` declares `out` as a resource of a"
                                + " try-with-resources statement, which closes it on every path"),
                // the same words where the writer is returned to the caller: not refuted, and nothing sees a leak
                Arguments.of(EXPORT, "1. CWE-772, line 13: the `out` writer is never closed.", UNSUPPORTED, "`out` is on lines 7, 8, 13, 14"),
                Arguments.of(EXPORT, "1. CWE-703, line 7: the try/catch block swallows the error.", UNKNOWN_SYMBOL,
                        "the claim speaks of a try/catch block, but the file has none"),
                Arguments.of(EXPORT, "1. CWE-772, line 7: the try-with-resources statement closes `out` too late.", UNSUPPORTED,
                        "a try-with-resources statement is on line 7"),
                Arguments.of(EXPORT, "1. CWE-362, line 13: the synchronized block does not cover `open`.", UNKNOWN_SYMBOL,
                        "the claim speaks of a synchronized block or method, but the file has none"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource({"claims", "resourceClaims"})
    void verdictAndEvidence(SourceFile code, String review, Verdict verdict, String evidence) {
        AuditedClaim audited = Fixtures.only(Fixtures.audit(code, review));
        assertEquals(verdict, audited.verdict(), audited.evidence()::toString);
        assertTrue(audited.evidence().contains(evidence), () -> audited.evidence() + " lacks: " + evidence);
    }

    @Test
    void aJavaFileThatDoesNotParseHasSyntaxErrors() {
        AuditInput input = Fixtures.input(Fixtures.source("Broken.java", "class Broken {\n    void f( {\n}\n"));
        assertTrue(input.code().syntaxErrors().size() >= 1);
        assertEquals(2, input.code().syntaxErrors().get(0).line());
    }

    @Test
    void theDataflowOfTheJavaFrontEndSupportsATaintClaim() {
        SourceFile servlet = Fixtures.source("Ping.java", """
                import javax.servlet.http.HttpServlet;
                import javax.servlet.http.HttpServletRequest;
                import javax.servlet.http.HttpServletResponse;

                public class Ping extends HttpServlet {
                    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
                        String host = request.getParameter("host");
                        Runtime.getRuntime().exec("ping -c 1 " + host);
                    }
                }
                """);
        AuditedClaim audited = Fixtures.only(Fixtures.audit(servlet, "1. CWE-78, line 8: `host` reaches `exec`."));
        assertEquals(SUPPORTED, audited.verdict(), audited.evidence()::toString);
        assertEquals(List.of("java-command-injection"), audited.matches().stream().map(f -> f.rule().id()).toList());
    }
}
