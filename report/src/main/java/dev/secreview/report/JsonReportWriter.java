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

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The secreview JSON report, format version {@value #FORMAT_VERSION}. Keys appear in this order:
 * <pre>{@code
 * {
 *   "formatVersion": 1,
 *   "tool": {"name": "secreview", "version": "0.1.0"},
 *   "catalog": {"name": "CWE", "version": "4.15"},
 *   "thresholds": {"severity": "low", "confidence": "low"},
 *   "summary": {"filesReviewed", "filesNotReviewed",
 *               "skipped": {"files", "byReason": {"git-ignored", "virtualenv", ...}},   // left out on purpose
 *               "lines", "findings",
 *               "bySeverity": {"high", "medium", "low"},
 *               "byPillar": [{"id", "name", "count"}],      // id and name null: CWE without pillar
 *               "suppressed", "belowThreshold",
 *               "diagnostics": {"not-found", "unreadable", "binary", "undecodable", "too-large", "not-source",
 *                               "parse-error", "analysis-error"}},
 *   "files": [{"path", "language", "lines", "reviewed",
 *              "findings": [{"ruleId", "cwe": {"id", "name", "pillar": {"id", "name"} | null},
 *                            "severity", "confidence", "securitySeverity",
 *                            "location": {"path", "startLine", "startColumn", "endLine", "endColumn"},
 *                            "snippet", "message", "fix",
 *                            "suppressed": {"directive", "line"} | null,
 *                            "flow": [{"path", "line", "column", "endLine", "endColumn", "snippet", "note"}],
 *                            "related": [ same shape as flow ]}],     // only when there are related places
 *              "diagnostics": [{"kind", "line", "message"}]}],
 *   "diagnostics": [{"kind", "path", "line", "message"}],  // problems with the given paths
 *   "skipped": [{"path", "reason", "files"}]               // folders and files left out, with their source files
 * }
 * }</pre>
 * Files are in path order, findings in {@link Finding#ORDER}. Suppressed findings are kept and
 * marked; findings below the thresholds are left out and only counted. {@code flow} is the path of a
 * dataflow finding from source to sink, in program order; it is empty for other findings. {@code related}
 * lists the other places the same defect shows (the calls that use a parser configured once).
 * {@code summary.findings} and its breakdowns count shown, unsuppressed findings. Columns are 1-based
 * UTF-16 units, the end column exclusive; {@code line} 0 means the whole file.
 */
public final class JsonReportWriter implements ReportWriter {

    public static final int FORMAT_VERSION = 1;

    private final CweCatalog catalog;

    public JsonReportWriter(CweCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void write(ReviewReport report, Writer out) throws IOException {
        ReportModel model = new ReportModel(report, catalog);
        ObjectNode root = JsonOutput.object();
        root.put("formatVersion", FORMAT_VERSION);
        root.putObject("tool").put("name", "secreview").put("version", report.toolVersion());
        root.putObject("catalog").put("name", "CWE").put("version", model.catalogVersion);
        root.putObject("thresholds")
                .put("severity", report.minSeverity().label())
                .put("confidence", report.minConfidence().label());
        root.set("summary", summary(model));
        ArrayNode files = root.putArray("files");
        for (ReportModel.FileView view : model.files) {
            ObjectNode file = files.addObject()
                    .put("path", view.file().path())
                    .put("language", view.file().language())
                    .put("lines", view.file().lines())
                    .put("reviewed", view.file().reviewed());
            ArrayNode findings = file.putArray("findings");
            view.shown().forEach(f -> findings.add(finding(f, model)));
            ArrayNode diagnostics = file.putArray("diagnostics");
            for (Diagnostic d : view.file().diagnostics()) {
                diagnostics.addObject()
                        .put("kind", ReportModel.kindId(d.kind()))
                        .put("line", d.line())
                        .put("message", d.message());
            }
        }
        ArrayNode problems = root.putArray("diagnostics");
        for (Diagnostic d : model.pathProblems) {
            problems.addObject()
                    .put("kind", ReportModel.kindId(d.kind()))
                    .put("path", d.path())
                    .put("line", d.line())
                    .put("message", d.message());
        }
        ArrayNode skipped = root.putArray("skipped");
        report.scan().skipped().forEach(skip -> skipped.addObject()
                .put("path", skip.path()).put("reason", skip.reason()).put("files", skip.files()));
        JsonOutput.write(root, out);
    }

    private static ObjectNode summary(ReportModel model) {
        ObjectNode summary = JsonOutput.object()
                .put("filesReviewed", model.filesReviewed())
                .put("filesNotReviewed", model.filesNotReviewed());
        ObjectNode byReason = summary.putObject("skipped").put("files", model.skippedFiles())
                .putObject("byReason");
        model.skippedByReason().forEach(byReason::put);
        summary.put("lines", model.lines()).put("findings", model.defects().size());
        ObjectNode bySeverity = summary.putObject("bySeverity");
        for (Map.Entry<Severity, Integer> e : model.bySeverity().entrySet()) {
            bySeverity.put(e.getKey().label(), e.getValue());
        }
        ArrayNode byPillar = summary.putArray("byPillar");
        for (ReportModel.PillarCount p : model.byPillar()) {
            ObjectNode entry = byPillar.addObject();
            if (p.pillar() == null) {
                entry.putNull("id").putNull("name");
            } else {
                entry.put("id", p.pillar().id()).put("name", p.pillar().name());
            }
            entry.put("count", p.count());
        }
        summary.put("suppressed", model.suppressed()).put("belowThreshold", model.belowThreshold());
        ObjectNode diagnostics = summary.putObject("diagnostics");
        model.diagnosticCounts().forEach((kind, count) -> diagnostics.put(ReportModel.kindId(kind), count));
        return summary;
    }

    private static ObjectNode finding(Finding f, ReportModel model) {
        ReportModel.Cwe cwe = model.cwe(f.cwe());
        ObjectNode node = JsonOutput.object().put("ruleId", f.rule().id());
        ObjectNode cweNode = node.putObject("cwe").put("id", cwe.id()).put("name", cwe.name());
        if (cwe.pillar() == null) {
            cweNode.putNull("pillar");
        } else {
            cweNode.putObject("pillar").put("id", cwe.pillar().id()).put("name", cwe.pillar().name());
        }
        TextRange r = f.range();
        node.put("severity", f.severity().label()).put("confidence", f.confidence().label())
                .put("securitySeverity", SecuritySeverity.of(f));
        node.putObject("location")
                .put("path", f.path())
                .put("startLine", r.startLine())
                .put("startColumn", r.startColumn())
                .put("endLine", r.endLine())
                .put("endColumn", r.endColumn());
        node.put("snippet", f.snippet()).put("message", f.message()).put("fix", f.fix());
        if (f.suppressed()) {
            node.putObject("suppressed")
                    .put("directive", f.suppression().directive())
                    .put("line", f.suppression().line());
        } else {
            node.putNull("suppressed");
        }
        places(node.putArray("flow"), f.flow());
        if (!f.related().isEmpty()) places(node.putArray("related"), f.related());
        return node;
    }

    private static void places(ArrayNode array, List<FlowStep> steps) {
        for (FlowStep step : steps) {
            TextRange range = step.range();
            array.addObject()
                    .put("path", step.path())
                    .put("line", range.startLine())
                    .put("column", range.startColumn())
                    .put("endLine", range.endLine())
                    .put("endColumn", range.endColumn())
                    .put("snippet", step.snippet())
                    .put("note", step.note());
        }
    }
}
