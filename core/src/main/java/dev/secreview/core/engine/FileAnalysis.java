package dev.secreview.core.engine;

import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.Finding;

import java.util.List;

/**
 * What a front end returns for one file, before the engine applies suppressions. {@code facts} is
 * null when the file gives the whole-tree analyses nothing to work on.
 */
public record FileAnalysis(List<Finding> findings, List<Diagnostic> diagnostics,
                           List<SuppressionDirective> suppressions, FileFacts facts) implements java.io.Serializable {

    public FileAnalysis(List<Finding> findings, List<Diagnostic> diagnostics, List<SuppressionDirective> suppressions) {
        this(findings, diagnostics, suppressions, null);
    }

    public FileAnalysis withFindings(List<Finding> revised) {
        return new FileAnalysis(revised, diagnostics, suppressions, facts);
    }

    public FileAnalysis withDiagnostic(Diagnostic added) {
        List<Diagnostic> all = new java.util.ArrayList<>(diagnostics);
        all.add(added);
        return new FileAnalysis(findings, all, suppressions, facts);
    }
}
