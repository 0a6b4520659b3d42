package dev.secreview.core.engine;

import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.SkippedPath;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The outcome of a scan: one report per file in path order; the problems that belong to no one file (a path
 * that does not exist, a directory that cannot be read, a failed whole-tree analysis); the paths the request
 * named, as the review shows them; and what was left out on purpose (in path order). The elapsed time is not part
 * of any deterministic output.
 */
public record ScanResult(List<FileReport> files, List<Diagnostic> pathProblems, Set<String> namedPaths,
                         List<SkippedPath> skipped, Duration elapsed) {

    public ScanResult {
        files = List.copyOf(files);
        pathProblems = List.copyOf(pathProblems);
        namedPaths = Set.copyOf(namedPaths);
        skipped = skipped.stream().sorted().toList();
    }

    /** A result that names no paths and left nothing out (made by hand, or a tree reviewed as a whole). */
    public ScanResult(List<FileReport> files, List<Diagnostic> pathProblems, Duration elapsed) {
        this(files, pathProblems, Set.of(), List.of(), elapsed);
    }

    /** The same scan with other file reports (findings added, marked or dropped after the scan). */
    public ScanResult withFiles(List<FileReport> revised) {
        return new ScanResult(revised, pathProblems, namedPaths, skipped, elapsed);
    }

    /** The source files left out on purpose (a virtualenv, git-ignored or excluded paths...). */
    public int skippedFiles() {
        return skipped.stream().mapToInt(SkippedPath::files).sum();
    }

    public List<Finding> findings() {
        return files.stream().flatMap(f -> f.findings().stream()).toList();
    }

    public List<Diagnostic> diagnostics() {
        return Stream.concat(pathProblems.stream(), files.stream().flatMap(f -> f.diagnostics().stream())).sorted().toList();
    }

    public int reviewedFiles() {
        return (int) files.stream().filter(FileReport::reviewed).count();
    }

    /** Files and paths that were not reviewed at all: unreadable, binary... files, and missing or unreadable paths. */
    public int notReviewed() {
        return files.size() - reviewedFiles() + (int) pathProblems.stream().filter(d -> d.kind().notReviewed()).count();
    }

    /**
     * The paths the request named that could not be reviewed at all, one diagnostic each. Files found inside a
     * named directory are not among them: their problems are diagnostics of the review.
     */
    public List<Diagnostic> namedPathProblems() {
        return diagnostics().stream().filter(d -> d.kind().notReviewed() && namedPaths.contains(d.path())).toList();
    }

    /** Whether the request named paths and none of them could be reviewed: there is no review to show. */
    public boolean nothingNamedCouldBeReviewed() {
        return !namedPaths.isEmpty()
                && namedPathProblems().stream().map(Diagnostic::path).distinct().count() == namedPaths.size();
    }

    public long totalLines() {
        return files.stream().mapToLong(FileReport::lines).sum();
    }
}
