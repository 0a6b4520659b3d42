package dev.secreview.report;

import dev.secreview.core.model.Finding;
import dev.secreview.core.model.SourceExcerpt;
import dev.secreview.core.model.TextRange;
import dev.secreview.core.rule.Rewrite;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A finding's mechanical fix (its rule's {@link Rewrite}) placed in its file: the range it replaces and what
 * stood there, the text it puts there, and the finding's lines as they read after it. There is one only where
 * the report carries every line of the finding and a rewrite of its rule matches its code exactly once.
 */
record SuggestedFix(TextRange replaced, String original, String replacement, List<String> fixedLines) {

    static Optional<SuggestedFix> of(Finding finding, SourceExcerpt excerpt) {
        TextRange range = finding.range();
        if (finding.rule().rewrites().isEmpty()) return Optional.empty();
        List<String> lines = excerpt.around(range).stream()
                .filter(line -> line.number() >= range.startLine() && line.number() <= range.endLine())
                .map(SourceExcerpt.Line::text).toList();
        if (lines.size() != range.endLine() - range.startLine() + 1) return Optional.empty();
        String text = String.join("\n", lines);
        int start = offset(lines, 0, range.startColumn());
        int end = offset(lines, lines.size() - 1, range.endColumn());
        if (end > text.length() || start > end) return Optional.empty();
        String code = text.substring(start, end);
        return Rewrite.firstIn(finding.rule().rewrites(), code).map(edit -> {
            int from = start + edit.start();
            int to = start + edit.end();
            String fixed = text.substring(0, start) + edit.applyTo(code) + text.substring(end);
            return new SuggestedFix(position(text, from, range.startLine()).to(position(text, to, range.startLine())),
                    text.substring(from, to), edit.text(), Arrays.asList(fixed.split("\n", -1)));
        });
    }

    /** What a reviewer is offered to apply: {@code Replace `verify=False` with `verify=True`}. */
    String description() {
        return "Replace " + MarkdownText.code(original) + " with " + MarkdownText.code(replacement);
    }

    /** The offset in the joined lines of a 1-based column of the line at {@code index}. */
    private static int offset(List<String> lines, int index, int column) {
        int offset = 0;
        for (int i = 0; i < index; i++) offset += lines.get(i).length() + 1;
        return offset + column - 1;
    }

    private static Position position(String text, int offset, int firstLine) {
        int line = firstLine;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart + 1);
    }

    private record Position(int line, int column) {
        TextRange to(Position end) {
            return new TextRange(line, column, end.line, end.column);
        }
    }
}
