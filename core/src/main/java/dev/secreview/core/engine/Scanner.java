package dev.secreview.core.engine;

import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.rule.RuleMetadata;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a review: discovers files, reads each, hands it to its language front end, applies inline
 * suppressions, and returns the reports in path order. Files are analysed in parallel; a failure in
 * one file becomes a diagnostic on that file and never stops the scan.
 */
public final class Scanner {

    /** Deeply nested code makes recursive analyses deep: worker threads get a generous stack. */
    private static final long WORKER_STACK_BYTES = 256L * 1024 * 1024;

    private final List<LanguageFrontEnd> frontEnds;
    private final SourceReader reader = new SourceReader();

    public Scanner(List<LanguageFrontEnd> frontEnds) {
        this.frontEnds = List.copyOf(frontEnds);
    }

    /** A scanner with every front end on the class path. */
    public static Scanner withInstalledFrontEnds() {
        List<LanguageFrontEnd> found = new ArrayList<>();
        ServiceLoader.load(LanguageFrontEnd.class).forEach(found::add);
        found.sort(Comparator.comparing(LanguageFrontEnd::language));
        return new Scanner(found);
    }

    public List<RuleMetadata> rules() {
        return frontEnds.stream().flatMap(f -> f.rules().stream()).toList();
    }

    public ScanResult scan(ScanRequest request, ScanListener listener) {
        long started = System.nanoTime();
        FileDiscovery.Discovered discovered = new FileDiscovery(request.excludes())
                .discover(request.paths(), file -> frontEndFor(file).isPresent());
        List<Diagnostic> pathProblems = new ArrayList<>();
        for (FileDiscovery.Missing missing : discovered.missing()) {
            pathProblems.add(new Diagnostic(Diagnostic.Kind.UNREADABLE, missing.path(), 0, missing.reason()));
        }
        // One review per file, however many of the given paths reach it.
        java.util.Set<Path> seen = new java.util.HashSet<>();
        List<FileDiscovery.Candidate> candidates = discovered.files().stream()
                .sorted(Comparator.comparing(FileDiscovery.Candidate::displayPath))
                .filter(c -> seen.add(c.path().toAbsolutePath().normalize()))
                .toList();
        listener.started(candidates.size());
        List<FileReport> reports = analyseAll(candidates, request.threads(), listener);
        return new ScanResult(reports, pathProblems, Duration.ofNanos(System.nanoTime() - started));
    }

    private List<FileReport> analyseAll(List<FileDiscovery.Candidate> candidates, int threads, ScanListener listener) {
        if (candidates.isEmpty()) return List.of();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, candidates.size()), workerThreads());
        try {
            List<Future<FileReport>> futures = new ArrayList<>(candidates.size());
            for (FileDiscovery.Candidate candidate : candidates) {
                futures.add(pool.submit(() -> {
                    FileReport report = analyse(candidate);
                    listener.fileDone(report);
                    return report;
                }));
            }
            List<FileReport> reports = new ArrayList<>(candidates.size());
            for (int i = 0; i < futures.size(); i++) {
                reports.add(await(futures.get(i), candidates.get(i)));
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }

    private static FileReport await(Future<FileReport> future, FileDiscovery.Candidate candidate) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(candidate.displayPath(), "interrupted");
        } catch (ExecutionException e) {
            return failed(candidate.displayPath(), describe(e.getCause()));
        }
    }

    /** Reviews one file; never throws. */
    FileReport analyse(FileDiscovery.Candidate candidate) {
        String shown = candidate.displayPath();
        Optional<LanguageFrontEnd> frontEnd = frontEndFor(candidate.path());
        if (frontEnd.isEmpty()) {
            return FileReport.unreviewed(shown, new Diagnostic(Diagnostic.Kind.SKIPPED, shown, 0,
                    "skipped: not a supported source file"));
        }
        SourceReader.Result read = reader.read(candidate.path(), shown);
        if (read.problem() != null) {
            return FileReport.unreviewed(shown, read.problem());
        }
        SourceFile source = read.file();
        try {
            FileAnalysis analysis = frontEnd.get().analyze(source);
            return new FileReport(shown, frontEnd.get().language(), source.lineCount(),
                    SuppressionDirective.apply(analysis.findings(), analysis.suppressions()),
                    analysis.diagnostics());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return new FileReport(shown, frontEnd.get().language(), source.lineCount(), List.of(),
                    List.of(new Diagnostic(Diagnostic.Kind.ANALYSIS_ERROR, shown, 0, describe(e))));
        }
    }

    private Optional<LanguageFrontEnd> frontEndFor(Path file) {
        return frontEnds.stream().filter(f -> f.handles(file)).findFirst();
    }

    private static FileReport failed(String path, String why) {
        return FileReport.unreviewed(path, new Diagnostic(Diagnostic.Kind.ANALYSIS_ERROR, path, 0, why));
    }

    private static String describe(Throwable e) {
        String kind = e instanceof StackOverflowError ? "code nested too deeply to analyse"
                : e instanceof OutOfMemoryError ? "file too large to analyse in memory"
                : "internal error: " + e.getClass().getSimpleName();
        return "analysis failed (" + kind + (e.getMessage() != null && !(e instanceof Error) ? ": " + e.getMessage() : "")
                + "); the rest of the scan is unaffected";
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(null, task, "secreview-worker-" + count.incrementAndGet(), WORKER_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        };
    }
}
