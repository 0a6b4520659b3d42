package dev.secreview.core.engine;

import dev.secreview.core.model.FileReport;

/** Progress of a scan, for long runs. Called from worker threads: implementations must be thread-safe. */
public interface ScanListener {
    ScanListener NONE = new ScanListener() {
    };

    default void started(int totalFiles) {
    }

    default void fileDone(FileReport report) {
    }

    /**
     * The whole-tree analysis of one language's {@code files} (the dataflow across them) starts: after every
     * file is done, and one thread long, so on a large tree it is a phase of its own.
     */
    default void treeReviewStarted(int files) {
    }
}
