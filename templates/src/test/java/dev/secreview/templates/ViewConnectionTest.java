package dev.secreview.templates;

import dev.secreview.core.engine.ScanListener;
import dev.secreview.core.engine.ScanRequest;
import dev.secreview.core.engine.Scanner;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.SourceFile;
import dev.secreview.eval.InlineExpectations;
import dev.secreview.python.PythonFrontEnd;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The view connection on two small applications (a Flask app and a Django app, views and templates): the templates'
 * findings with the Python views scanned beside them are exactly their {@code expect:} lines, what the views pass
 * raises or drops findings, and the same templates alone are reviewed as the template shows them.
 */
class ViewConnectionTest {

    private static Path app(String name) throws Exception {
        return Path.of(ViewConnectionTest.class.getResource("/views/" + name).toURI());
    }

    private static List<FileReport> scan(Path app, boolean withViews) {
        Scanner scanner = new Scanner(withViews ? List.of(new PythonFrontEnd(), new TemplateFrontEnd())
                : List.of(new TemplateFrontEnd()));
        return scanner.scan(ScanRequest.of(List.of(app)), ScanListener.NONE).files();
    }

    private static List<Finding> templateFindings(List<FileReport> reports) {
        return reports.stream().flatMap(r -> r.findings().stream()).filter(f -> f.rule().id().startsWith("tpl-")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"flask-app", "django-app"})
    void templateFindingsAreTheExpectLinesWhenTheViewsAreScannedToo(String name) throws Exception {
        Path app = app(name);
        List<Finding> findings = templateFindings(scan(app, true));
        TreeSet<String> expected = new TreeSet<>();
        int nearMisses = 0;
        try (var files = Files.walk(app)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                SourceFile source = new SourceFile(file, file.toString(), Files.readString(file));
                for (InlineExpectations.Expectation e : InlineExpectations.parse(source)) {
                    if (e.flagged()) expected.add(file.getFileName() + ":" + e.line() + " " + e.ruleId());
                    else nearMisses++;
                }
            }
        }
        TreeSet<String> reported = new TreeSet<>();
        for (Finding f : findings) reported.add(Path.of(f.path()).getFileName() + ":" + f.line() + " " + f.rule().id());
        assertEquals(expected, reported);
        assertTrue(nearMisses >= 4, "each application has its near misses");
    }

    @Test
    void theRequestsDataThatAViewPassesIsReportedAtHighConfidenceWithTheViewsLine() throws Exception {
        List<String> flask = shown(templateFindings(scan(app("flask-app"), true)));
        assertEquals(List.of(
                "_card.html:5 tpl-safe-filter HIGH HIGH app.py:22",
                "go.html:5 tpl-url-scheme MEDIUM HIGH app.py:27",
                "profile.html:7 tpl-safe-filter MEDIUM LOW -",
                "profile.html:9 tpl-unquoted-attribute MEDIUM HIGH app.py:22",
                "search.html:14 tpl-safe-filter MEDIUM LOW -",
                "search.html:18 tpl-script-value MEDIUM HIGH app.py:15",
                "search.html:7 tpl-safe-filter HIGH HIGH app.py:15"), flask);
        List<String> django = shown(templateFindings(scan(app("django-app"), true)));
        assertEquals(List.of(
                "about.html:6 tpl-unquoted-attribute MEDIUM HIGH views.py:28",
                "post_detail.html:6 tpl-safe-filter MEDIUM LOW -",
                "post_detail.html:8 tpl-script-value MEDIUM HIGH views.py:13",
                "preview.html:7 tpl-safe-filter HIGH HIGH views.py:19"), django);
    }

    @Test
    void withoutTheViewsTheTemplatesAloneReportWhatTheViewsShowHarmlessAndMissWhatTheyShowIsTheRequests() throws Exception {
        List<String> flask = templateFindings(scan(app("flask-app"), false)).stream()
                .map(f -> Path.of(f.path()).getFileName() + ":" + f.line()).toList();
        // Harmless by the views: a constant, escaped text, a URL the application built.
        assertTrue(flask.containsAll(List.of("search.html:5", "profile.html:5", "profile.html:11", "_card.html:3")),
                flask.toString());
        // The request's by the views only: a link whose name says nothing.
        assertTrue(!flask.contains("go.html:5"), flask.toString());
    }

    /** File, line, rule, severity, confidence, and the view the message names ("-" for none). */
    private static List<String> shown(List<Finding> findings) {
        List<String> shown = new ArrayList<>();
        for (Finding f : findings) {
            var view = java.util.regex.Pattern.compile("(?i)the view at \\S*?([\\w.]+:\\d+) ").matcher(f.message());
            shown.add(Path.of(f.path()).getFileName() + ":" + f.line() + " " + f.rule().id() + " " + f.severity() + " "
                    + f.confidence() + " " + (view.find() ? view.group(1) : "-"));
        }
        shown.sort(null);
        return shown;
    }
}
