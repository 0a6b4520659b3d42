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
        ScanResult after = scanner.scan(request.over(List.of(under.newScope()), under.newRoot()), listener, cache);
        ScanResult before = Files.isDirectory(under.oldScope())
                ? scanner.scan(request.over(List.of(under.oldScope()), under.oldRoot()), ScanListener.NONE, cache)
                : new ScanResult(List.of(), List.of(), java.time.Duration.ZERO);
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
