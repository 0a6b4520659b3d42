package dev.secreview.core.model;

import java.util.List;

/**
 * The review of one file: its findings (suppressed ones included and marked), its diagnostics, and the
 * lines of code around the findings that reports show with them.
 */
public record FileReport(String path, String language, int lines, List<Finding> findings,
                         List<Diagnostic> diagnostics, SourceExcerpt excerpt) implements java.io.Serializable {

    public FileReport {
        findings = findings.stream().sorted().toList();
        diagnostics = diagnostics.stream().sorted().toList();
    }

    /** A report without code around its findings. */
    public FileReport(String path, String language, int lines, List<Finding> findings, List<Diagnostic> diagnostics) {
        this(path, language, lines, findings, diagnostics, SourceExcerpt.NONE);
    }

    /** The same file with other findings (the code kept around the old ones stays). */
    public FileReport withFindings(List<Finding> revised) {
        return new FileReport(path, language, lines, revised, diagnostics, excerpt);
    }

    /** The same file with the code around its findings taken from {@code source}. */
    public FileReport withExcerptFrom(SourceFile source) {
        return new FileReport(path, language, lines, findings, diagnostics, SourceExcerpt.around(source, findings));
    }

    /** A file that could not be reviewed at all. */
    public static FileReport unreviewed(String path, Diagnostic why) {
        return new FileReport(path, "", 0, List.of(), List.of(why));
    }

    public boolean reviewed() {
        return diagnostics.stream().noneMatch(d -> d.kind().notReviewed());
    }

    public List<Finding> activeFindings() {
        return findings.stream().filter(f -> !f.suppressed()).toList();
    }
}
