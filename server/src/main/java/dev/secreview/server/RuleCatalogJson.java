package dev.secreview.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.cwe.CweEntry;
import dev.secreview.core.rule.RuleDocs;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.report.JsonOutput;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The rules and the CWE catalog as the API gives them: what {@code secreview rules}, {@code explain} and {@code cwe} print. */
final class RuleCatalogJson {

    private final List<RuleMetadata> rules;
    private final CweCatalog catalog;

    RuleCatalogJson(List<RuleMetadata> rules, CweCatalog catalog) {
        this.rules = rules.stream().sorted(Comparator.comparing(RuleMetadata::id)).toList();
        this.catalog = catalog;
    }

    String rules() {
        ArrayNode all = JsonOutput.array();
        rules.forEach(rule -> all.add(rule(rule)));
        ObjectNode document = JsonOutput.object();
        document.put("catalog", catalog.version());
        document.set("rules", all);
        return JsonOutput.render(document);
    }

    /** A rule by its id or a Bandit id it answers to, with its documentation page (Markdown). */
    String rule(String name) {
        RuleMetadata rule = rules.stream().filter(r -> r.answersTo(name)).findFirst()
                .orElseThrow(() -> ApiError.notFound("unknown rule '" + name + "'; GET /api/rules lists them"));
        ObjectNode document = rule(rule);
        document.put("documentation", RuleDocs.page(rule.id()).orElse(null));
        return JsonOutput.render(document);
    }

    String cwe(String id) {
        String digits = id.toUpperCase(Locale.ROOT).replaceFirst("^CWE-?", "");
        if (!digits.matches("\\d{1,5}")) throw ApiError.badRequest("not a CWE id: '" + id + "' (expected e.g. 79 or CWE-79)");
        int number = Integer.parseInt(digits);
        CweEntry entry = catalog.find(number).orElseThrow(() -> ApiError.notFound(
                "CWE-" + number + " is not in the CWE " + catalog.version() + " catalog"));
        ObjectNode document = JsonOutput.object();
        document.put("id", entry.id());
        document.put("name", entry.name());
        document.put("kind", entry.kind().name().toLowerCase(Locale.ROOT));
        document.put("abstraction", entry.abstraction());
        document.put("status", entry.status());
        document.set("pillar", pillar(entry.id()));
        document.put("catalog", catalog.version());
        return JsonOutput.render(document);
    }

    private ObjectNode rule(RuleMetadata rule) {
        ObjectNode node = JsonOutput.object();
        node.put("id", rule.id());
        node.put("language", rule.language());
        ObjectNode cwe = node.putObject("cwe");
        cwe.put("id", rule.cwe());
        cwe.put("name", catalog.find(rule.cwe()).map(CweEntry::name).orElse(null));
        cwe.set("pillar", pillar(rule.cwe()));
        node.put("severity", rule.severity().label());
        node.put("confidence", rule.confidence().label());
        node.put("summary", rule.summary());
        node.put("fix", rule.fix());
        ArrayNode alternatives = node.putArray("altNames");
        rule.altNames().forEach(alternatives::add);
        return node;
    }

    /** {@code {"id": 707, "name": ...}}, or null for an entry outside the CWE-1000 view. */
    private ObjectNode pillar(int cwe) {
        return catalog.pillarOf(cwe).map(p -> {
            ObjectNode node = JsonOutput.object();
            node.put("id", p.id());
            node.put("name", p.name());
            return node;
        }).orElse(null);
    }
}
