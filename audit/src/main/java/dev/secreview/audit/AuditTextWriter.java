package dev.secreview.audit;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.cwe.CweEntry;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The audit for people:
 * <pre>
 * #1 [GROUNDED] CWE-89 (Improper Neutralization ... ('SQL Injection')) line 23: SQL injection in `orders_of`
 *     - line 23 is in the file (45 lines)
 * ...
 * Claims: 13, grounded: 2 (15%)
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
        if (!claim.lines().isEmpty()) parts.add(lines(claim.lines()));
        return String.join(" ", parts) + ": " + claim.title();
    }

    private String cwe(int id) {
        String name = catalog.find(id).map(CweEntry::name).orElse("not in the CWE " + catalog.version() + " catalog");
        return "CWE-" + id + " (" + name + ")";
    }

    private static String lines(List<LineSpan> spans) {
        boolean one = spans.size() == 1 && spans.get(0).first() == spans.get(0).last();
        return (one ? "line " : "lines ") + spans.stream().map(LineSpan::toString).collect(Collectors.joining(", "));
    }

    static String summary(AuditReport report) {
        int claims = report.claims().size();
        if (claims == 0) return "Claims: 0 (the review states no finding)\n";
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Claims: %d, grounded: %d (%d%%)\n",
                claims, report.count(Verdict.GROUNDED), Math.round(report.groundedShare() * 100)));
        String byVerdict = Arrays.stream(Verdict.values()).filter(v -> report.count(v) > 0)
                .map(v -> v.label() + " " + report.count(v)).collect(Collectors.joining(", "));
        return text.append("By verdict: ").append(byVerdict).append('\n').toString();
    }
}
