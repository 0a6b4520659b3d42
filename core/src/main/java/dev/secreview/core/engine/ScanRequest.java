package dev.secreview.core.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What to review: paths (files or directories), glob patterns to leave out (and, when there are any, globs a file
 * must match to be reviewed; see {@link PathGlob}), a {@link PathFilter} for what else to leave out, the
 * {@link RuleSelection} of the rules whose findings are reported, how many threads, and the threat models: which inputs count as attacker-controlled ({@code remote}: network requests;
 * {@code local}: command line, environment, console). {@code displayBase}, when not null, is the folder the
 * review's paths are shown relative to (a repository's root when a change is reviewed from a temporary checkout);
 * when null, paths are shown as the user gave them. {@code fileTimeout} is the time one file's own analysis may
 * take ({@link FileDeadline}; zero: no limit), {@code maxFileBytes} the size of a file reviewed at all (zero: no limit).
 */
public record ScanRequest(List<Path> paths, List<String> excludes, List<String> includes, PathFilter pathFilter,
                          RuleSelection selection, int threads, Set<String> threatModels, Path displayBase,
                          Duration fileTimeout, long maxFileBytes) {
    public static final Set<String> DEFAULT_THREAT_MODELS = Set.of("remote", "stored");
    /** Far above what any real file takes (the largest of the CPython standard library: well under a second). */
    public static final Duration DEFAULT_FILE_TIMEOUT = Duration.ofSeconds(60);
    public static final long DEFAULT_MAX_FILE_BYTES = SourceReader.DEFAULT_MAX_BYTES;

    public ScanRequest {
        paths = List.copyOf(paths);
        excludes = List.copyOf(excludes);
        includes = List.copyOf(includes);
        threatModels = Set.copyOf(threatModels);
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        if (fileTimeout.isNegative()) throw new IllegalArgumentException("the file timeout cannot be negative");
        if (maxFileBytes < 0) throw new IllegalArgumentException("the file size limit cannot be negative");
    }

    public ScanRequest(List<Path> paths, List<String> excludes, int threads, Set<String> threatModels, Path displayBase) {
        this(paths, excludes, List.of(), PathFilter.NONE, RuleSelection.ALL, threads, threatModels, displayBase,
                DEFAULT_FILE_TIMEOUT, DEFAULT_MAX_FILE_BYTES);
    }

    public ScanRequest(List<Path> paths, List<String> excludes, int threads, Set<String> threatModels) {
        this(paths, excludes, threads, threatModels, null);
    }

    public ScanRequest(List<Path> paths, List<String> excludes, int threads) {
        this(paths, excludes, threads, DEFAULT_THREAT_MODELS);
    }

    /** The same request over other paths, shown relative to {@code base}. */
    public ScanRequest over(List<Path> otherPaths, Path base) {
        return new ScanRequest(otherPaths, excludes, includes, pathFilter, selection, threads, threatModels, base, fileTimeout, maxFileBytes);
    }

    /** The same request reviewing only files that match one of {@code globs} (all files when empty). */
    public ScanRequest including(List<String> globs) {
        return new ScanRequest(paths, excludes, globs, pathFilter, selection, threads, threatModels, displayBase, fileTimeout, maxFileBytes);
    }

    /** The same request leaving out, besides, what {@code filter} leaves out. */
    public ScanRequest filteredBy(PathFilter filter) {
        return new ScanRequest(paths, excludes, includes, filter, selection, threads, threatModels, displayBase, fileTimeout, maxFileBytes);
    }

    /** The same request reporting only the findings {@code rules} selects. */
    public ScanRequest selecting(RuleSelection rules) {
        return new ScanRequest(paths, excludes, includes, pathFilter, rules, threads, threatModels, displayBase, fileTimeout, maxFileBytes);
    }

    /** The same request giving each file {@code limit} for its own analysis (zero: no limit). */
    public ScanRequest timingOutAfter(Duration limit) {
        return new ScanRequest(paths, excludes, includes, pathFilter, selection, threads, threatModels, displayBase, limit,
                maxFileBytes);
    }

    /** The same request leaving files larger than {@code bytes} unreviewed (zero: no limit). */
    public ScanRequest limitedTo(long bytes) {
        return new ScanRequest(paths, excludes, includes, pathFilter, selection, threads, threatModels, displayBase,
                fileTimeout, bytes);
    }

    public static ScanRequest of(List<Path> paths) {
        return new ScanRequest(paths, List.of(), Runtime.getRuntime().availableProcessors());
    }
}
