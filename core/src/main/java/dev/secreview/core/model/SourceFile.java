package dev.secreview.core.model;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The decoded text of one file under review, with a line index. {@code displayPath} is the path as
 * the user should see it (relative to the scan root where possible, always with '/' separators);
 * {@code projectPath} is its path inside the scanned project (without the folders above the scan root).
 */
public final class SourceFile implements java.io.Serializable {
    private final Path path;
    private final String displayPath;
    private final String projectPath;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(Path path, String displayPath, String text) {
        this(path, displayPath, displayPath, text);
    }

    public SourceFile(Path path, String displayPath, String projectPath, String text) {
        this.path = path;
        this.displayPath = displayPath;
        this.projectPath = projectPath;
        this.text = text;
        this.lineStarts = indexLines(text);
    }

    /** Written as its paths and text (a {@link Path} is not serializable); the line index is rebuilt on reading. */
    private Object writeReplace() {
        return new Stored(path == null ? null : path.toString(), displayPath, projectPath, text);
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("a SourceFile is read through its stored form");
    }

    private record Stored(String path, String displayPath, String projectPath, String text) implements java.io.Serializable {
        private Object readResolve() {
            return new SourceFile(path == null ? null : Path.of(path), displayPath, projectPath, text);
        }
    }

    private static int[] indexLines(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        if (text.indexOf('\r') < 0) {
            // Only '\n' ends lines: String.indexOf scans the text's own bytes, far faster than a charAt per character
            // in a short run (every file of a review is indexed, its own analysis cached or not).
            for (int at = text.indexOf('\n'); at >= 0 && at + 1 < text.length(); at = text.indexOf('\n', at + 1)) {
                if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
                starts[count++] = at + 1;
            }
            return Arrays.copyOf(starts, count);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (lineBreak && i + 1 < text.length()) {
                if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    public Path path() {
        return path;
    }

    public String displayPath() {
        return displayPath;
    }

    public String projectPath() {
        return projectPath;
    }

    public String text() {
        return text;
    }

    /** Number of lines; an empty file has zero lines. */
    public int lineCount() {
        return text.isEmpty() ? 0 : lineStarts.length;
    }

    /** Offset (in chars) of the first character of a 1-based line. */
    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** The text of a 1-based line without its line terminator; empty when the line does not exist. */
    public String line(int line) {
        if (line < 1 || line > lineCount()) return "";
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
        return text.substring(start, end);
    }
}
