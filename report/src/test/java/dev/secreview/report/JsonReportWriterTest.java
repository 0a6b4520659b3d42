package dev.secreview.report;

import static dev.secreview.report.Fixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.SkippedPath;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void outputIsByteIdenticalAcrossRunsAndInputOrders() {
        String first = render(ReportFormat.JSON, Fixtures.report());
        assertEquals(first, render(ReportFormat.JSON, Fixtures.report()));
        assertEquals(first, render(ReportFormat.JSON, Fixtures.reversed()));
        assertFalse(first.contains("\r"));
        assertTrue(first.endsWith("}\n"));
    }

    @Test
    void documentedTopLevelShape() throws Exception {
        JsonNode root = MAPPER.readTree(render(ReportFormat.JSON, Fixtures.report()));
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("formatVersion", "tool", "catalog", "thresholds", "summary", "files", "diagnostics", "skipped"),
                keys);
        assertEquals(1, root.get("formatVersion").asInt());
        assertEquals("secreview", root.at("/tool/name").asText());
        assertEquals("0.1.0", root.at("/tool/version").asText());
        assertEquals("CWE", root.at("/catalog/name").asText());
        assertEquals("4.15", root.at("/catalog/version").asText());
        List<String> paths = new ArrayList<>();
        root.get("files").forEach(f -> paths.add(f.get("path").asText()));
        assertEquals(List.of("app/broken.py", "app/util.py", "app/views.py", "data/blob.py"), paths);
        assertEquals("missing/dir", root.at("/diagnostics/0/path").asText());
        assertEquals("parse-error", root.at("/files/0/diagnostics/0/kind").asText());
        assertEquals(3, root.at("/files/0/diagnostics/0/line").asInt());
    }

    @Test
    void skippedPathsAreListedAndCountedByReason() throws Exception {
        ScanResult scan = new ScanResult(List.of(), List.of(), Set.of(), List.of(
                new SkippedPath("venv", "virtualenv", 120), new SkippedPath("gen/api_pb2.py", "git-ignored", 1),
                new SkippedPath("build", "git-ignored", 7)), Duration.ZERO);
        JsonNode root = MAPPER.readTree(render(ReportFormat.JSON,
                new ReviewReport(scan, Fixtures.RULES, Severity.LOW, Confidence.LOW, "0.1.0")));

        assertEquals(128, root.at("/summary/skipped/files").asInt());
        assertEquals(8, root.at("/summary/skipped/byReason/git-ignored").asInt());
        assertEquals(120, root.at("/summary/skipped/byReason/virtualenv").asInt());
        assertEquals("build", root.at("/skipped/0/path").asText(), "in path order");
        assertEquals("git-ignored", root.at("/skipped/0/reason").asText());
        assertEquals(7, root.at("/skipped/0/files").asInt());
        assertEquals(3, root.get("skipped").size());
    }

    @Test
    void summaryCountsShownSuppressedAndBelowThreshold() throws Exception {
        JsonNode summary = MAPPER.readTree(render(ReportFormat.JSON, Fixtures.report())).get("summary");
        assertEquals(3, summary.get("filesReviewed").asInt());
        assertEquals(2, summary.get("filesNotReviewed").asInt(), "the undecodable file and the missing path");
        assertEquals(58, summary.get("lines").asInt());
        assertEquals(2, summary.get("findings").asInt());
        assertEquals(2, summary.at("/bySeverity/high").asInt());
        assertEquals(0, summary.at("/bySeverity/medium").asInt());
        assertEquals(664, summary.at("/byPillar/0/id").asInt());
        assertEquals(707, summary.at("/byPillar/1/id").asInt());
        assertEquals(1, summary.get("suppressed").asInt());
        assertEquals(1, summary.get("belowThreshold").asInt());
        assertEquals(1, summary.at("/diagnostics/not-found").asInt());
        assertEquals(1, summary.at("/diagnostics/undecodable").asInt());
        assertEquals(0, summary.at("/diagnostics/unreadable").asInt());
        assertEquals(1, summary.at("/diagnostics/parse-error").asInt());
    }

    @Test
    void findingsCarryCweLocationAndSuppression() throws Exception {
        JsonNode findings = MAPPER.readTree(render(ReportFormat.JSON, Fixtures.report())).at("/files/2/findings");
        // Shell and pickle are shown, MD5 is kept but marked, the low-confidence guess is left out.
        assertEquals(3, findings.size());
        JsonNode shell = findings.get(0);
        assertEquals("py-subprocess-shell", shell.get("ruleId").asText());
        assertEquals(78, shell.at("/cwe/id").asInt());
        assertEquals("Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')",
                shell.at("/cwe/name").asText());
        assertEquals(707, shell.at("/cwe/pillar/id").asInt());
        assertEquals("Improper Neutralization", shell.at("/cwe/pillar/name").asText());
        assertEquals("high", shell.get("severity").asText());
        assertEquals("medium", shell.get("confidence").asText());
        assertEquals(8.5, shell.get("securitySeverity").asDouble());
        assertEquals("app/views.py", shell.at("/location/path").asText());
        assertEquals(12, shell.at("/location/startLine").asInt());
        assertEquals(5, shell.at("/location/startColumn").asInt());
        assertEquals(36, shell.at("/location/endColumn").asInt());
        assertEquals("    subprocess.run(cmd, shell=True)", shell.get("snippet").asText());
        assertTrue(shell.get("fix").asText().startsWith("Pass the command"));
        assertTrue(shell.get("suppressed").isNull());

        JsonNode md5 = findings.get(2);
        assertEquals("py-weak-hash", md5.get("ruleId").asText());
        assertEquals("# nosec B324", md5.at("/suppressed/directive").asText());
        assertEquals(30, md5.at("/suppressed/line").asInt());
        findings.forEach(f -> assertFalse(f.get("snippet").asText().contains("os.system")));
        findings.forEach(f -> assertEquals(0, f.get("flow").size(), "a pattern finding has an empty flow"));
    }

    @Test
    void relatedPlacesAreListedBesideTheFindingOnlyWhenThereAreAny() throws Exception {
        JsonNode finding = MAPPER.readTree(render(ReportFormat.JSON, Fixtures.relatedReport())).at("/files/0/findings/0");
        assertEquals(0, finding.get("flow").size());
        JsonNode related = finding.get("related");
        assertEquals(2, related.size());
        assertEquals("app/client.py", related.at("/0/path").asText());
        assertEquals(9, related.at("/0/line").asInt());
        assertEquals(12, related.at("/0/column").asInt());
        assertEquals("return etree.XML(reply)", related.at("/0/snippet").asText());
        assertEquals("also parses with lxml's default parser", related.at("/0/note").asText());
        MAPPER.readTree(render(ReportFormat.JSON, Fixtures.report())).at("/files/0/findings")
                .forEach(f -> assertTrue(f.path("related").isMissingNode()));
    }

    @Test
    void dataflowFindingCarriesItsPathInProgramOrder() throws Exception {
        JsonNode flow = MAPPER.readTree(render(ReportFormat.JSON, Fixtures.flowReport())).at("/files/0/findings/0/flow");
        assertEquals(3, flow.size());
        List<String> keys = new ArrayList<>();
        flow.get(0).fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("path", "line", "column", "endLine", "endColumn", "snippet", "note"), keys);
        JsonNode source = flow.get(0);
        assertEquals("app/views.py", source.get("path").asText());
        assertEquals(12, source.get("line").asInt());
        assertEquals(12, source.get("column").asInt());
        assertEquals(12, source.get("endLine").asInt());
        assertEquals(36, source.get("endColumn").asInt());
        assertEquals("    host = request.args['host']", source.get("snippet").asText());
        assertEquals("`host` from `request.args`", source.get("note").asText());
        assertEquals("concatenated into `cmd`", flow.get(1).get("note").asText());
        assertEquals("app/runner.py", flow.get(2).get("path").asText());
        assertEquals(5, flow.get(2).get("line").asInt());
        assertEquals("passed to `subprocess.run(shell=True)`", flow.get(2).get("note").asText());
    }
}
