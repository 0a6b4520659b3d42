package dev.secreview.core.model;

/**
 * Something that kept part of the input from being reviewed: a path that does not exist, a file that could
 * not be read or is not text, a syntax error (the rest of the file is still reviewed), or an internal failure
 * on one file. {@code line} is 0 when the problem concerns the whole file.
 */
public record Diagnostic(Kind kind, String path, int line, String message) implements Comparable<Diagnostic>, java.io.Serializable {

    /** What went wrong; the first six mean the path was not reviewed at all. */
    public enum Kind {
        /** The path does not exist (or is a dangling symbolic link). */
        NOT_FOUND,
        /** The file or directory exists but could not be read (permissions, an I/O error). */
        UNREADABLE,
        /** The file holds a NUL byte: it is not source text. */
        BINARY,
        /** The file is not valid text in its encoding (UTF-8 or its PEP 263 declaration), or declares an unknown one. */
        UNDECODABLE,
        /** The file is larger than the reader accepts, or than its analysis can get through in the time a file may take. */
        TOO_LARGE,
        /** The path was named but is nothing a front end reviews (another language, a device, a pipe). */
        NOT_SOURCE,
        /** A syntax error: the file was reviewed where its tree is intact. */
        PARSE_ERROR,
        /** The analyzer failed on this file (or on the whole tree); other files are unaffected. */
        ANALYSIS_ERROR;

        /** Whether a path with this diagnostic was not reviewed at all. */
        public boolean notReviewed() {
            return this != PARSE_ERROR && this != ANALYSIS_ERROR;
        }
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
