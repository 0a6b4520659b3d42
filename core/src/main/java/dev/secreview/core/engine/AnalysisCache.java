package dev.secreview.core.engine;

import dev.secreview.core.model.SourceFile;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Per-file analyses shared by scans of trees that have most files in common, such as the two sides of a change:
 * a file with the same paths and the same text is analysed once. The whole-tree phase still runs for each scan,
 * so dataflow across files sees each tree as it is. Thread-safe.
 */
public final class AnalysisCache {

    private record Key(String displayPath, String projectPath, String text) {
    }

    private final ConcurrentMap<Key, FileAnalysis> analyses = new ConcurrentHashMap<>();

    FileAnalysis analysis(SourceFile source, Function<SourceFile, FileAnalysis> analyse) {
        Key key = new Key(source.displayPath(), source.projectPath(), source.text());
        FileAnalysis known = analyses.get(key);
        if (known != null) return known;
        FileAnalysis fresh = analyse.apply(source);
        FileAnalysis raced = analyses.putIfAbsent(key, fresh);
        return raced != null ? raced : fresh;
    }

    /** How many distinct files were analysed. */
    public int size() {
        return analyses.size();
    }
}
