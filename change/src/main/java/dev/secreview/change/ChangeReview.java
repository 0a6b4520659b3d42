package dev.secreview.change;

import dev.secreview.core.engine.AnalysisCache;
import dev.secreview.core.engine.ScanListener;
import dev.secreview.core.engine.ScanRequest;
import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.engine.Scanner;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Fingerprints;
import dev.secreview.core.model.FlowStep;
import dev.secreview.core.model.Severity;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Reviews a change: both versions of the tree are reviewed whole (so dataflow across files is not lost; files the
 * change leaves alone are analysed once, for both), and the findings of the new version that the old one does not
 * have (by rule, path after renames and the fingerprint of their code; see {@link KnownFindings}) are the change's.
 * Those on lines the change added or modified are reported as they are; the others the change made reachable (a new
 * source flowing into an old sink, say) and their message says through which changed line, when the path shows it.
 * A finding on an unchanged line where the old version already had one of the same CWE at least as severe is the
 * same defect judged anew (the change took a source away, say), not the change's.
 */
public final class ChangeReview {

    /** The change's own findings (and the diagnostics of the files it touches), with counts for the summary. */
    public record Result(ScanResult review, int onChangedLines, int madeReachable, int removed) {
    }

    /** A place a defect of one CWE stands on: the path and the code of the line, not its number. */
    private record Site(String path, int cwe, String code) {
        static Site of(Finding finding, String path) {
            return new Site(path, finding.cwe(), Fingerprints.normalised(finding.snippet()));
        }
    }

    private static boolean sameDefectRejudged(Finding finding, Map<Site, Severity> oldSites) {
        Severity was = oldSites.get(Site.of(finding, finding.path()));
        return was != null && was.atLeast(finding.severity());
    }

    private ChangeReview() {
    }

    public static Result review(Scanner scanner, ScanRequest request, ChangeUnderReview under, ScanListener listener) {
        return review(scanner, request, under, listener, new AnalysisCache());
    }

    /** The review of the change, with analyses taken from {@code cache} where it has them (and kept there). */
    public static Result review(Scanner scanner, ScanRequest request, ChangeUnderReview under, ScanListener listener,
                                AnalysisCache cache) {
        FutureTask<ScanResult> oldVersion = new FutureTask<>(() -> Files.isDirectory(under.oldScope())
                ? scanner.scan(request.over(List.of(under.oldScope()), under.oldRoot()), ScanListener.NONE, cache)
                : new ScanResult(List.of(), List.of(), java.time.Duration.ZERO));
        AtomicBoolean oldVersionStarted = new AtomicBoolean();
        ScanResult after = scanner.scan(request.over(List.of(under.newScope()), under.newRoot()),
                new ScanListener() {
                    @Override
                    public void started(int totalFiles) {
                        listener.started(totalFiles);
                    }

                    @Override
                    public void fileDone(FileReport report) {
                        listener.fileDone(report);
                    }

                    // The whole-tree phase runs on one thread, and every file of the new version is in the cache
                    // by then: the old version, mostly the same files, is reviewed meanwhile on another.
                    @Override
                    public void treeReviewStarted(int files) {
                        listener.treeReviewStarted(files);
                        if (oldVersionStarted.compareAndSet(false, true)) {
                            Thread thread = new Thread(oldVersion, "secreview-old-version");
                            thread.setDaemon(true);
                            thread.start();
                        }
                    }
                }, cache);
        ScanResult before = resultOf(oldVersion);
        Change change = under.change();
        KnownFindings known = KnownFindings.of(before, change::newPathOf);
        Set<Finding> added = known.unknownIn(after);
        Map<Site, Severity> oldSites = new HashMap<>();
        for (Finding finding : before.findings()) {
            if (!finding.suppressed()) oldSites.merge(Site.of(finding, change.newPathOf(finding.path())),
                    finding.severity(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }

        int onChangedLines = 0;
        int madeReachable = 0;
        List<FileReport> files = new ArrayList<>();
        for (FileReport file : after.files()) {
            List<Finding> findings = new ArrayList<>();
            for (Finding finding : file.findings()) {
                if (!added.contains(finding)) continue;
                if (change.touches(finding.path(), finding.range().startLine(), finding.range().endLine())) {
                    onChangedLines++;
                    findings.add(finding);
                } else if (!sameDefectRejudged(finding, oldSites)) {
                    madeReachable++;
                    findings.add(finding.rejudged(finding.severity(), finding.confidence(),
                            finding.message() + " " + reachableBy(finding, change)));
                }
            }
            List<Diagnostic> diagnostics = change.touchesFile(file.path()) ? file.diagnostics() : List.of();
            if (!findings.isEmpty() || change.touchesFile(file.path())) {
                files.add(new FileReport(file.path(), file.language(), file.lines(), findings, diagnostics, file.excerpt()));
            }
        }
        long stillThere = after.findings().stream().filter(f -> !f.suppressed()).count() - added.size();
        int removed = (int) Math.max(0, known.entries().size() - stillThere);
        ScanResult review = new ScanResult(files, after.pathProblems(), after.namedPaths(), after.skipped(),
                after.elapsed().plus(before.elapsed()));
        return new Result(review, onChangedLines, madeReachable, removed);
    }

    /** The old version's review: the one begun during the new version's whole-tree phase, or made now. */
    private static ScanResult resultOf(FutureTask<ScanResult> oldVersion) {
        oldVersion.run();   // does nothing when it already ran or runs
        try {
            return oldVersion.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the review of the old version was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) throw failure;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Why a finding on an unchanged line is the change's: the first step of its path on a changed line. */
    private static String reachableBy(Finding finding, Change change) {
        Optional<FlowStep> changed = Stream.concat(finding.flow().stream(), finding.related().stream())
                .filter(step -> change.touches(step.path(), step.line()))
                .findFirst();
        return changed.map(step -> "The change makes this reachable: " + step.path() + ":" + step.line()
                        + " (`" + step.snippet().strip() + "`) is new or modified.")
                .orElse("This line is unchanged; the change elsewhere makes the defect reachable.");
    }
}
