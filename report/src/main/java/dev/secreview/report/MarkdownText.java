package dev.secreview.report;

/**
 * Text from the review made safe for Markdown as GitHub and Gerrit render it (CommonMark with GitHub's
 * tables): control characters escaped first ({@link ControlCharacters}), then whatever would change the
 * layout.
 */
final class MarkdownText {

    /** Outside code spans, these would start emphasis, a link, HTML, an entity, a table cell or a strike-through. */
    private static final String SIGNIFICANT = "\\*[]<>&|~";

    private MarkdownText() {
    }

    /**
     * Prose: its {@code `code spans`} (as messages quote names) stay code spans; elsewhere every significant
     * character is backslash-escaped (an underscore only where it could be emphasis), and so is a backtick
     * that opens no span.
     */
    static String inline(String text) {
        String safe = ControlCharacters.escape(text);
        StringBuilder out = new StringBuilder(safe.length() + 16);
        int i = 0;
        while (i < safe.length()) {
            char c = safe.charAt(i);
            if (c == '`') {
                int run = run(safe, i);
                int close = closing(safe, i + run, run);
                if (close >= 0) {
                    out.append(safe, i, close + run);
                    i = close + run;
                } else {
                    out.append("\\`".repeat(run));
                    i += run;
                }
                continue;
            }
            if (SIGNIFICANT.indexOf(c) >= 0 || (c == '_' && !intraword(safe, i))) out.append('\\');
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** {@code text} as one code span, its delimiters longer than any run of backticks inside it. */
    static String code(String text) {
        String safe = ControlCharacters.escape(text);
        String ticks = "`".repeat(longestRun(safe) + 1);
        String pad = safe.startsWith("`") || safe.endsWith("`") ? " " : "";
        return ticks + pad + safe + pad + ticks;
    }

    /** A fence for a block of {@code code}: backticks, at least three, more than any run inside it. */
    static String fence(String code) {
        return "`".repeat(Math.max(3, longestRun(code) + 1));
    }

    /** A link to {@code url} whose text is {@code label}, already Markdown. */
    static String link(String label, String url) {
        return "[" + label + "](" + url.replace(" ", "%20").replace("(", "%28").replace(")", "%29") + ")";
    }

    /** An underscore between two letters or digits ({@code mod_wsgi}) cannot start or end emphasis. */
    private static boolean intraword(String text, int i) {
        return i > 0 && i + 1 < text.length()
                && Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i + 1));
    }

    private static int run(String text, int from) {
        int end = from;
        while (end < text.length() && text.charAt(end) == '`') end++;
        return end - from;
    }

    /** Where the next run of exactly {@code length} backticks starts, or -1. */
    private static int closing(String text, int from, int length) {
        for (int i = from; i < text.length(); ) {
            if (text.charAt(i) != '`') {
                i++;
                continue;
            }
            int run = run(text, i);
            if (run == length) return i;
            i += run;
        }
        return -1;
    }

    private static int longestRun(String text) {
        int longest = 0;
        for (int i = 0; i < text.length(); ) {
            int run = run(text, i);
            longest = Math.max(longest, run);
            i += Math.max(run, 1);
        }
        return longest;
    }
}
