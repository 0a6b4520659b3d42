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
 * front end all its files at once for the whole-tree analyses (interprocedural dataflow, templates with the views that
 * render them), applies
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
        List<Outcome> outcomes;
        if (cache != null && cache.onDisk()) {
            outcomes = analyseThroughDisk(candidates, request, listener, treeProblems, cache);
        } else {
            outcomes = inParallel(candidates, request.threads(), candidate -> {
                Outcome outcome = analyse(read(candidate, request.maxFileBytes()), cache, request.fileTimeout());
                listener.fileDone(outcome.report());
                return outcome;
            }, (candidate, why) -> Outcome.done(failed(candidate.displayPath(), why)));
            reviewTrees(outcomes, treeProblems, request.threatModels(), listener, cache == null ? TreeMemo.NONE : cache);
        }
        return outcomes.stream().map(outcome -> outcome.selectedBy(request.selection()).withExcerpt()).toList();
    }

    /**
     * The review with a disk cache: every file is read and hashed first; when the cache holds the whole-tree
     * result of exactly these files (same texts, same code, same threat models), that result is the review and
     * nothing is analysed; otherwise each file's own analysis is read back or made, the whole-tree phase runs,
     * and its result is kept (unless a file ran out of time or failed, which another run may not repeat).
     */
    private List<Outcome> analyseThroughDisk(List<FileDiscovery.Candidate> candidates, ScanRequest request,
                                             ScanListener listener, List<Diagnostic> treeProblems, AnalysisCache cache) {
        List<Read> reads = inParallel(candidates, request.threads(), candidate -> read(candidate, request.maxFileBytes()),
                (candidate, why) -> Read.failed(candidate, failed(candidate.displayPath(), why)));
        List<String> parts = new ArrayList<>(new java.util.TreeSet<>(request.threatModels()));
        for (Read read : reads) {
            parts.add(read.candidate().displayPath());
            parts.add(read.source() != null ? read.frontEnd().language() + ":" + cache.fileKey(read.source())
                    : read.unreviewed().diagnostics().toString());
        }
        String treeKey = cache.treeKey(parts);
        Optional<AnalysisCache.TreeOutcome> known = cache.tree(treeKey);
        if (known.isPresent() && known.get().reports().size() == reads.size()) {
            treeProblems.addAll(known.get().problems());
            List<Outcome> outcomes = new ArrayList<>(reads.size());
            for (int i = 0; i < reads.size(); i++) {
                FileReport report = known.get().reports().get(i);
                listener.fileDone(report);
                outcomes.add(new Outcome(report, reads.get(i).frontEnd(), null, reads.get(i).source()));
            }
            return outcomes;
        }
        List<Outcome> outcomes = inParallel(reads, request.threads(), read -> {
            Outcome outcome = analyse(read, cache, request.fileTimeout());
            listener.fileDone(outcome.report());
            return outcome;
        }, (read, why) -> Outcome.done(failed(read.candidate().displayPath(), why)));
        int before = treeProblems.size();
        reviewTrees(outcomes, treeProblems, request.threatModels(), listener, cache);
        boolean repeatable = true;
        for (int i = 0; i < reads.size(); i++) {
            repeatable &= reads.get(i).source() == null || outcomes.get(i).analysis() != null;
        }
        if (repeatable) {
            cache.putTree(treeKey, new AnalysisCache.TreeOutcome(outcomes.stream().map(Outcome::report).toList(),
                    List.copyOf(treeProblems.subList(before, treeProblems.size()))));
        }
        return outcomes;
    }

    /**
     * {@code work} applied to every item on {@code threads} worker threads, results in item order; an item whose
     * work was interrupted or failed outside its own guard gets {@code failed} with the reason.
     */
    private static <T, R> List<R> inParallel(List<T> items, int threads, java.util.function.Function<T, R> work,
                                             java.util.function.BiFunction<T, String, R> failed) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), workerThreads());
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) futures.add(pool.submit(() -> work.apply(item)));
            List<R> results = new ArrayList<>(items.size());
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    results.add(failed.apply(items.get(i), "interrupted"));
                } catch (ExecutionException e) {
                    results.add(failed.apply(items.get(i), describe(e.getCause())));
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Hands each front end the analyses of all its files for the whole-tree analyses. If that fails,
     * the per-file reviews stand and the failure is reported once: no result is lost.
     */
    private void reviewTrees(List<Outcome> outcomes, List<Diagnostic> treeProblems, Set<String> threatModels,
                             ScanListener listener, TreeMemo memo) {
        // Every file's own facts, before any whole-tree phase revises an analysis: no front end's review depends on
        // the order the others run in.
        List<TemplateRender> renders = new ArrayList<>();
        Set<Views.EngineSetting> settings = new java.util.HashSet<>();
        for (Outcome outcome : outcomes) {
            if (outcome.analysis() != null && outcome.analysis().facts() != null) {
                renders.addAll(outcome.analysis().facts().renders());
                settings.addAll(outcome.analysis().facts().engineSettings());
            }
        }
        Views views = new Views(renders, settings);
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
                revised = frontEnd.reviewTree(analyses, threatModels, memo, views);
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

    /** A file read from disk, with the front end that reviews it; or, when it cannot be reviewed, why. */
    record Read(FileDiscovery.Candidate candidate, LanguageFrontEnd frontEnd, SourceFile source, FileReport unreviewed) {
        static Read failed(FileDiscovery.Candidate candidate, FileReport why) {
            return new Read(candidate, null, null, why);
        }
    }

    /** Reads one file for its front end, unless it is larger than {@code maxFileBytes} (zero: no limit); never throws. */
    Read read(FileDiscovery.Candidate candidate, long maxFileBytes) {
        String shown = candidate.displayPath();
        Optional<LanguageFrontEnd> frontEnd = frontEndFor(candidate.path());
        if (frontEnd.isEmpty()) {
            return Read.failed(candidate, FileReport.unreviewed(shown, new Diagnostic(Diagnostic.Kind.NOT_SOURCE, shown, 0,
                    "not a source file secreview reviews")));
        }
        SourceReader.Result read = reader.read(candidate.path(), shown, candidate.projectPath(), maxFileBytes);
        if (read.problem() != null) return Read.failed(candidate, FileReport.unreviewed(shown, read.problem()));
        return new Read(candidate, frontEnd.get(), read.file(), null);
    }

    /** Reviews one file on its own; never throws. */
    Outcome analyse(Read read, AnalysisCache cache, Duration fileTimeout) {
        if (read.source() == null) return Outcome.done(read.unreviewed());
        String shown = read.candidate().displayPath();
        LanguageFrontEnd frontEnd = read.frontEnd();
        SourceFile source = read.source();
        try {
            FileAnalysis analysis = FileDeadline.within(fileTimeout, () -> cache == null ? frontEnd.analyze(source)
                    : cache.analysis(source, frontEnd::analyze));
            return new Outcome(Outcome.report(shown, frontEnd.language(), source.lineCount(), analysis),
                    frontEnd, analysis, source);
        } catch (FileDeadline.Exceeded e) {
            return Outcome.done(FileReport.unreviewed(shown, new Diagnostic(Diagnostic.Kind.TOO_LARGE, shown, 0,
                    "too large to analyse in the " + fileTimeout.toSeconds() + " s a file may take (--file-timeout)")));
        } catch (FileTooLarge e) {
            return Outcome.done(FileReport.unreviewed(shown, new Diagnostic(Diagnostic.Kind.TOO_LARGE, shown, 0, e.getMessage())));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return Outcome.done(new FileReport(shown, frontEnd.language(), source.lineCount(), List.of(),
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

    /**
     * What names the code of this scanner and its front ends, rules and models included, for a disk cache: the
     * jar files they are loaded from, with their sizes and modification times (a new build is a new identity).
     * Empty when some of it is loaded from a folder of classes (a development build), which has no such stamp.
     */
    public Optional<String> codeIdentity() {
        StringBuilder identity = new StringBuilder();
        java.util.Set<Path> jars = new java.util.TreeSet<>();
        List<Class<?>> classes = new ArrayList<>(List.of(Scanner.class));
        frontEnds.forEach(frontEnd -> classes.add(frontEnd.getClass()));
        for (Class<?> type : classes) {
            try {
                java.security.CodeSource code = type.getProtectionDomain().getCodeSource();
                if (code == null) return Optional.empty();
                Path location = Path.of(code.getLocation().toURI());
                if (!java.nio.file.Files.isRegularFile(location)) return Optional.empty();
                jars.add(location.toAbsolutePath());
            } catch (java.net.URISyntaxException | RuntimeException e) {
                return Optional.empty();
            }
        }
        for (Path jar : jars) {
            try {
                identity.append(jar).append('|').append(java.nio.file.Files.size(jar)).append('|')
                        .append(java.nio.file.Files.getLastModifiedTime(jar).toMillis()).append('\n');
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(identity.toString());
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
