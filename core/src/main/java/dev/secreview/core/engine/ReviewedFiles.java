package dev.secreview.core.engine;

import dev.secreview.core.model.SourceFile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a scan makes of some files with one front end, outside a scan (the audit of a written review): each file's
 * own analysis, and the analyses after the front end's whole-tree review of them.
 */
public record ReviewedFiles(Map<String, FileAnalysis> analyses, Map<String, FileAnalysis> reviewed) {

    /** Analyses each file (the first of a path wins) and reviews them as one tree under the threat models. */
    public static ReviewedFiles of(LanguageFrontEnd frontEnd, List<SourceFile> files, Set<String> threatModels) {
        Map<String, FileAnalysis> analyses = new LinkedHashMap<>();
        for (SourceFile file : files) analyses.computeIfAbsent(file.displayPath(), p -> frontEnd.analyze(file));
        return new ReviewedFiles(analyses, frontEnd.reviewTree(analyses, threatModels));
    }
}
