package dev.secreview.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The lines of a file around its findings, kept so that reports can show each finding in its code
 * without reading the file again (a change review's files live in folders deleted after the review).
 * Only lines within {@link #CONTEXT} of a finding are kept.
 */
public record SourceExcerpt(SortedMap<Integer, String> lines) implements java.io.Serializable {

    /** Lines of code shown before and after a finding, as a reviewer (and Bandit) shows them. */
    public static final int CONTEXT = 3;
    /** A finding spanning more lines than this shows its first ones only. */
    private static final int MAX_SPAN = 10;

    public static final SourceExcerpt NONE = new SourceExcerpt(new TreeMap<>());

    /** One numbered line of code. */
    public record Line(int number, String text) {
    }

    public SourceExcerpt {
        lines = Collections.unmodifiableSortedMap(new TreeMap<>(lines));
    }

    /** The lines of {@code source} around each of {@code findings}. */
    public static SourceExcerpt around(SourceFile source, Collection<Finding> findings) {
        if (findings.isEmpty()) return NONE;
        SortedMap<Integer, String> kept = new TreeMap<>();
        for (Finding finding : findings) {
            for (int line = first(finding.range()); line <= last(finding.range()); line++) {
                if (line <= source.lineCount()) kept.computeIfAbsent(line, source::line);
            }
        }
        return new SourceExcerpt(kept);
    }

    /** The numbered lines shown with a finding at {@code range}: those of the excerpt, in order. */
    public List<Line> around(TextRange range) {
        List<Line> shown = new ArrayList<>();
        lines.subMap(first(range), last(range) + 1).forEach((number, text) -> shown.add(new Line(number, text)));
        return shown;
    }

    private static int first(TextRange range) {
        return Math.max(1, range.startLine() - CONTEXT);
    }

    private static int last(TextRange range) {
        return Math.min(range.endLine(), range.startLine() + MAX_SPAN - 1) + CONTEXT;
    }
}
