package dev.secreview.report;

/**
 * Makes text from the reviewed tree (its code, the messages that quote it, its file names) safe to print:
 * a control character would otherwise act on the reader's terminal ({@code ESC ]0;…BEL} retitles the window,
 * {@code ESC [2J} clears it, a newline in a file name forges a line of the review). Each one is shown as
 * its escape instead: {@code \n}, {@code \r}, {@code \x1b}, and {@code \u202e} for the bidirectional
 * controls that reorder what the eye reads (Trojan Source). Tabs stay: they only move the cursor.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    public static String escape(String text) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                if (safe != null) safe.append(c);
                continue;
            }
            if (safe == null) safe = new StringBuilder(text.length() + 8).append(text, 0, i);
            safe.append(switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
            });
        }
        return safe == null ? text : safe.toString();
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f)
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
