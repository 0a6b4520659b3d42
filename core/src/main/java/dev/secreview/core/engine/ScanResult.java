package dev.secreview.core.engine;

import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a scan: one report per file in path order, and the problems with the paths
 * themselves (missing roots). The elapsed time is not part of any deterministic output.
 */
public record ScanResult(List<FileReport> files, List<Diagnostic> pathProblems, Duration elapsed) {

    public ScanResult {
        files = List.copyOf(files);
        pathProblems = List.copyOf(pathProblems);
    }

    public List<Finding> findings() {
        return files.stream().flatMap(f -> f.findings().stream()).toList();
    }

    public List<Diagnostic> diagnostics() {
        return java.util.stream.Stream.concat(pathProblems.stream(),
                files.stream().flatMap(f -> f.diagnostics().stream())).sorted().toList();
    }

    public int reviewedFiles() {
        return (int) files.stream().filter(FileReport::reviewed).count();
    }

    public long totalLines() {
        return files.stream().mapToLong(FileReport::lines).sum();
    }
}
