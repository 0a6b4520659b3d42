package dev.secreview.core.engine;

import dev.secreview.core.model.SourceFile;
import dev.secreview.core.rule.RuleMetadata;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A language: it parses a file, builds the facts its rules read, runs the rules and reports where
 * its inline suppressions stand. Found with {@link java.util.ServiceLoader}; must be thread-safe,
 * since the scanner analyses files in parallel.
 */
public interface LanguageFrontEnd {

    /** Short language name, e.g. {@code python}. */
    String language();

    /** Whether a file found while walking a directory belongs to this language. */
    boolean handles(Path file);

    /** Every rule this front end runs, in a stable order. */
    List<RuleMetadata> rules();

    /** Reviews one file. Must not throw for bad input: syntax errors become diagnostics. */
    FileAnalysis analyze(SourceFile file);

    /**
     * Runs the analyses that need every file of the tree (interprocedural dataflow), after each file
     * has been analysed on its own. Gets each file's analysis by display path and returns it revised:
     * findings added, and per-file findings the whole-tree view confirms, refutes or downgrades.
     * Called once per scan, from one thread. {@code threatModels} says which inputs count as
     * attacker-controlled (see {@link ScanRequest}).
     */
    default Map<String, FileAnalysis> reviewTree(Map<String, FileAnalysis> analyses, Set<String> threatModels) {
        return analyses;
    }

    /**
     * {@link #reviewTree(Map, Set)}, with a {@code memo} to keep the analysis's own result in, keyed by its input,
     * for a later tree with the same input. This is what the scanner calls.
     */
    default Map<String, FileAnalysis> reviewTree(Map<String, FileAnalysis> analyses, Set<String> threatModels,
                                                 TreeMemo memo) {
        return reviewTree(analyses, threatModels);
    }

    /**
     * {@link #reviewTree(Map, Set, TreeMemo)}, knowing what every file of the scan, whatever its language, says of
     * templates ({@link Views}: the renders, the engine's settings): how the front end that reviews templates learns
     * what the views pass to them. This is what the scanner calls.
     */
    default Map<String, FileAnalysis> reviewTree(Map<String, FileAnalysis> analyses, Set<String> threatModels,
                                                 TreeMemo memo, Views views) {
        return reviewTree(analyses, threatModels, memo);
    }
}
