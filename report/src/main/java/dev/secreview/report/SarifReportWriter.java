package dev.secreview.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.SecuritySeverity;
import dev.secreview.core.model.FlowStep;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.TextRange;
import dev.secreview.core.rule.RuleDocs;
import dev.secreview.core.rule.RuleMetadata;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SARIF 2.1.0 with one run, in the shape GitHub code scanning reads. Every rule is described in
 * {@code tool.driver.rules} with its documentation page as help (text and Markdown), its CWE tag, precision
 * and security severity; results carry a line-independent fingerprint, their suppressions (in the source, or
 * external: a baseline's) and, for dataflow findings, the path from source to sink as a code flow, the other
 * places of the defect as related locations; diagnostics become tool execution notifications. Paths are
 * relative to {@code %SRCROOT%} wherever the review's base allows ({@link ReportModel#repositoryPath}); the
 * run's {@code automationDetails} id is {@code secreview/} and an id derived from the findings. Findings below
 * the thresholds are left out.
 */
public final class SarifReportWriter implements ReportWriter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT = "secreview/v1";
    private static final String SRCROOT = "%SRCROOT%";
    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:/.*");

    private final CweCatalog catalog;

    public SarifReportWriter(CweCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void write(ReviewReport report, Writer out) throws IOException {
        ReportModel model = new ReportModel(report, catalog);
        ObjectNode root = JsonOutput.object().put("$schema", SCHEMA).put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver")
                .put("name", "secreview")
                .put("version", report.toolVersion());
        if (!report.projectUrl().isEmpty()) driver.put("informationUri", report.projectUrl());
        ArrayNode rules = driver.putArray("rules");
        model.rules.forEach(rule -> rules.add(rule(rule, model)));

        ObjectNode invocation = run.putArray("invocations").addObject().put("executionSuccessful", true);
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        model.diagnostics().forEach(d -> notifications.add(notification(d, model)));

        // Code scanning files a run's alerts under the category, the id up to its last slash.
        run.putObject("automationDetails").put("id", "secreview/" + model.runId());
        run.putObject("originalUriBaseIds").putObject(SRCROOT).putObject("description")
                .put("text", "The directory the review's relative paths start from: where it was run, or the "
                        + "repository's root for a change review.");
        ArrayNode results = run.putArray("results");
        for (ReportModel.FileView view : model.files) {
            addResults(view, model, results);
        }
        run.put("columnKind", "utf16CodeUnits");
        run.putObject("properties").put("cweCatalogVersion", model.catalogVersion);
        JsonOutput.write(root, out);
    }

    private static ObjectNode rule(RuleMetadata rule, ReportModel model) {
        ReportModel.Cwe cwe = model.cwe(rule.cwe());
        String pillar = cwe.pillar() == null ? "" : "\nPillar: " + cwe.pillar().title();
        ObjectNode node = JsonOutput.object()
                .put("id", rule.id())
                .put("name", rule.id().substring(rule.id().indexOf('-') + 1));
        node.putObject("shortDescription").put("text", rule.summary());
        node.putObject("fullDescription").put("text", rule.summary() + " (" + cwe.label() + ")");
        node.put("helpUri", model.ruleUrl(rule));
        String help = RuleDocs.page(rule.id())
                .orElse(rule.summary() + "\n\n" + cwe.label() + pillar + "\n\nFix: " + rule.fix());
        node.putObject("help").put("text", help).put("markdown", help); // the rule pages are Markdown written to read as text
        node.putObject("defaultConfiguration").put("level", level(rule.severity()));
        ObjectNode properties = node.putObject("properties");
        // Scorers read the first tag that mentions "cwe": it must be the rule's own CWE.
        properties.putArray("tags").add("security").add("external/cwe/cwe-" + cwe.id());
        properties.put("precision", rule.confidence().label()); // low/medium/high are SARIF precisions too
        properties.put("security-severity", SecuritySeverity.label(SecuritySeverity.of(rule)));
        return node;
    }

    private static void addResults(ReportModel.FileView view, ReportModel model, ArrayNode results) {
        // The occurrence index runs over all findings of the file, so thresholds never shift it.
        Map<String, Integer> occurrences = new HashMap<>();
        for (Finding f : view.file().findings()) {
            String key = f.rule().id() + '\0' + model.repositoryPath(f.path()) + '\0' + f.snippet().strip();
            int occurrence = occurrences.merge(key, 1, Integer::sum) - 1;
            if (!model.report.shows(f)) continue;
            results.add(result(f, model, Sha256.hex(key + '\0' + occurrence)));
        }
    }

    private static ObjectNode result(Finding f, ReportModel model, String fingerprint) {
        ReportModel.Cwe cwe = model.cwe(f.cwe());
        ObjectNode node = JsonOutput.object()
                .put("ruleId", f.rule().id())
                .put("ruleIndex", model.ruleIndex(f.rule()))
                .put("level", level(f.severity()));
        node.putObject("message").put("text", f.message() + "\nFix: " + f.fix());
        node.putArray("locations").addObject()
                .set("physicalLocation", physicalLocation(model.repositoryPath(f.path()), f.range(), f.snippet()));
        if (!f.flow().isEmpty()) node.set("codeFlows", codeFlows(f.flow(), model));
        if (!f.related().isEmpty()) node.set("relatedLocations", relatedLocations(f.related(), model));
        node.putObject("partialFingerprints").put(FINGERPRINT, fingerprint);
        if (f.suppressed()) {
            node.putArray("suppressions").addObject()
                    .put("kind", f.suppression().inSource() ? "inSource" : "external")
                    .put("justification", f.suppression().directive());
        }
        ObjectNode properties = node.putObject("properties");
        ObjectNode cweNode = properties.putObject("cwe").put("id", cwe.id()).put("name", cwe.name());
        if (cwe.pillar() == null) {
            cweNode.putNull("pillar");
        } else {
            cweNode.putObject("pillar").put("id", cwe.pillar().id()).put("name", cwe.pillar().name());
        }
        properties.put("severity", f.severity().label()).put("confidence", f.confidence().label())
                .put("security-severity", SecuritySeverity.label(SecuritySeverity.of(f)));
        return node;
    }

    /**
     * The dataflow path as one code flow with one thread flow (SARIF 2.1.0 §3.36–3.38): each step a
     * location with its note as message, {@code executionOrder} counting from 1 in program order.
     */
    private static ArrayNode codeFlows(List<FlowStep> steps, ReportModel model) {
        ArrayNode codeFlows = JsonOutput.array();
        ArrayNode locations = codeFlows.addObject().putArray("threadFlows").addObject().putArray("locations");
        for (int i = 0; i < steps.size(); i++) {
            FlowStep step = steps.get(i);
            ObjectNode location = JsonOutput.object();
            location.set("physicalLocation",
                    physicalLocation(model.repositoryPath(step.path()), step.range(), step.snippet()));
            location.putObject("message").put("text", step.note());
            ObjectNode threadFlowLocation = locations.addObject();
            threadFlowLocation.set("location", location);
            threadFlowLocation.put("executionOrder", i + 1);
        }
        return codeFlows;
    }

    /** The other places the same defect shows (SARIF 2.1.0 §3.27.22), each a location with an id and its note. */
    private static ArrayNode relatedLocations(List<FlowStep> places, ReportModel model) {
        ArrayNode related = JsonOutput.array();
        for (int i = 0; i < places.size(); i++) {
            FlowStep place = places.get(i);
            ObjectNode location = related.addObject().put("id", i + 1);
            location.set("physicalLocation",
                    physicalLocation(model.repositoryPath(place.path()), place.range(), place.snippet()));
            location.putObject("message").put("text", place.note());
        }
        return related;
    }

    private static ObjectNode physicalLocation(String path, TextRange range, String snippet) {
        ObjectNode physical = JsonOutput.object();
        physical.set("artifactLocation", artifactLocation(path));
        ObjectNode region = region(range);
        if (!snippet.isEmpty()) region.putObject("snippet").put("text", snippet);
        physical.set("region", region);
        return physical;
    }

    /** An empty range means the whole line: SARIF says so by omitting endColumn. */
    private static ObjectNode region(TextRange r) {
        ObjectNode region = JsonOutput.object()
                .put("startLine", r.startLine())
                .put("startColumn", r.startColumn())
                .put("endLine", r.endLine());
        if (r.endLine() > r.startLine() || r.endColumn() > r.startColumn()) region.put("endColumn", r.endColumn());
        return region;
    }

    private static ObjectNode notification(Diagnostic d, ReportModel model) {
        ObjectNode node = JsonOutput.object().put("level", switch (d.kind()) {
            case NOT_FOUND, UNREADABLE, BINARY, UNDECODABLE, ANALYSIS_ERROR -> "error";
            case PARSE_ERROR -> "warning";
            case TOO_LARGE, NOT_SOURCE -> "note";
        });
        node.putObject("message").put("text", d.render());
        ObjectNode physical = node.putArray("locations").addObject().putObject("physicalLocation");
        physical.set("artifactLocation", artifactLocation(model.repositoryPath(d.path())));
        if (d.line() > 0) physical.putObject("region").put("startLine", d.line());
        node.putObject("descriptor").put("id", ReportModel.kindId(d.kind()));
        return node;
    }

    /** Relative display paths stay relative to %SRCROOT%; absolute ones become file URIs. */
    static ObjectNode artifactLocation(String path) {
        String slashed = path.replace('\\', '/');
        ObjectNode node = JsonOutput.object();
        if (slashed.startsWith("//")) {
            node.put("uri", "file:" + encode(slashed, true));
        } else if (slashed.startsWith("/")) {
            node.put("uri", "file://" + encode(slashed, true));
        } else if (DRIVE.matcher(slashed).matches()) {
            node.put("uri", "file:///" + encode(slashed, true));
        } else {
            String relative = slashed.startsWith("./") ? slashed.substring(2) : slashed;
            node.put("uri", encode(relative, false)).put("uriBaseId", SRCROOT);
        }
        return node;
    }

    /** Percent-encodes all but unreserved characters and '/'; ':' too in relative paths, lest it read as a scheme. */
    private static String encode(String path, boolean absolute) {
        StringBuilder uri = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/".indexOf(c) >= 0 || (absolute && c == ':')) {
                uri.append(c);
            } else {
                uri.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return uri.toString();
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "note";
        };
    }
}
