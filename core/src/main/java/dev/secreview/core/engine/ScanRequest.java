package dev.secreview.core.engine;

import java.nio.file.Path;
import java.util.List;

/** What to review: paths (files or directories), glob patterns to leave out, and how many threads. */
public record ScanRequest(List<Path> paths, List<String> excludes, int threads) {

    public ScanRequest {
        paths = List.copyOf(paths);
        excludes = List.copyOf(excludes);
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
    }

    public static ScanRequest of(List<Path> paths) {
        return new ScanRequest(paths, List.of(), Runtime.getRuntime().availableProcessors());
    }
}
