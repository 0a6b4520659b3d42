package dev.secreview.report;

import static dev.secreview.report.Fixtures.render;
import static dev.secreview.report.HtmlReviewSample.PROBE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.TextRange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    private static final String PAGE = render(ReportFormat.HTML, HtmlReviewSample.report());

    @Test
    void isOnePageThatLoadsNothing() {
        assertTrue(PAGE.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"), PAGE);
        for (String fetch : List.of(" src=", "<link", "@import", "url(", "http://", "https://", "@font-face")) {
            assertFalse(PAGE.contains(fetch), fetch);
        }
        assertEquals(1, occurrences(PAGE, "<style>"));
        assertEquals(2, occurrences(PAGE, "<script"), "the filter data and the filter script");
        assertFalse(PAGE.contains(" style="), "an inline style attribute would need 'unsafe-inline'");
    }

    @Test
    void contentSecurityPolicyAllowsExactlyTheInlineStyleAndScript() throws Exception {
        Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").matcher(PAGE);
        assertTrue(csp.find(), PAGE);
        String style = between(PAGE, "<style>", "</style>");
        String script = between(PAGE, "<script>", "</script>");
        assertEquals("default-src 'none'; style-src 'sha256-" + sha256(style) + "'; script-src 'sha256-"
                + sha256(script) + "'; base-uri 'none'; form-action 'none'", csp.group(1));
        assertTrue(PAGE.indexOf("Content-Security-Policy") < PAGE.indexOf("<style>"), "the policy comes first");
    }

    @Test
    void summaryCountsFilesAndDefectsBySeverityAndSaysTheVerdict() {
        assertTrue(PAGE.contains("<title>Security review: 5 security defects in 2 files</title>"), PAGE);
        assertTrue(PAGE.contains("<p class=\"verdict verdict-defects\" id=\"verdict\">5 security defects in 2 files"
                + " (3 high, 1 medium, 1 low).</p>"), PAGE);
        assertTrue(PAGE.contains("<div><dt>Files reviewed</dt><dd>3</dd></div>"), PAGE);
        assertTrue(PAGE.contains("<div class=\"sev-high\"><dt>High</dt><dd>3</dd></div>"), PAGE);
        assertTrue(PAGE.contains("<div class=\"sev-medium\"><dt>Medium</dt><dd>1</dd></div>"), PAGE);
        assertTrue(PAGE.contains("<div class=\"sev-low\"><dt>Low</dt><dd>1</dd></div>"), PAGE);
    }

    @Test
    void cleanReviewSaysNoDefectsWordForWord() {
        ReviewReport clean = Fixtures.report(List.of(new FileReport("app/util.py", "python", 10, List.of(), List.of())));
        String page = render(ReportFormat.HTML, clean);
        assertTrue(page.contains("<p class=\"verdict verdict-clean\" id=\"verdict\">"
                + "No security defects are detected in the code.</p>"), page);
        assertTrue(page.contains("<title>Security review: No security defects are detected in the code.</title>"), page);
        assertTrue(page.contains("<li><span class=\"path\">app/util.py</span>: <span class=\"verdict-text\">"
                + "No security defects are detected in the code.</span></li>"), page);
        assertFalse(page.contains("<svg"), "no chart without defects");
        assertFalse(page.contains("id=\"filters\""), "nothing to filter");
    }

    @Test
    void chartHasABarPerPillarSplitBySeverity() {
        String chart = between(PAGE, "<svg", "</svg>");
        assertTrue(chart.contains(">CWE-707 Improper Neutralization</text>"), chart);
        assertTrue(chart.contains(">2 high</text>"), "CWE-78 and CWE-79: " + chart);
        assertTrue(chart.contains(">CWE-664 Improper Control of a Resource Through its Lifetime</text>"), chart);
        assertTrue(chart.contains(">1 high, 1 low</text>"), "CWE-502 and CWE-400: " + chart);
        assertTrue(chart.contains(">CWE-693 Protection Mechanism Failure</text>"), chart);
        assertTrue(chart.contains("<title>CWE-664 Improper Control of a Resource Through its Lifetime: 1 low</title>"),
                chart);
        // Most defects first; the longest bars fill the width left for their totals, the others in proportion.
        assertTrue(chart.contains("<rect class=\"sev-high\" x=\"0\" y=\"48\" width=\"456\" height=\"16\">"
                + "<title>CWE-664 Improper Control of a Resource Through its Lifetime: 1 high</title></rect>\n"
                + "<rect class=\"sev-low\" x=\"456\" y=\"48\" width=\"456\" height=\"16\">"), chart);
        assertTrue(chart.contains("<rect class=\"sev-high\" x=\"0\" y=\"94\" width=\"912\" height=\"16\">"), chart);
        assertTrue(chart.contains("<rect class=\"sev-medium\" x=\"0\" y=\"140\" width=\"456\" height=\"16\">"), chart);
    }

    @Test
    void findingShowsItsCodeWithThreeLinesAroundItsOwnLinesHighlighted() {
        String article = article("finding-3");
        assertTrue(article.contains("<div class=\"code\"><table>\n"
                + "<tr><td class=\"ln\">11</td><td class=\"src\">def ping():</td></tr>\n"
                + "<tr><td class=\"ln\">12</td><td class=\"src\">    host = request.args[&quot;host&quot;]</td></tr>\n"
                + "<tr><td class=\"ln\">13</td><td class=\"src\">    cmd = &quot;ping -c 1 &quot; + host</td></tr>\n"
                + "<tr class=\"hit\"><td class=\"ln\">14</td><td class=\"src\">    return "
                + "<mark>subprocess.check_output(cmd, shell=True)</mark></td></tr>\n"
                + "<tr><td class=\"ln\">15</td><td class=\"src\"></td></tr>\n"
                + "<tr><td class=\"ln\">16</td><td class=\"src\"></td></tr>\n"
                + "<tr><td class=\"ln\">17</td><td class=\"src\">@app.route(&quot;/load&quot;, methods=[&quot;POST&quot;])"
                + "</td></tr>\n</table></div>\n"), article);
    }

    @Test
    void findingShowsCweSeverityWhyPathFixAndItsRuleWithoutLinkingAway() {
        String article = article("finding-3");
        assertTrue(article.startsWith("<article class=\"finding sev-high\" id=\"finding-3\""), article);
        assertTrue(article.contains("<span class=\"badge\">high</span><h4 id=\"finding-3-title\">CWE-78: Improper"
                + " Neutralization of Special Elements used in an OS Command (&#39;OS Command Injection&#39;)</h4>"
                + "<a class=\"location\" href=\"#finding-3\">app/views.py:14:12</a>"), article);
        assertTrue(article.contains("<p class=\"facts\">Pillar: CWE-707 Improper Neutralization · Confidence: high"
                + " · Severity score: 9.5</p>"), article);
        assertTrue(article.contains("<dt>Why</dt><dd><code>request.args</code> (line 12) reaches "
                + "<code>subprocess.check_output(…)</code> with shell=True after 2 steps.</dd>"), article);
        assertTrue(article.contains("<dt>Path</dt><dd><ol class=\"places\">\n"
                + "<li><span class=\"where\">app/views.py:12</span><code>flask.request.args</code>: HTTP request data"
                + "<code class=\"snippet\">host = request.args[&quot;host&quot;]</code></li>\n"
                + "<li><span class=\"where\">app/views.py:13</span>concatenated into <code>cmd</code>"
                + "<code class=\"snippet\">cmd = &quot;ping -c 1 &quot; + host</code></li>\n"), article);
        assertTrue(article.contains("<dt>Fix</dt><dd>Pass the command as a list without shell=True, or quote each"
                + " value with shlex.quote().</dd>"), article);
        assertTrue(article.contains("<dt>Rule</dt><dd><code>py-command-injection</code> (B602): Attacker-controlled"
                + " data reaches an operating-system command run through a shell.</dd>"), article);
        assertFalse(article.contains("Also at"), "no related places, no list");
    }

    @Test
    void relatedPlacesAreListedBesideTheFinding() {
        String page = render(ReportFormat.HTML, Fixtures.relatedReport());
        assertTrue(page.contains("<dt>Also at</dt><dd><ol class=\"places\">\n"
                + "<li><span class=\"where\">app/client.py:9</span>also parses with lxml&#39;s default parser"
                + "<code class=\"snippet\">return etree.XML(reply)</code></li>\n"), page);
    }

    @Test
    void withoutKeptCodeTheSnippetShowsAloneOnItsLine() {
        // The standard review keeps the code of app/views.py; the same files without it.
        List<FileReport> withoutCode = Fixtures.files(0).stream()
                .map(f -> new FileReport(f.path(), f.language(), f.lines(), f.findings(), f.diagnostics())).toList();
        String page = render(ReportFormat.HTML, Fixtures.report(withoutCode));
        assertTrue(page.contains("<tr class=\"hit\"><td class=\"ln\">20</td><td class=\"src\">    return "
                + "<mark>pickle.loads(request.data)</mark></td></tr>\n</table>"), page);
    }

    @Test
    void suppressedAndBelowThresholdFindingsAreCountedNotListed() {
        String page = render(ReportFormat.HTML, Fixtures.report());
        assertTrue(page.contains("<p class=\"not-listed\">Not listed: 1 suppressed, 1 below threshold.</p>"), page);
        assertFalse(page.contains("hashlib.md5"), "the suppressed finding is not shown");
    }

    @Test
    void probeInCodeMessageAndFileNameStaysText() {
        String escaped = "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;";
        assertFalse(PAGE.contains("<script>alert(1)"), PAGE);
        assertEquals(2, occurrences(PAGE, "</script>"), "only the page's own two scripts end");
        assertTrue(PAGE.contains("<span class=\"path\">app/" + escaped + ".py</span>"), "file name");
        assertTrue(PAGE.contains("banner = &quot;" + escaped + "&quot;"), "code");
        assertTrue(PAGE.contains("is written into the page next to " + escaped + ".</dd>"), "message");
        assertTrue(PAGE.contains("\"path\": \"app/\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"
                + "\\u003c/script\\u003e.py\""), "filter data");
        assertFalse(between(PAGE, "<script type=\"application/json\" id=\"review-data\">", "</script>").contains("<"));
    }

    @Test
    void hiddenCharactersFromTheTreeAreShownNotObeyed() {
        String path = "app/\u001b]0;owned\u0007\u202eyp.py";
        Finding finding = new Finding(Fixtures.SHELL, path, new TextRange(1, 1, 1, 10), "os.system(x)",
                "`x` \u001b[2J reaches a shell.", Fixtures.SHELL.fix(), Severity.HIGH, Confidence.HIGH, null);
        String page = render(ReportFormat.HTML, Fixtures.report(List.of(
                new FileReport(path, "python", 1, List.of(finding), List.of()))));
        assertFalse(page.contains("\u001b") || page.contains("\u0007") || page.contains("\u202e"), page);
        assertTrue(page.contains("<span class=\"path\">app/<span class=\"hidden-char\">\\x1b</span>]0;owned"
                + "<span class=\"hidden-char\">\\x07</span><span class=\"hidden-char\">\\u202e</span>yp.py</span>"), page);
        assertTrue(page.contains("<code>x</code> <span class=\"hidden-char\">\\x1b</span>[2J reaches a shell."), page);
    }

    @Test
    void sameReviewGivesTheSameBytesWhateverTheInputOrder() {
        assertEquals(render(ReportFormat.HTML, Fixtures.report()), render(ReportFormat.HTML, Fixtures.reversed()));
        assertEquals(PAGE, render(ReportFormat.HTML, HtmlReviewSample.report()));
        assertFalse(PAGE.contains("\r"));
    }

    @Test
    void emptyScanSaysNothingWasFound() {
        String page = render(ReportFormat.HTML, new ReviewReport(new ScanResult(List.of(), List.of(), Duration.ZERO),
                List.of(), Severity.LOW, Confidence.LOW, "0.2.0"));
        assertTrue(page.contains("id=\"verdict\">No files were found to review.</p>"), page);
    }

    /** One defect's article; files are in path order, so the probe file's two come first. */
    private static String article(String id) {
        int start = PAGE.indexOf("<article class=\"finding sev-high\" id=\"" + id + "\"");
        return PAGE.substring(start, PAGE.indexOf("</article>", start) + "</article>".length());
    }

    private static String between(String text, String open, String close) {
        int start = text.indexOf(open) + open.length();
        return text.substring(start, text.indexOf(close, start));
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }

    private static String sha256(String text) throws Exception {
        return Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
