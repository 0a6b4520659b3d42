package dev.secreview.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.cwe.CweEntry;
import dev.secreview.core.model.Finding;
import dev.secreview.report.JsonOutput;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The audit as one JSON document, fields always in the same order ({@code formatVersion} 2): {@code catalog},
 * {@code code}, {@code summary} {claims, supported, supportedShare, verdicts{VERDICT: n}, staticFindings, missed,
 * precision, recall}, {@code claims[]} each with index, verdict, accepted, title, cwe {id, officialName,
 * claimedName} or null, pillar, lines[{first, last}], place {lines[{first, last}], located}, identifiers,
 * codeFragments, text, explanation, fix, evidence, staticFindings[], and {@code misses[]}; a static finding is
 * {rule, cwe, line, snippet, confidence, message}.
 */
public final class AuditJsonWriter implements AuditWriter {

    static final int FORMAT_VERSION = 2;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final CweCatalog catalog;

    public AuditJsonWriter(CweCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void write(AuditReport report, Writer out) throws IOException {
        ObjectNode root = NODES.objectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("catalog", catalog.version());
        root.put("code", report.codePath());
        root.set("summary", summary(report));
        ArrayNode claims = root.putArray("claims");
        for (AuditedClaim audited : report.claims()) claims.add(claim(audited));
        root.set("misses", findings(report.misses()));
        JsonOutput.write(root, out);
    }

    private static ObjectNode summary(AuditReport report) {
        ObjectNode summary = NODES.objectNode();
        summary.put("claims", report.claims().size());
        summary.put("supported", report.count(Verdict.SUPPORTED));
        summary.put("supportedShare", rounded(report.supportedShare()));
        ObjectNode verdicts = summary.putObject("verdicts");
        for (Verdict verdict : Verdict.values()) verdicts.put(verdict.name(), report.count(verdict));
        summary.put("staticFindings", report.staticFindings().size());
        summary.put("missed", report.misses().size());
        summary.set("precision", share(report.precision()));
        summary.set("recall", share(report.recall()));
        return summary;
    }

    private ObjectNode claim(AuditedClaim audited) {
        Claim claim = audited.claim();
        ObjectNode node = NODES.objectNode();
        node.put("index", claim.index());
        node.put("verdict", audited.verdict().name());
        node.put("accepted", audited.accepted());
        node.put("title", claim.title());
        node.set("cwe", claim.cwe() == null ? NODES.nullNode() : cwe(claim));
        node.put("pillar", claim.pillar());
        node.set("lines", spans(claim.lines()));
        ObjectNode place = node.putObject("place");
        place.set("lines", spans(audited.place().spans()));
        place.put("located", audited.place().located());
        node.set("identifiers", strings(claim.identifiers()));
        node.set("codeFragments", strings(claim.codeFragments()));
        node.put("text", claim.text());
        node.put("explanation", claim.explanation());
        node.put("fix", claim.fix());
        node.set("evidence", strings(audited.evidence()));
        node.set("staticFindings", findings(audited.matches()));
        return node;
    }

    private ObjectNode cwe(Claim claim) {
        ObjectNode cwe = NODES.objectNode();
        cwe.put("id", claim.cwe());
        cwe.put("officialName", catalog.find(claim.cwe()).map(CweEntry::name).orElse(null));
        cwe.put("claimedName", claim.cweName());
        return cwe;
    }

    private static ArrayNode findings(List<Finding> findings) {
        ArrayNode array = NODES.arrayNode();
        for (Finding finding : findings) {
            array.addObject().put("rule", finding.rule().id()).put("cwe", finding.cwe()).put("line", finding.line())
                    .put("snippet", finding.snippet()).put("confidence", finding.confidence().label())
                    .put("message", finding.message());
        }
        return array;
    }

    private static ArrayNode spans(List<LineSpan> spans) {
        ArrayNode lines = NODES.arrayNode();
        for (LineSpan span : spans) lines.addObject().put("first", span.first()).put("last", span.last());
        return lines;
    }

    private static JsonNode share(OptionalDouble share) {
        return share.isPresent() ? NODES.numberNode(rounded(share.getAsDouble())) : NODES.nullNode();
    }

    private static double rounded(double share) {
        return Math.round(share * 1000) / 1000.0;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
