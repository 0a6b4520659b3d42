package dev.secreview.eval;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.cwe.CweEntry;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Scores a review against real security fixes. A fix is <b>detected</b> when an unsuppressed finding in
 * the vulnerable file lies within {@value #TOLERANCE} lines of a vulnerable line and has the fix's CWE
 * or a CWE of the same CWE-1000 pillar; the findings of exactly the fix's CWE, when there are any,
 * are the ones that detect it. It is <b>cleared</b> when the fixed file no longer has those
 * findings: for each, fewer findings of its rule on the same code (whitespace aside) and fewer findings
 * of its rule in the file than the vulnerable file had (a fixed file that was not reviewed clears
 * nothing), so that a fix which rewrites the flagged line
 * but is still flagged on the new one does not count as cleared.
 */
public final class FixScorer {

    static final int TOLERANCE = 2;

    private FixScorer() {
    }

    /** {@code before} and {@code after}: the reviewed files of each fix's trees, by fix id. */
    public static FixScore score(List<FixCase> fixes, Map<String, List<FileReport>> before,
                                 Map<String, List<FileReport>> after) {
        List<FixOutcome> outcomes = new ArrayList<>();
        for (FixCase fix : fixes) {
            Optional<FileReport> vulnerable = fileOf(fix, before.getOrDefault(fix.id(), List.of()));
            if (vulnerable.isEmpty() || !vulnerable.get().reviewed()) {
                outcomes.add(new FixOutcome(fix, false, List.of(), false));
                continue;
            }
            List<Finding> near = vulnerable.get().activeFindings().stream()
                    .filter(f -> fix.near(f.line(), TOLERANCE) && sameKind(f.cwe(), fix.cwe()))
                    .toList();
            List<Finding> exact = near.stream().filter(f -> f.cwe() == fix.cwe()).toList();
            List<Finding> matching = exact.isEmpty() ? near : exact;
            Optional<FileReport> fixed = fileOf(fix, after.getOrDefault(fix.id(), List.of())).filter(FileReport::reviewed);
            List<Finding> unfixed = vulnerable.get().activeFindings();
            boolean cleared = !matching.isEmpty() && fixed.isPresent()
                    && matching.stream().allMatch(f -> gone(f, unfixed, fixed.get().activeFindings()));
            outcomes.add(new FixOutcome(fix, true, matching, cleared));
        }
        return new FixScore(outcomes);
    }

    private static Optional<FileReport> fileOf(FixCase fix, List<FileReport> files) {
        return files.stream().filter(f -> f.path().equals(fix.file()) || f.path().endsWith("/" + fix.file())).findFirst();
    }

    static boolean sameKind(int reported, int expected) {
        if (reported == expected) return true;
        CweCatalog catalog = CweCatalog.embedded();
        Optional<Integer> pillar = catalog.pillarOf(expected).map(CweEntry::id);
        return pillar.isPresent() && pillar.equals(catalog.pillarOf(reported).map(CweEntry::id));
    }

    private static boolean gone(Finding finding, List<Finding> unfixed, List<Finding> fixed) {
        String code = normalised(finding.snippet());
        long sameCodeBefore = unfixed.stream().filter(f -> sameRule(f, finding) && normalised(f.snippet()).equals(code)).count();
        long sameCodeAfter = fixed.stream().filter(f -> sameRule(f, finding) && normalised(f.snippet()).equals(code)).count();
        long ruleBefore = unfixed.stream().filter(f -> sameRule(f, finding)).count();
        long ruleAfter = fixed.stream().filter(f -> sameRule(f, finding)).count();
        return sameCodeAfter < sameCodeBefore && ruleAfter < ruleBefore;
    }

    private static boolean sameRule(Finding a, Finding b) {
        return Objects.equals(a.rule().id(), b.rule().id());
    }

    private static String normalised(String code) {
        return code == null ? "" : code.replaceAll("\\s+", "");
    }
}
