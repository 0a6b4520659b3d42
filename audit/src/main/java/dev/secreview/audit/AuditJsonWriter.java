package dev.secreview.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.report.JsonOutput;
import dev.secreview.core.cwe.CweEntry;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The audit as one JSON document, fields always in the same order ({@code formatVersion} 1):
 * {@code catalog}, {@code code}, {@code summary} {claims, grounded, groundedShare, verdicts{VERDICT: n}},
 * and {@code claims[]} each with index, verdict, accepted, title, cwe {id, officialName, claimedName} or
 * null, pillar, lines[{first, last}], identifiers, codeFragments, text, explanation, fix, evidence.
 */
public final class AuditJsonWriter implements AuditWriter {

    static final int FORMAT_VERSION = 1;
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
        JsonOutput.write(root, out);
    }

    private static ObjectNode summary(AuditReport report) {
        ObjectNode summary = NODES.objectNode();
        summary.put("claims", report.claims().size());
        summary.put("grounded", report.count(Verdict.GROUNDED));
        summary.put("groundedShare", Math.round(report.groundedShare() * 1000) / 1000.0);
        ObjectNode verdicts = summary.putObject("verdicts");
        for (Verdict verdict : Verdict.values()) verdicts.put(verdict.name(), report.count(verdict));
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
        ArrayNode lines = node.putArray("lines");
        for (LineSpan span : claim.lines()) lines.addObject().put("first", span.first()).put("last", span.last());
        node.set("identifiers", strings(claim.identifiers()));
        node.set("codeFragments", strings(claim.codeFragments()));
        node.put("text", claim.text());
        node.put("explanation", claim.explanation());
        node.put("fix", claim.fix());
        node.set("evidence", strings(audited.evidence()));
        return node;
    }

    private ObjectNode cwe(Claim claim) {
        ObjectNode cwe = NODES.objectNode();
        cwe.put("id", claim.cwe());
        cwe.put("officialName", catalog.find(claim.cwe()).map(CweEntry::name).orElse(null));
        cwe.put("claimedName", claim.cweName());
        return cwe;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
