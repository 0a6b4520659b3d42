package dev.secreview.report.html;

import java.util.Locale;

/**
 * Text put into an HTML page. Everything a review shows comes from the reviewed tree (code, file names,
 * messages that quote the code), so all of it is escaped, in text and in attributes alike. Characters
 * that would act on the reader rather than show (control characters, line separators, the bidirectional
 * overrides of "Trojan Source" code) are written out as visible escapes such as {@code \x1b} or {@code \u202e}.
 */
public final class Html {

    private Html() {
    }

    /** {@code s} as the content of an element, hidden characters marked as escapes. */
    public static String text(String s) {
        return escape(s, true);
    }

    /**
     * {@code s} where no markup can go: the value of a double-quoted attribute, the text of an SVG element;
     * hidden characters are written as plain escapes.
     */
    public static String plain(String s) {
        return escape(s, false);
    }

    /**
     * Prose that quotes code the way secreview's messages do, between backticks: the quotes become
     * {@code <code>} elements; a backtick without its pair stays as it is.
     */
    public static String prose(String s) {
        StringBuilder html = new StringBuilder();
        int from = 0;
        while (true) {
            int open = s.indexOf('`', from);
            int close = open < 0 ? -1 : s.indexOf('`', open + 1);
            if (close < 0) break;
            html.append(text(s.substring(from, open)))
                    .append("<code>").append(text(s.substring(open + 1, close))).append("</code>");
            from = close + 1;
        }
        return html.append(text(s.substring(from))).toString();
    }

    private static String escape(String s, boolean marked) {
        StringBuilder html = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> {
                    if (!hidden(c)) {
                        html.append(c);
                    } else if (marked) {
                        html.append("<span class=\"hidden-char\">").append(visible(c)).append("</span>");
                    } else {
                        html.append(visible(c));
                    }
                }
            }
        }
        return html.toString();
    }

    /** Characters that do not show as themselves; a tab is shown as space and stays. */
    static boolean hidden(char c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f)
                || c == '\u200e' || c == '\u200f' || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\ufeff';
    }

    /** {@code \x1b}, {@code \u202e}: how a hidden character is written out. */
    static String visible(char c) {
        return c <= 0xff ? String.format(Locale.ROOT, "\\x%02x", (int) c)
                : String.format(Locale.ROOT, "\\u%04x", (int) c);
    }
}
