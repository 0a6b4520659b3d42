package dev.secreview.templates.parse;

/** What the JavaScript of a template says at a point: enough of its lexical structure to tell strings from code. */
public final class JavaScriptText {

    private JavaScriptText() {
    }

    /**
     * The quote of the string literal open at {@code to} when the JavaScript starts at {@code from} ({@code '},
     * {@code "} or a backquote), or 0 when {@code to} is in code. Comments are skipped; a regular expression literal
     * is read as code, which only matters when it holds a quote.
     */
    public static char openQuote(CharSequence js, int from, int to) {
        char quote = 0;
        for (int i = from; i < to; i++) {
            char c = js.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote || (c == '\n' && quote != '`')) quote = 0;
            } else if (c == '/' && i + 1 < to && js.charAt(i + 1) == '/') {
                while (i < to && js.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < to && js.charAt(i + 1) == '*') {
                int close = indexOf(js, "*/", i + 2, to);
                i = close < 0 ? to : close + 1;
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            }
        }
        return quote;
    }

    private static int indexOf(CharSequence text, String what, int from, int to) {
        for (int i = from; i + what.length() <= to; i++) {
            if (text.subSequence(i, i + what.length()).toString().equals(what)) return i;
        }
        return -1;
    }
}
