package dev.secreview.eval;

import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Scores a review against inline expectations, per rule and per line: several findings of one rule
 * on one line count once, and a rule reported on an {@code ok} line is a false positive like any
 * other report no marker expects.
 */
public final class AnnotationScorer {

    private AnnotationScorer() {
    }

    public static AnnotationScore score(Map<String, List<InlineExpectations.Expectation>> expectations,
                                        List<FileReport> files) {
        Set<RuleAtLine> expected = new TreeSet<>();
        Set<RuleAtLine> nearMisses = new TreeSet<>();
        expectations.forEach((path, marks) -> marks.forEach(e ->
                (e.flagged() ? expected : nearMisses).add(new RuleAtLine(path, e.line(), e.ruleId()))));
        Set<RuleAtLine> reported = new TreeSet<>();
        for (FileReport file : files) {
            for (Finding f : file.activeFindings()) reported.add(new RuleAtLine(f.path(), f.line(), f.rule().id()));
        }

        List<RuleAtLine> falseNegatives = without(expected, reported::contains);
        List<RuleAtLine> falsePositives = without(reported, expected::contains);
        Set<String> ruleIds = new TreeSet<>();
        for (Set<RuleAtLine> places : List.of(expected, nearMisses, reported)) {
            places.forEach(p -> ruleIds.add(p.ruleId()));
        }
        List<RuleScore> rules = ruleIds.stream().map(id -> new RuleScore(id,
                count(expected, id, reported::contains),
                count(falseNegatives, id, p -> true),
                count(falsePositives, id, p -> true),
                count(nearMisses, id, p -> !reported.contains(p)))).toList();
        return new AnnotationScore(rules, falseNegatives, falsePositives);
    }

    /** The places not matching {@code drop}, in place order. */
    private static List<RuleAtLine> without(Set<RuleAtLine> places, Predicate<RuleAtLine> drop) {
        return places.stream().filter(drop.negate()).toList();
    }

    private static int count(Iterable<RuleAtLine> places, String ruleId, Predicate<RuleAtLine> test) {
        int n = 0;
        for (RuleAtLine p : places) if (p.ruleId().equals(ruleId) && test.test(p)) n++;
        return n;
    }
}
