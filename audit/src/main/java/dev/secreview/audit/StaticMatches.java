package dev.secreview.audit;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.cwe.CweEntry;
import dev.secreview.core.model.Finding;

import java.util.List;
import java.util.Optional;

/**
 * Which findings of the static review a claim speaks of: those of the claim's CWE within {@value #TOLERANCE}
 * lines of its place, or when there are none, those of another CWE under the same CWE-1000 pillar (reviewers
 * often pick a neighbour of the CWE a rule reports). A pillar is wide (CWE-664 holds both a secret logged in
 * clear and an insecure default), so a finding of another CWE must also be about a name the claim gives,
 * when it gives names of the file: in an options module the next option is two lines away.
 */
final class StaticMatches {

    static final int TOLERANCE = 2;

    private final CweCatalog catalog;

    StaticMatches(CweCatalog catalog) {
        this.catalog = catalog;
    }

    List<Finding> of(Claim claim, ClaimPlace place, CodeUnderAudit code, StaticReview review) {
        if (claim.cwe() == null || place.isEmpty()) return List.of();
        List<Finding> near = review.findings().stream()
                .filter(f -> review.linesInFile(f).stream().anyMatch(line -> place.near(line, TOLERANCE))).toList();
        List<Finding> sameCwe = near.stream().filter(f -> f.cwe() == claim.cwe()).toList();
        if (!sameCwe.isEmpty()) return sameCwe;
        return near.stream().filter(f -> samePillar(claim.cwe(), f.cwe()) && aboutANameOf(claim, review.linesInFile(f), code))
                .toList();
    }

    private boolean samePillar(int claimed, int found) {
        Optional<Integer> pillar = catalog.pillarOf(claimed).map(CweEntry::id);
        return pillar.isPresent() && pillar.equals(catalog.pillarOf(found).map(CweEntry::id));
    }

    /**
     * Whether a name the claim gives is on the finding's lines in the file or is the function or class around them;
     * true when the claim gives no name of the file.
     */
    private static boolean aboutANameOf(Claim claim, List<Integer> findingLines, CodeUnderAudit code) {
        boolean namesAny = false;
        for (String name : claim.identifiers()) {
            List<Integer> lines = code.linesOfName(name);
            namesAny |= !lines.isEmpty();
            if (lines.stream().anyMatch(findingLines::contains)
                    || code.definitionsOf(name).stream().anyMatch(d -> findingLines.stream().anyMatch(d::contains))) {
                return true;
            }
        }
        return !namesAny;
    }

    /** "notes.py:31 `rows = db.execute(...)` py-sql-injection (CWE-89, high confidence)". */
    static String describe(Finding finding) {
        return Evidence.place(finding.path(), finding.line(), finding.snippet()) + " " + finding.rule().id()
                + " (CWE-" + finding.cwe() + ", " + finding.confidence().label() + " confidence)";
    }
}
