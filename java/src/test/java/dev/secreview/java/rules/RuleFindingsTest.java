package dev.secreview.java.rules;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.SourceFile;
import dev.secreview.java.JavaFrontEnd;
import dev.secreview.java.api.JavaRule;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a user sees of the rules whose findings differ in severity, confidence or message by what they found. */
class RuleFindingsTest {

    private static List<Finding> findings(JavaRule rule, String path, String text) {
        return new JavaFrontEnd(List.of(rule)).analyze(new SourceFile(Path.of(path), path, text)).findings();
    }

    @Test
    void aResourceNeverClosedIsOfMediumConfidenceOneClosedOnlyOnSuccessOfLow() {
        List<Finding> found = findings(new UnclosedResource(), "app/Files.java", """
                class Files {
                    int never(java.io.File f) throws Exception {
                        java.io.InputStream in = new java.io.FileInputStream(f);
                        return in.read();
                    }

                    int onSuccess(java.io.File f) throws Exception {
                        java.io.InputStream in = new java.io.FileInputStream(f);
                        int first = in.read();
                        in.close();
                        return first;
                    }
                }
                """);
        assertEquals(2, found.size());
        Finding never = found.get(0), onSuccess = found.get(1);
        assertEquals(List.of("java-unclosed-resource", "app/Files.java", 3, Severity.LOW, Confidence.MEDIUM),
                List.of(never.rule().id(), never.path(), never.line(), never.severity(), never.confidence()));
        assertTrue(never.message().contains("`in` is never closed"), never.message());
        assertEquals(List.of(8, Severity.LOW, Confidence.LOW), List.of(onSuccess.line(), onSuccess.severity(), onSuccess.confidence()));
        assertTrue(onSuccess.message().contains("closed only when nothing throws"), onSuccess.message());
    }

    @Test
    void aServletsLazyFieldIsMediumAStaticSingletonLow() {
        List<Finding> found = findings(new UnsynchronizedLazyInit(), "app/Counter.java", """
                class Counter extends javax.servlet.http.HttpServlet {
                    private static Counter instance;
                    private java.util.Map<String, Integer> counts;

                    static Counter instance() {
                        if (instance == null) instance = new Counter();
                        return instance;
                    }

                    protected void doGet(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) {
                        if (counts == null) counts = new java.util.HashMap<>();
                        counts.merge(request.getRemoteAddr(), 1, Integer::sum);
                    }
                }
                """);
        assertEquals(List.of(6, 11), found.stream().map(Finding::line).toList());
        assertEquals(List.of(Severity.LOW, Severity.MEDIUM), found.stream().map(Finding::severity).toList());
        assertTrue(found.get(0).message().contains("the class's single instance"), found.get(0).message());
        assertTrue(found.get(1).message().contains("one instance of this class serves every request, each of which changes it"), found.get(1).message());
    }

    @Test
    void anXmlFindingNamesTheCallThatParses() {
        List<Finding> found = findings(new XmlExternalEntities(), "app/Xml.java", """
                import javax.xml.parsers.DocumentBuilderFactory;
                class Xml {
                    Object read(java.io.InputStream in) throws Exception {
                        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                        return factory.newDocumentBuilder().parse(in);
                    }
                }
                """);
        assertEquals(1, found.size());
        Finding finding = found.get(0);
        assertEquals(List.of("java-xml-external-entities", 4, Severity.MEDIUM, Confidence.MEDIUM, 611),
                List.of(finding.rule().id(), finding.line(), finding.severity(), finding.confidence(), finding.cwe()));
        assertTrue(finding.message().startsWith("this DocumentBuilderFactory is used to parse (`newDocumentBuilder`, line 5)"),
                finding.message());
    }
}
