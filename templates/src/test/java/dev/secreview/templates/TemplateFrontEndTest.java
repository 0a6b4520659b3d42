package dev.secreview.templates;

import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.engine.SuppressionDirective;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.model.TextRange;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateFrontEndTest {
    private final TemplateFrontEnd frontEnd = new TemplateFrontEnd();

    private FileAnalysis analyze(String path, String text) {
        return frontEnd.analyze(new SourceFile(Path.of(path), path, text));
    }

    private static List<Finding> reported(FileAnalysis analysis) {
        return SuppressionDirective.apply(analysis.findings(), analysis.suppressions()).stream()
                .filter(f -> !f.suppressed()).toList();
    }

    @Test
    void theScannerFindsTheFrontEndAndItsRules() {
        assertTrue(dev.secreview.core.engine.Scanner.withInstalledFrontEnds().rules().stream()
                .map(dev.secreview.core.rule.RuleMetadata::id).toList()
                .containsAll(List.of("tpl-dom-xss", "tpl-safe-filter", "tpl-script-value", "tpl-unquoted-attribute",
                        "tpl-url-scheme")));
    }

    @Test
    void handlesTemplateFilesByName() {
        for (String name : List.of("app/templates/a.html", "b.htm", "c.jinja", "d.jinja2", "e.html.j2",
                "app/templates/mail/reset.txt", "app/templates/feed.xml")) {
            assertTrue(frontEnd.handles(Path.of(name)), name);
        }
        for (String name : List.of("notes.txt", "pom.xml", "app/static/x.js", "views.py", "templates.py",
                "dashboard/static/app/templates/view.html", "app/static/page.html")) {
            assertFalse(frontEnd.handles(Path.of(name)), name);
        }
    }

    @Test
    void reportsAtTheTemplatesOwnLineAndColumn() {
        FileAnalysis analysis = analyze("templates/page.html", "<div>\n  <p>{{ bio|safe }}</p>\n</div>\n");
        Finding finding = analysis.findings().get(0);
        assertEquals("tpl-safe-filter", finding.rule().id());
        assertEquals(new TextRange(2, 6, 2, 20), finding.range());
        assertEquals("<p>{{ bio|safe }}</p>", finding.snippet());
        assertEquals("templates/page.html", finding.path());
        assertEquals(79, finding.cwe());
    }

    @Test
    void theSameValueWrittenTheSameWayTwiceIsOneFindingWithItsOtherPlace() {
        FileAnalysis analysis = analyze("t.html", """
                <script>
                {% if ready %}init({{ rows|safe }});{% else %}
                  later(function () { init({{ rows|safe }}); });{% endif %}
                  show({{ rows|safe|first }}, {{ _("Loading")|safe }});
                </script>
                """);
        assertEquals(List.of(2, 4), analysis.findings().stream().map(Finding::line).toList());
        assertEquals(List.of(3), analysis.findings().get(0).related().stream().map(r -> r.line()).toList());
        assertEquals(List.of(), analysis.findings().get(1).related());
    }

    @Test
    void aPlainHtmlPageIsNotATemplateAndHasNoFindings() {
        FileAnalysis analysis = analyze("site/index.html",
                "<script>$.getJSON('/x', function (d) { $('#a').html(d.name); });</script>\n");
        assertEquals(List.of(), analysis.findings());
        assertEquals(List.of(), analysis.diagnostics());
    }

    @Test
    void textTemplatesAndTestTemplatesAreNotReviewed() {
        assertEquals(List.of(), analyze("app/templates/mail.txt", "Hi {{ name|safe }}\n").findings());
        assertEquals(List.of(), analyze("roles/x/templates/frr.conf.j2", "hostname {{ name|safe }}\n").findings());
        assertEquals(List.of(), analyze("app/tests/templates/t.html", "<p>{{ bio|safe }}</p>\n").findings());
        // An .html template with no tag of its own is plain text (a mail subject, an SMS body).
        assertEquals(List.of(), analyze("app/templates/sms_message.html", "{{ check.name|safe }} is down\n").findings());
        assertEquals(1, analyze("app/templates/page.html.j2", "<p>{{ bio|safe }}</p>\n").findings().size());
        assertEquals(1, analyze("app/templates/page.j2", "<div>{{ bio|safe }}</div>\n").findings().size());
    }

    @Test
    void commentsSuppressTheirLineOrTheNextOne() {
        FileAnalysis analysis = analyze("t.html", """
                <p>{{ a|safe }}</p> {# nosec #}
                {# secreview: ignore[tpl-safe-filter] reviewed: built with format_html #}
                <p>{{ b|safe }}</p>
                {# nosec tpl-url-scheme #}
                <p>{{ c|safe }}</p>
                <p>{{ d|safe }}</p>
                """);
        assertEquals(4, analysis.findings().size());
        assertEquals(List.of(5, 6), reported(analysis).stream().map(Finding::line).toList());
    }

    @Test
    void anUnclosedDelimiterIsAParseErrorAndTheRestIsStillReviewed() {
        FileAnalysis analysis = analyze("t.html", "<p>{{ a|safe }}</p>\n<p>{{ b\n");
        assertEquals(1, analysis.findings().size());
        Diagnostic diagnostic = analysis.diagnostics().get(0);
        assertEquals(Diagnostic.Kind.PARSE_ERROR, diagnostic.kind());
        assertEquals(2, diagnostic.line());
    }
}
