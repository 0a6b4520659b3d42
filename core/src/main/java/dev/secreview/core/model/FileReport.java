package dev.secreview.core.model;

import java.util.List;

/** The review of one file: its findings (suppressed ones included and marked) and its diagnostics. */
public record FileReport(String path, String language, int lines, List<Finding> findings,
                         List<Diagnostic> diagnostics) {

    public FileReport {
        findings = findings.stream().sorted().toList();
        diagnostics = diagnostics.stream().sorted().toList();
    }

    /** A file that could not be reviewed at all. */
    public static FileReport unreviewed(String path, Diagnostic why) {
        return new FileReport(path, "", 0, List.of(), List.of(why));
    }

    public boolean reviewed() {
        return diagnostics.stream().noneMatch(d -> d.kind() == Diagnostic.Kind.UNREADABLE
                || d.kind() == Diagnostic.Kind.SKIPPED);
    }

    public List<Finding> activeFindings() {
        return findings.stream().filter(f -> !f.suppressed()).toList();
    }
}
