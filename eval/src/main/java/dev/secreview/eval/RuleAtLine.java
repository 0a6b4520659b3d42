package dev.secreview.eval;

import java.util.Comparator;

/** A rule reported, or expected, on one line of one file. */
public record RuleAtLine(String path, int line, String ruleId) implements Comparable<RuleAtLine> {

    private static final Comparator<RuleAtLine> ORDER = Comparator.comparing(RuleAtLine::path)
            .thenComparingInt(RuleAtLine::line)
            .thenComparing(RuleAtLine::ruleId);

    @Override
    public int compareTo(RuleAtLine other) {
        return ORDER.compare(this, other);
    }

    /** {@code app/views.py:12 py-subprocess-shell}. */
    public String render() {
        return path + ":" + line + " " + ruleId;
    }
}
