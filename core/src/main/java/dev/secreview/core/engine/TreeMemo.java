package dev.secreview.core.engine;

import dev.secreview.core.model.SourceFile;

import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a front end's whole-tree analysis keeps a result for the next tree that has the same input: the
 * {@link AnalysisCache} of the scan (on disk, it lasts across runs). The front end names everything a result is made
 * from besides its own code (which the cache adds): a tree that differs only where the analysis does not look (a
 * change to test files, which the dataflow does not read) gets the result back instead of computing it again.
 */
public interface TreeMemo {

    /** Keeps nothing: every result is computed. */
    TreeMemo NONE = new TreeMemo() {
        @Override
        public <T extends Serializable> T remembered(List<String> input, List<SourceFile> files, Class<T> type,
                                                     Supplier<T> compute) {
            return compute.get();
        }
    };

    /**
     * The result kept for exactly {@code input} and {@code files} (each by its paths and text, in order), else
     * {@code compute}'s, kept for next time.
     */
    <T extends Serializable> T remembered(List<String> input, List<SourceFile> files, Class<T> type,
                                          Supplier<T> compute);
}
