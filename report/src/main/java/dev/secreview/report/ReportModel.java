package dev.secreview.report;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.cwe.CweEntry;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleMetadata;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The facts every writer renders, computed once and in a canonical order (files by path,
 * findings by {@link Finding#ORDER}, rules by id) so that the input order never shows in the output.
 * Each finding falls in exactly one group: shown defect, shown suppressed, or below threshold.
 */
final class ReportModel {

    /** A CWE as the catalog names it; {@code pillar} is null when it has no CWE-1000 pillar. */
    record Cwe(int id, String name, Cwe pillar) {
        /** {@code CWE-78: Improper Neutralization ...}, the catalog's label. */
        String label() {
            return "CWE-" + id + ": " + name;
        }

        /** {@code CWE-707 Improper Neutralization}, the way pillars are written. */
        String title() {
            return "CWE-" + id + " " + name;
        }

        /** MITRE's page of the weakness. */
        String url() {
            return "https://cwe.mitre.org/data/definitions/" + id + ".html";
        }
    }

    /** One file: its shown findings (suppressed ones included) and how many were below threshold. */
    record FileView(FileReport file, List<Finding> shown, int belowThreshold) {
        List<Finding> defects() {
            return shown.stream().filter(f -> !f.suppressed()).toList();
        }

        int suppressed() {
            return shown.size() - defects().size();
        }

        /** Clean: reviewed and nothing shown. A file whose analysis failed is not clean: nothing was proven. */
        boolean clean() {
            return file.reviewed() && defects().isEmpty()
                    && file.diagnostics().stream().noneMatch(d -> d.kind() == Diagnostic.Kind.ANALYSIS_ERROR);
        }

        /** {@code "1 suppressed, 2 below threshold"}, or empty when every finding is listed. */
        String notListed() {
            StringJoiner parts = new StringJoiner(", ");
            if (suppressed() > 0) parts.add(suppressed() + " suppressed");
            if (belowThreshold > 0) parts.add(belowThreshold + " below threshold");
            return parts.toString();
        }
    }

    /**
     * How many shown defects fall under one pillar, in all and per severity (most severe first, zero counts
     * included); {@code pillar} is null for CWEs without one.
     */
    record PillarCount(Cwe pillar, int count, Map<Severity, Integer> bySeverity) {
    }

    final ReviewReport report;
    final String catalogVersion;
    final List<FileView> files;
    final List<Diagnostic> pathProblems;
    /** The given rules plus any rule a finding names, by id, without duplicates. */
    final List<RuleMetadata> rules;

    private final CweCatalog catalog;
    private final Map<Integer, Cwe> cwes = new HashMap<>();
    private final Map<String, Integer> ruleIndexes = new HashMap<>();

    ReportModel(ReviewReport report, CweCatalog catalog) {
        this.report = report;
        this.catalog = catalog;
        this.catalogVersion = catalog.version();
        this.files = report.scan().files().stream()
                .sorted(Comparator.comparing(FileReport::path))
                .map(file -> {
                    List<Finding> shown = file.findings().stream().filter(report::shows).toList();
                    return new FileView(file, shown, file.findings().size() - shown.size());
                })
                .toList();
        this.pathProblems = report.scan().pathProblems().stream().sorted().toList();
        Map<String, RuleMetadata> byId = new TreeMap<>();
        report.rules().forEach(rule -> byId.putIfAbsent(rule.id(), rule));
        report.scan().findings().forEach(finding -> byId.putIfAbsent(finding.rule().id(), finding.rule()));
        this.rules = List.copyOf(byId.values());
        rules.forEach(rule -> ruleIndexes.put(rule.id(), ruleIndexes.size()));
    }

    /** The CWE with its official name and pillar; a pillar is its own pillar. */
    Cwe cwe(int id) {
        return cwes.computeIfAbsent(id, key -> new Cwe(key,
                catalog.find(key).map(CweEntry::name).orElse("(not in the CWE " + catalogVersion + " catalog)"),
                catalog.pillarOf(key).map(p -> new Cwe(p.id(), p.name(), null)).orElse(null)));
    }

    int ruleIndex(RuleMetadata rule) {
        return ruleIndexes.get(rule.id());
    }

    List<Finding> defects() {
        return report.defects();
    }

    /** Every diagnostic of the scan, path problems included, in path order. */
    List<Diagnostic> diagnostics() {
        return report.scan().diagnostics();
    }

    int filesReviewed() {
        return report.scan().reviewedFiles();
    }

    /** Files and paths not reviewed at all, a missing path included. */
    int filesNotReviewed() {
        return report.scan().notReviewed();
    }

    /** Source files left out on purpose (a virtualenv, git-ignored, excluded...). */
    int skippedFiles() {
        return report.scan().skippedFiles();
    }

    /** Source files left out on purpose, per reason ({@code git-ignored}, {@code virtualenv}...), in reason order. */
    Map<String, Integer> skippedByReason() {
        Map<String, Integer> counts = new TreeMap<>();
        report.scan().skipped().forEach(skip -> counts.merge(skip.reason(), skip.files(), Integer::sum));
        return counts;
    }

    long lines() {
        return report.scan().totalLines();
    }

    int suppressed() {
        return files.stream().mapToInt(FileView::suppressed).sum();
    }

    int belowThreshold() {
        return files.stream().mapToInt(FileView::belowThreshold).sum();
    }

    /** What a review that shows no defect says: the clean sentence, or why nothing could be said. */
    String verdictWithoutDefects() {
        if (files.stream().anyMatch(FileView::clean)) return TextReportWriter.NO_DEFECTS;
        return files.isEmpty() ? "No files were found to review." : "No file could be reviewed.";
    }

    /** Shown defects per severity, most severe first, zero counts included. */
    Map<Severity, Integer> bySeverity() {
        return bySeverity(defects());
    }

    private static Map<Severity, Integer> bySeverity(List<Finding> findings) {
        Map<Severity, Integer> counts = new LinkedHashMap<>();
        for (Severity s : List.of(Severity.HIGH, Severity.MEDIUM, Severity.LOW)) counts.put(s, 0);
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return counts;
    }

    /** Shown defects per pillar, most frequent first, then by pillar id; no pillar sorts last. */
    List<PillarCount> byPillar() {
        Map<Integer, List<Finding>> findings = new HashMap<>();
        Map<Integer, Cwe> pillars = new HashMap<>();
        for (Finding f : defects()) {
            Cwe pillar = cwe(f.cwe()).pillar();
            int key = pillarKey(pillar);
            findings.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
            pillars.put(key, pillar);
        }
        List<PillarCount> result = new ArrayList<>();
        findings.forEach((key, under) -> result.add(new PillarCount(pillars.get(key), under.size(), bySeverity(under))));
        result.sort(Comparator.comparingInt(PillarCount::count).reversed()
                .thenComparingInt(p -> pillarKey(p.pillar())));
        return result;
    }

    private static int pillarKey(Cwe pillar) {
        return pillar == null ? Integer.MAX_VALUE : pillar.id();
    }

    /** Diagnostics of the whole scan per kind, in the enum's order, zero counts included. */
    Map<Diagnostic.Kind, Integer> diagnosticCounts() {
        Map<Diagnostic.Kind, Integer> counts = new EnumMap<>(Diagnostic.Kind.class);
        for (Diagnostic.Kind kind : Diagnostic.Kind.values()) counts.put(kind, 0);
        diagnostics().forEach(d -> counts.merge(d.kind(), 1, Integer::sum));
        return counts;
    }

    /**
     * The path a review system knows a file by: relative to the review's base when the path shown is
     * absolute and under it; as shown otherwise (a relative path already starts from the base).
     */
    String repositoryPath(String shown) {
        if (report.base() == null) return shown;
        try {
            Path path = Path.of(shown);
            Path base = report.base().toAbsolutePath().normalize();
            if (!path.isAbsolute() || !path.normalize().startsWith(base) || path.normalize().equals(base)) return shown;
            return base.relativize(path.normalize()).toString().replace('\\', '/');
        } catch (InvalidPathException e) {
            return shown;
        }
    }

    /** The rule's page where secreview's sources are published, else the page of its CWE. */
    String ruleUrl(RuleMetadata rule) {
        return report.projectUrl().isEmpty() ? cwe(rule.cwe()).url()
                : report.projectUrl() + "docs/rules/" + rule.id() + ".md";
    }

    /**
     * An id of this review that review systems keep beside its results (Gerrit's {@code robot_run_id},
     * SARIF's run): derived from what it found, so the same review always gets the same id.
     */
    String runId() {
        StringBuilder content = new StringBuilder(report.toolVersion());
        for (Finding f : defects()) {
            content.append('\n').append(f.rule().id()).append('\0').append(f.path()).append('\0').append(f.range())
                    .append('\0').append(f.message());
        }
        return Sha256.hex(content.toString()).substring(0, 16);
    }

    /** {@code parse error} for {@link Diagnostic.Kind#PARSE_ERROR}: how people read the kind. */
    static String kindLabel(Diagnostic.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** {@code parse-error} for {@link Diagnostic.Kind#PARSE_ERROR}: the id used in JSON and SARIF. */
    static String kindId(Diagnostic.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
