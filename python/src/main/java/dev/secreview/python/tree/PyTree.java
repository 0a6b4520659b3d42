package dev.secreview.python.tree;

import dev.secreview.core.model.SourceFile;

import java.util.List;

/** A parsed Python file: the root node, the source, and the syntax errors tree-sitter recovered from. */
public final class PyTree {
    private final SourceFile source;
    private final int[] lineStarts;
    PyNode root;
    List<SyntaxError> syntaxErrors = List.of();

    /** A place where the parser found no valid Python and recovered. */
    public record SyntaxError(int line, String message) {
    }

    PyTree(SourceFile source) {
        this.source = source;
        int lines = Math.max(1, source.lineCount());
        this.lineStarts = new int[lines];
        for (int i = 0; i < lines; i++) lineStarts[i] = source.lineCount() == 0 ? 0 : source.lineStart(i + 1);
    }

    public SourceFile source() {
        return source;
    }

    public PyNode root() {
        return root;
    }

    public List<SyntaxError> syntaxErrors() {
        return syntaxErrors;
    }

    /** 1-based line holding the char at {@code offset}. */
    int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo + 1;
    }

    /** 1-based column of {@code offset} on {@code line}. */
    int columnOf(int line, int offset) {
        return offset - lineStarts[line - 1] + 1;
    }
}
