package dev.secreview.core.engine;

import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.rule.RuleMetadata;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a review: discovers files, reads each, hands it to its language front end, then gives each
 * front end all its files at once for the whole-tree analyses (interprocedural dataflow), applies
 * inline suppressions, and returns the reports in path order. Files are analysed in parallel; a
 * failure in one file becomes a diagnostic on that file and never stops the scan.
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
        return scan(request, listener, null);
    }

    /** A scan that takes each file's own analysis from {@code cache} when it has one (null: no cache). */
    public ScanResult scan(ScanRequest request, ScanListener listener, AnalysisCache cache) {
        long started = System.nanoTime();
        FileDiscovery.Discovered discovered = FileDiscovery.of(request)
                .discover(request.paths(), file -> frontEndFor(file).isPresent());
        List<Diagnostic> pathProblems = new ArrayList<>(discovered.problems());
        // One review per file, however many of the given paths reach it.
        java.util.Set<Path> seen = new java.util.HashSet<>();
        List<FileDiscovery.Candidate> candidates = discovered.files().stream()
                .sorted(Comparator.comparing(FileDiscovery.Candidate::displayPath))
                .filter(c -> seen.add(c.path().toAbsolutePath().normalize()))
                .toList();
        listener.started(candidates.size());
        List<FileReport> reports = analyseAll(candidates, request, listener, pathProblems, cache);
        return new ScanResult(reports, pathProblems, discovered.named(), discovered.skipped(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private List<FileReport> analyseAll(List<FileDiscovery.Candidate> candidates, ScanRequest request,
                                        ScanListener listener, List<Diagnostic> treeProblems, AnalysisCache cache) {
        if (candidates.isEmpty()) return List.of();
        List<Outcome> outcomes = analyseEach(candidates, request.threads(), request.fileTimeout(), listener, cache);
        Set<String> threatModels = request.threatModels();
        reviewTrees(outcomes, treeProblems, threatModels, listener);
        return outcomes.stream().map(outcome -> outcome.selectedBy(request.selection()).withExcerpt()).toList();
    }

    private List<Outcome> analyseEach(List<FileDiscovery.Candidate> candidates, int threads, Duration fileTimeout,
                                      ScanListener listener, AnalysisCache cache) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, candidates.size()), workerThreads());
        try {
            List<Future<Outcome>> futures = new ArrayList<>(candidates.size());
            for (FileDiscovery.Candidate candidate : candidates) {
                futures.add(pool.submit(() -> {
                    Outcome outcome = analyse(candidate, cache, fileTimeout);
                    listener.fileDone(outcome.report());
                    return outcome;
                }));
            }
            List<Outcome> outcomes = new ArrayList<>(candidates.size());
            for (int i = 0; i < futures.size(); i++) {
                outcomes.add(await(futures.get(i), candidates.get(i)));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Hands each front end the analyses of all its files for the whole-tree analyses. If that fails,
     * the per-file reviews stand and the failure is reported once: no result is lost.
     */
    private void reviewTrees(List<Outcome> outcomes, List<Diagnostic> treeProblems, Set<String> threatModels,
                             ScanListener listener) {
        for (LanguageFrontEnd frontEnd : frontEnds) {
            Map<String, FileAnalysis> analyses = new LinkedHashMap<>();
            for (Outcome outcome : outcomes) {
                if (outcome.frontEnd() == frontEnd && outcome.analysis() != null) {
                    analyses.put(outcome.report().path(), outcome.analysis());
                }
            }
            if (analyses.isEmpty()) continue;
            listener.treeReviewStarted(analyses.size());
            Map<String, FileAnalysis> revised;
            try {
                revised = frontEnd.reviewTree(analyses, threatModels);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                treeProblems.add(new Diagnostic(Diagnostic.Kind.ANALYSIS_ERROR, frontEnd.language(), 0,
                        describe(e).replace("the rest of the scan", "each file's own review")));
                continue;
            }
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome outcome = outcomes.get(i);
                FileAnalysis after = outcome.analysis() == null ? null : revised.get(outcome.report().path());
                if (after != null && after != outcome.analysis()) {
                    outcomes.set(i, outcome.revised(after));
                }
            }
        }
    }

    private static Outcome await(Future<Outcome> future, FileDiscovery.Candidate candidate) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.done(failed(candidate.displayPath(), "interrupted"));
        } catch (ExecutionException e) {
            return Outcome.done(failed(candidate.displayPath(), describe(e.getCause())));
        }
    }

    /** Reviews one file on its own; never throws. */
    Outcome analyse(FileDiscovery.Candidate candidate, AnalysisCache cache, Duration fileTimeout) {
        String shown = candidate.displayPath();
        Optional<LanguageFrontEnd> frontEnd = frontEndFor(candidate.path());
        if (frontEnd.isEmpty()) {
            return Outcome.done(FileReport.unreviewed(shown, new Diagnostic(Diagnostic.Kind.NOT_SOURCE, shown, 0,
                    "not a source file secreview reviews")));
        }
        SourceReader.Result read = reader.read(candidate.path(), shown, candidate.projectPath());
        if (read.problem() != null) {
            return Outcome.done(FileReport.unreviewed(shown, read.problem()));
        }
        SourceFile source = read.file();
        try {
            FileAnalysis analysis = FileDeadline.within(fileTimeout, () -> cache == null ? frontEnd.get().analyze(source)
                    : cache.analysis(source, frontEnd.get()::analyze));
            return new Outcome(Outcome.report(shown, frontEnd.get().language(), source.lineCount(), analysis),
                    frontEnd.get(), analysis, source);
        } catch (FileDeadline.Exceeded e) {
            return Outcome.done(FileReport.unreviewed(shown, new Diagnostic(Diagnostic.Kind.TOO_LARGE, shown, 0,
                    "too large to analyse in the " + fileTimeout.toSeconds() + " s a file may take (--file-timeout)")));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return Outcome.done(new FileReport(shown, frontEnd.get().language(), source.lineCount(), List.of(),
                    List.of(new Diagnostic(Diagnostic.Kind.ANALYSIS_ERROR, shown, 0, describe(e)))));
        }
    }

    /**
     * One file's review, with what the whole-tree phase needs of it and its text for the code shown with
     * the final findings (null when it was not analysed).
     */
    record Outcome(FileReport report, LanguageFrontEnd frontEnd, FileAnalysis analysis, SourceFile source) {

        static Outcome done(FileReport report) {
            return new Outcome(report, null, null, null);
        }

        Outcome revised(FileAnalysis after) {
            return new Outcome(report(report.path(), report.language(), report.lines(), after), frontEnd, after, source);
        }

        /** The review with only the findings of the rules {@code selection} reports in this file. */
        Outcome selectedBy(RuleSelection selection) {
            if (source == null) return this;
            List<Finding> kept = report.findings().stream()
                    .filter(finding -> selection.reports(finding.rule(), source.projectPath())).toList();
            return new Outcome(report.withFindings(kept), frontEnd, analysis, source);
        }

        FileReport withExcerpt() {
            return source == null ? report : report.withExcerptFrom(source);
        }

        static FileReport report(String path, String language, int lines, FileAnalysis analysis) {
            return new FileReport(path, language, lines,
                    SuppressionDirective.apply(analysis.findings(), analysis.suppressions()), analysis.diagnostics());
        }
    }

    /** Whether a front end reviews a file of this name. */
    public boolean handles(Path file) {
        return frontEndFor(file).isPresent();
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
