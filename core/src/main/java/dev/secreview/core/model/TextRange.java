package dev.secreview.core.model;

/**
 * A region of a source file. Lines and columns are 1-based; columns count UTF-16 code units of the
 * line, which is what SARIF readers assume by default. The end column is exclusive.
 */
public record TextRange(int startLine, int startColumn, int endLine, int endColumn)
        implements Comparable<TextRange>, java.io.Serializable {

    public TextRange {
        if (startLine < 1 || startColumn < 1 || endLine < startLine
                || (endLine == startLine && endColumn < startColumn)) {
            throw new IllegalArgumentException("invalid range " + startLine + ":" + startColumn
                    + "-" + endLine + ":" + endColumn);
        }
    }

    @Override
    public int compareTo(TextRange other) {
        int c = Integer.compare(startLine, other.startLine);
        if (c == 0) c = Integer.compare(startColumn, other.startColumn);
        if (c == 0) c = Integer.compare(endLine, other.endLine);
        if (c == 0) c = Integer.compare(endColumn, other.endColumn);
        return c;
    }
}
