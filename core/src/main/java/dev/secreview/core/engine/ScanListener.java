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
}
