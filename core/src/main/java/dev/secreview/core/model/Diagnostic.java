package dev.secreview.core.model;

/**
 * Something that kept part of the input from being reviewed: a file that could not be read or
 * decoded, a syntax error (the rest of the file is still reviewed), or an internal failure on one file.
 * {@code line} is 0 when the problem concerns the whole file.
 */
public record Diagnostic(Kind kind, String path, int line, String message) implements Comparable<Diagnostic> {

    public enum Kind {
        /** The file could not be read, is binary, or is not valid text: it was not reviewed. */
        UNREADABLE,
        /** A syntax error: the file was reviewed where its tree is intact. */
        PARSE_ERROR,
        /** The analyzer failed on this file; other files are unaffected. */
        ANALYSIS_ERROR,
        /** The path was given but holds nothing to review (e.g. an unsupported file type). */
        SKIPPED
    }

    /** One line a user can read, e.g. {@code pkg/mod.py:12: syntax error: unexpected `)`}. */
    public String render() {
        return (line > 0 ? path + ":" + line : path) + ": " + message;
    }

    @Override
    public int compareTo(Diagnostic other) {
        int c = path.compareTo(other.path);
        if (c == 0) c = Integer.compare(line, other.line);
        if (c == 0) c = kind.compareTo(other.kind);
        if (c == 0) c = message.compareTo(other.message);
        return c;
    }
}
