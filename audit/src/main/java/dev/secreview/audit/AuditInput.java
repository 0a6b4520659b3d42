package dev.secreview.audit;

import dev.secreview.core.model.SourceFile;

import java.util.List;
import java.util.Set;

/**
 * Everything a review's claims are checked against: the file (parsed once) and the engine's static
 * review of it.
 */
public record AuditInput(CodeUnderAudit code, StaticReview staticReview) {

    /**
     * Parses {@code file} and reviews it with the other files of its {@code tree} (which may be empty) under
     * the given threat models.
     */
    public static AuditInput of(SourceFile file, List<SourceFile> tree, Set<String> threatModels) {
        return new AuditInput(CodeUnderAudit.parse(file), StaticReview.of(file, tree, threatModels));
    }
}
