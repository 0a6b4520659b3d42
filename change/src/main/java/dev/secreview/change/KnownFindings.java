package dev.secreview.change;

import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Fingerprints;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Findings known before (a baseline, or the review of a change's old side), recognised in a later review by rule,
 * path and the fingerprint of their code, never by line, so that moved code is still known. Each known entry
 * accounts for one finding: a second identical defect is new. Entries of a path that the later review no longer
 * has (the file was renamed or moved) are matched by rule and fingerprint alone.
 */
public final class KnownFindings {

    /** One known finding. {@code line} is where it was, for people reading a baseline; matching ignores it. */
    public record Entry(String rule, String path, String fingerprint, int line) {

        static Entry of(Finding finding, String path) {
            return new Entry(finding.rule().id(), path, Fingerprints.code(finding), finding.line());
        }
    }

    private record Key(String rule, String path, String fingerprint) {
    }

    private record PathFreeKey(String rule, String fingerprint) {
    }

    private final List<Entry> entries;

    public KnownFindings(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The unsuppressed findings of a review. */
    public static KnownFindings of(ScanResult review) {
        return of(review, UnaryOperator.identity());
    }

    /** The unsuppressed findings of a review, each under the path {@code renamed} gives its file now. */
    public static KnownFindings of(ScanResult review, UnaryOperator<String> renamed) {
        List<Entry> entries = new ArrayList<>();
        for (Finding finding : review.findings()) {
            if (!finding.suppressed()) entries.add(Entry.of(finding, renamed.apply(finding.path())));
        }
        return new KnownFindings(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The unsuppressed findings of {@code review} that no known entry accounts for (an identity set). */
    public Set<Finding> unknownIn(ScanResult review) {
        Map<Key, Integer> left = new HashMap<>();
        for (Entry entry : entries) left.merge(new Key(entry.rule(), entry.path(), entry.fingerprint()), 1, Integer::sum);
        List<Finding> unmatched = new ArrayList<>();
        for (Finding finding : review.findings()) {
            if (finding.suppressed()) continue;
            Key key = new Key(finding.rule().id(), finding.path(), Fingerprints.code(finding));
            if (!take(left, key)) unmatched.add(finding);
        }
        Set<String> present = new HashSet<>();
        for (FileReport file : review.files()) present.add(file.path());
        Map<PathFreeKey, Integer> moved = new HashMap<>();
        left.forEach((key, count) -> {
            if (!present.contains(key.path())) moved.merge(new PathFreeKey(key.rule(), key.fingerprint()), count, Integer::sum);
        });
        Set<Finding> unknown = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Finding finding : unmatched) {
            if (!take(moved, new PathFreeKey(finding.rule().id(), Fingerprints.code(finding)))) unknown.add(finding);
        }
        return unknown;
    }

    private static <K> boolean take(Map<K, Integer> left, K key) {
        Integer count = left.get(key);
        if (count == null || count == 0) return false;
        left.put(key, count - 1);
        return true;
    }
}
