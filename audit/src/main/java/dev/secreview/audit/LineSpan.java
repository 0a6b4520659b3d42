package dev.secreview.audit;

/** An inclusive range of 1-based lines a claim points at; a single line has {@code first == last}. */
public record LineSpan(int first, int last) {

    public LineSpan {
        if (last < first) {
            throw new IllegalArgumentException("line span ends before it starts: " + first + "-" + last);
        }
    }

    public static LineSpan of(int line) {
        return new LineSpan(line, line);
    }

    public boolean contains(int line) {
        return line >= first && line <= last;
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
