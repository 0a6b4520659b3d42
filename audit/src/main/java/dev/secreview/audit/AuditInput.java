package dev.secreview.audit;

import dev.secreview.core.model.Finding;
import dev.secreview.core.model.SourceFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Everything a review's claims are checked against: the file (parsed once), the engine's static review of
 * it, and where the names it imports lead (the tree and the library path).
 */
public record AuditInput(CodeUnderAudit code, StaticReview staticReview, ApiLookup apis) {

    /**
     * Parses {@code file} and reviews it with the other files of its {@code tree} (which may be empty) under the
     * given threat models; names it imports are looked up in the tree and in {@code libraries}.
     */
    public static AuditInput of(SourceFile file, List<SourceFile> tree, LibraryPath libraries, Set<String> threatModels) {
        List<SourceFile> all = new ArrayList<>(List.of(file));
        all.addAll(tree);
        return new AuditInput(CodeUnderAudit.parse(file), StaticReview.of(file, tree, threatModels),
                new ApiLookup(new Modules(all, libraries)));
    }

    /** The same input with the findings a scan already made of the file as its static review's (the LLM stage's case). */
    public AuditInput withStaticFindings(List<Finding> scanned) {
        return new AuditInput(code, staticReview.withFindings(scanned), apis);
    }
}
