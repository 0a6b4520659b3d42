package dev.secreview.core.engine;

import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.Finding;

import java.util.List;

/** What a front end returns for one file, before the engine applies suppressions. */
public record FileAnalysis(List<Finding> findings, List<Diagnostic> diagnostics,
                           List<SuppressionDirective> suppressions) {
}
