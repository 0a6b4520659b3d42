package dev.secreview.server;

import java.time.Duration;

/**
 * What one request may ask of the server: its size, how many files, how much a zip may expand to (in total, and
 * per entry as a ratio of its compressed size), how long one file's analysis and the whole review may take, and
 * how many reviews run at once (the others wait, within the review's time).
 */
record ServeLimits(long maxRequestBytes, int maxFiles, long maxUnzippedBytes, long maxEntryRatio,
                   Duration fileTimeout, Duration reviewTimeout, int concurrentReviews) {

    static final ServeLimits DEFAULT = new ServeLimits(5L << 20, 500, 20L << 20, 100,
            Duration.ofSeconds(20), Duration.ofSeconds(60), Math.max(1, Runtime.getRuntime().availableProcessors()));

    ServeLimits {
        if (maxRequestBytes < 1 || maxFiles < 1 || maxUnzippedBytes < 1 || maxEntryRatio < 1 || concurrentReviews < 1) {
            throw new IllegalArgumentException("every limit must be positive");
        }
    }

    ServeLimits withReviewTimeout(Duration timeout) {
        return new ServeLimits(maxRequestBytes, maxFiles, maxUnzippedBytes, maxEntryRatio, fileTimeout, timeout,
                concurrentReviews);
    }
}
