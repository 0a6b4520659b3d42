package dev.secreview.java;

import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.engine.SuppressionDirective;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.SourceFile;
import dev.secreview.java.taint.JavaFacts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaFrontEndTest {
    private final JavaFrontEnd frontEnd = new JavaFrontEnd();

    private static SourceFile source(String name, String text) {
        return new SourceFile(Path.of(name), name, text);
    }

    @Test
    void handlesJavaFilesOnly() {
        assertTrue(frontEnd.handles(Path.of("src/App.java")));
        assertFalse(frontEnd.handles(Path.of("app.py")));
        assertFalse(frontEnd.handles(Path.of("App.class")));
    }

    @Test
    void aFileThatDoesNotParseIsOneDiagnostic() {
        FileAnalysis analysis = frontEnd.analyze(source("Broken.java", "class Broken { void f( { }\n"));
        assertEquals(1, analysis.diagnostics().size());
        assertEquals(Diagnostic.Kind.PARSE_ERROR, analysis.diagnostics().get(0).kind());
        assertEquals(List.of(), analysis.findings());
        assertNull(analysis.facts());
    }

    @Test
    void aFileThatParsesIsLoweredForTheDataflow() {
        FileAnalysis analysis = frontEnd.analyze(source("p/A.java", "package p; class A { int f() { return 1; } }\n"));
        assertEquals(List.of(), analysis.diagnostics());
        JavaFacts facts = assertInstanceOf(JavaFacts.class, analysis.facts());
        assertEquals("p.A", facts.module().name());
        assertEquals("p.A.f", facts.module().functions().get(0).name());
        assertEquals(List.of("this"), facts.module().functions().get(0).parameters());
    }

    @Test
    void suppressionsCoverTheirStatementOrDeclaration() {
        FileAnalysis analysis = frontEnd.analyze(source("S.java", """
                class S {
                    void f() throws Exception {
                        java.security.MessageDigest.getInstance( // nosec java-weak-hash
                                "MD5");
                        java.security.MessageDigest.getInstance("MD5"); // secreview: ignore[java-weak-hash]
                    }

                    @SuppressWarnings("secreview:java-weak-hash")
                    void g() throws Exception {
                        java.security.MessageDigest.getInstance("MD5");
                    }
                }
                """));
        List<SuppressionDirective> directives = analysis.suppressions();
        assertEquals(3, directives.size());
        assertEquals(3, analysis.findings().size());
        for (var finding : analysis.findings()) {
            assertTrue(directives.stream().anyMatch(d -> d.covers(finding)), "not covered: line " + finding.line());
        }
        assertEquals(List.of(3, 4), List.of(directives.get(0).firstLine(), directives.get(0).lastLine()));
    }

    @Test
    void theWholeTreePhaseFollowsDataAcrossFiles() {
        SourceFile servlet = source("web/Hello.java", """
                package web;
                import javax.servlet.http.*;
                public class Hello extends HttpServlet {
                    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
                        response.getWriter().print(util.Text.wrap(request.getParameter("name")));
                    }
                }
                """);
        SourceFile helper = source("util/Text.java", """
                package util;
                public final class Text {
                    public static String wrap(String s) {
                        return "<b>" + s + "</b>";
                    }
                }
                """);
        Map<String, FileAnalysis> reviewed = frontEnd.reviewTree(Map.of(servlet.displayPath(), frontEnd.analyze(servlet),
                helper.displayPath(), frontEnd.analyze(helper)), Set.of("remote"));
        var findings = reviewed.get("web/Hello.java").findings();
        assertEquals(1, findings.size());
        assertEquals("java-xss", findings.get(0).rule().id());
        assertEquals(5, findings.get(0).line());
    }
}
