package dev.secreview.eval;

import java.util.List;

/**
 * One real security fix, as a row of a fixes list: the defect at {@code lines} of {@code file} in the
 * parent commit, removed by the fix commit. Facts only: the code stays in the upstream repository.
 *
 * @param id           unique in the list; the materialised trees live in {@code <id>/before} and {@code <id>/after}
 * @param defectClass  the kind of defect, for the table by class ({@code path-traversal}, {@code xss}, …)
 */
public record FixCase(String id, String repository, String advisory, int cwe, String fixCommit,
                      String parentCommit, String file, List<LineRange> lines, String defectClass,
                      String summary) {

    public FixCase {
        lines = List.copyOf(lines);
    }

    /** True when {@code line} is within {@code tolerance} lines of a vulnerable line. */
    public boolean near(int line, int tolerance) {
        return lines.stream().anyMatch(range -> line >= range.first() - tolerance && line <= range.last() + tolerance);
    }

    /** An inclusive range of 1-based lines. */
    public record LineRange(int first, int last) {

        public LineRange {
            if (first < 1 || last < first) throw new IllegalArgumentException("bad line range " + first + "-" + last);
        }

        @Override
        public String toString() {
            return first == last ? Integer.toString(first) : first + "-" + last;
        }
    }
}
