package dev.secreview.audit;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.cwe.CweEntry;
import dev.secreview.core.model.Finding;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The audit for people:
 * <pre>
 * #1 [SUPPORTED] CWE-89 (Improper Neutralization ... ('SQL Injection')) line 31: SQL injection in `search`
 *     - line 31 is in the file (67 lines)
 *     - the static review reports it: notes.py:31 `rows = db.execute(...)` py-sql-injection (CWE-89, high confidence)
 * ...
 * Claims: 18, supported: 7 (39%)
 * By verdict: supported 7, unsupported 3, ...
 * Static review: 5 findings; the review speaks of 4 (recall 80%); 7 of 18 claims are among them (precision 39%)
 * Missed by the review:
 *     - notes.py:54 `return send_file(...)` py-path-traversal (CWE-22, high confidence)
 * </pre>
 */
public final class AuditTextWriter implements AuditWriter {

    private final CweCatalog catalog;

    public AuditTextWriter(CweCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void write(AuditReport report, Writer out) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("Audit of ").append(report.claims().size()).append(report.claims().size() == 1 ? " claim" : " claims")
                .append(" against ").append(report.codePath()).append("\n\n");
        for (AuditedClaim audited : report.claims()) {
            text.append(heading(audited)).append('\n');
            for (String evidence : audited.evidence()) text.append("    - ").append(evidence).append('\n');
            text.append('\n');
        }
        text.append(summary(report));
        out.write(text.toString());
        out.flush();
    }

    private String heading(AuditedClaim audited) {
        Claim claim = audited.claim();
        List<String> parts = new ArrayList<>();
        parts.add("#" + claim.index());
        parts.add("[" + audited.verdict() + "]");
        if (claim.cwe() != null) parts.add(cwe(claim.cwe()));
        if (!audited.place().isEmpty()) parts.add(audited.place() + (audited.place().located() ? " (located)" : ""));
        return String.join(" ", parts) + ": " + claim.title();
    }

    private String cwe(int id) {
        String name = catalog.find(id).map(CweEntry::name).orElse("not in the CWE " + catalog.version() + " catalog");
        return "CWE-" + id + " (" + name + ")";
    }

    static String summary(AuditReport report) {
        int claims = report.claims().size();
        StringBuilder text = new StringBuilder();
        if (claims == 0) {
            text.append("Claims: 0 (the review states no finding)\n");
        } else {
            text.append(String.format(Locale.ROOT, "Claims: %d, supported: %d (%d%%)\n",
                    claims, report.count(Verdict.SUPPORTED), Math.round(report.supportedShare() * 100)));
            String byVerdict = Arrays.stream(Verdict.values()).filter(v -> report.count(v) > 0)
                    .map(v -> v.label() + " " + report.count(v)).collect(Collectors.joining(", "));
            text.append("By verdict: ").append(byVerdict).append('\n');
        }
        text.append(staticReview(report));
        List<Finding> misses = report.misses();
        if (!misses.isEmpty()) {
            text.append("Missed by the review:\n");
            for (Finding missed : misses) text.append("    - ").append(StaticMatches.describe(missed)).append('\n');
        }
        return text.toString();
    }

    private static String staticReview(AuditReport report) {
        int findings = report.staticFindings().size();
        if (findings == 0) return "Static review: no findings\n";
        long spoken = findings - report.misses().size();
        String line = "Static review: " + findings + (findings == 1 ? " finding" : " findings") + "; the review speaks of "
                + spoken + " (recall " + percent(report.recall()) + ")";
        if (!report.claims().isEmpty()) {
            long among = report.claims().stream().filter(c -> !c.matches().isEmpty()).count();
            line += "; " + among + " of " + report.claims().size() + " claims are among them (precision "
                    + percent(report.precision()) + ")";
        }
        return line + "\n";
    }

    private static String percent(OptionalDouble share) {
        return Math.round(share.orElseThrow() * 100) + "%";
    }
}
