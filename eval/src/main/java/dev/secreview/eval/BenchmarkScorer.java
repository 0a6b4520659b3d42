package dev.secreview.eval;

import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores a review the OWASP Benchmark way. A test case is flagged when an unsuppressed finding in a
 * file whose base name (without its extension) is the test case's name has exactly the expected
 * CWE; a flagged real vulnerability is a true positive, a flagged safe case a false positive.
 */
public final class BenchmarkScorer {

    /** CWE-564 (SQL injection through Hibernate) is a kind of CWE-89: the OWASP scorer accepts 89 for it. */
    private static final Map<Integer, Integer> ALSO_ACCEPTED = Map.of(564, 89);

    private BenchmarkScorer() {
    }

    public static BenchmarkScore score(List<TestCase> cases, List<FileReport> files) {
        Map<String, Set<Integer>> reportedCwes = new HashMap<>();
        Set<String> reviewed = new HashSet<>();
        for (FileReport file : files) {
            String name = baseName(file.path());
            if (file.reviewed()) reviewed.add(name);
            for (Finding finding : file.activeFindings()) {
                reportedCwes.computeIfAbsent(name, key -> new HashSet<>()).add(finding.cwe());
            }
        }
        Map<String, Tally> tallies = new TreeMap<>();
        for (TestCase c : cases) {
            Set<Integer> reported = reportedCwes.getOrDefault(c.name(), Set.of());
            boolean flagged = reported.contains(c.cwe())
                    || (ALSO_ACCEPTED.containsKey(c.cwe()) && reported.contains(ALSO_ACCEPTED.get(c.cwe())));
            tallies.computeIfAbsent(c.category(), key -> new Tally()).add(c.vulnerable(), flagged);
        }
        List<CategoryScore> categories = tallies.entrySet().stream()
                .map(e -> e.getValue().score(e.getKey()))
                .toList();
        int notReviewed = (int) cases.stream().filter(c -> !reviewed.contains(c.name())).count();
        return new BenchmarkScore(categories, notReviewed);
    }

    private static final class Tally {
        private int tp;
        private int fn;
        private int tn;
        private int fp;

        void add(boolean vulnerable, boolean flagged) {
            if (vulnerable && flagged) tp++;
            else if (vulnerable) fn++;
            else if (flagged) fp++;
            else tn++;
        }

        CategoryScore score(String category) {
            return new CategoryScore(category, tp, fn, tn, fp);
        }
    }

    /** {@code app/BenchmarkTest00001.py} → {@code BenchmarkTest00001}. */
    static String baseName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
