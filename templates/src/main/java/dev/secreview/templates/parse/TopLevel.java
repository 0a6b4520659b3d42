package dev.secreview.templates.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the text of a template expression the way Jinja's and Django's lexers do: a quoted string is skipped whole
 * (a backslash escapes the next character), brackets nest, and only what stands outside both counts.
 */
public final class TopLevel {

    /**
     * The parts between separators, and where the scan stopped: the index of the closing bracket that closes one
     * opened before {@code from}, or -1 at the end of the text.
     */
    public record Split(List<String> parts, int end) {
    }

    private TopLevel() {
    }

    /** The text from {@code from}, cut at each top-level {@code separator}, up to an unmatched closing bracket. */
    public static Split split(String text, int from, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = from;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth-- == 0) {
                    parts.add(text.substring(start, i));
                    return new Split(parts, i);
                }
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(Math.min(start, text.length())));
        return new Split(parts, -1);
    }

    /** Where the bracket opened at {@code open} closes, or -1. */
    public static int closing(String text, int open) {
        return split(text, open + 1, '\0').end();
    }
}
