package dev.secreview.python.semantic;

import dev.secreview.python.tree.PyNode;

import java.util.Locale;

/** Reads the value of a Python string literal node ({@code 'a'}, {@code r"a"}, {@code b'a'}, triple quotes). */
public final class StringLiteral {
    private StringLiteral() {
    }

    /** Whether a {@code string} node has f-string replacement fields. */
    public static boolean hasInterpolation(PyNode string) {
        return string.childOfType("interpolation") != null;
    }

    /** The value of a {@code string} node without interpolation, escapes decoded unless raw. */
    public static String value(PyNode string) {
        PyNode start = string.childOfType("string_start");
        String prefix = start == null ? "" : start.text().replaceAll("['\"]", "").toLowerCase(Locale.ROOT);
        boolean raw = prefix.contains("r");
        boolean formatted = prefix.contains("f");
        boolean bytes = prefix.contains("b");
        StringBuilder out = new StringBuilder();
        for (PyNode part : string.children()) {
            if (part.is("string_content")) {
                out.append(raw ? part.text() : decodeEscapes(part.text(), bytes));
            } else if (part.is("escape_sequence")) {
                out.append(raw ? part.text() : decodeEscapes(part.text(), bytes));
            }
        }
        return formatted ? out.toString().replace("{{", "{").replace("}}", "}") : out.toString();
    }

    /** Decodes Python escapes; {@code bytes} literals have no {@code \\u}, {@code \\U} or {@code \\N} escapes. */
    private static String decodeEscapes(String s, boolean bytes) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c != '\\' || i >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(i++);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000B');
                case '\\', '\'', '"' -> out.append(n);
                case '\n' -> {
                    // line continuation inside the literal
                }
                case '\r' -> {
                    if (i < s.length() && s.charAt(i) == '\n') i++;
                }
                case 'x' -> i = appendCodePoint(out, s, i, 2, "\\x");
                case 'u' -> i = bytes ? appendAsWritten(out, n, i) : appendCodePoint(out, s, i, 4, "\\u");
                case 'U' -> i = bytes ? appendAsWritten(out, n, i) : appendCodePoint(out, s, i, 8, "\\U");
                case 'N' -> i = bytes ? appendAsWritten(out, n, i) : appendNamedCharacter(out, s, i);
                default -> {
                    if (n >= '0' && n <= '7') {
                        int value = n - '0';
                        for (int k = 0; k < 2 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
                            value = value * 8 + (s.charAt(i++) - '0');
                        }
                        out.append((char) value);
                    } else {
                        out.append('\\').append(n);  // unknown escapes (and \N{...}) stay as written
                    }
                }
            }
        }
        return out.toString();
    }

    private static int appendAsWritten(StringBuilder out, char escape, int at) {
        out.append('\\').append(escape);
        return at;
    }

    /** Appends the character of a {@code \\N{NAME}} escape whose name starts at {@code at}, or the escape as written. */
    private static int appendNamedCharacter(StringBuilder out, String s, int at) {
        int close = s.indexOf('}', at);
        if (at < s.length() && s.charAt(at) == '{' && close > at + 1) {
            try {
                out.appendCodePoint(Character.codePointOf(s.substring(at + 1, close)));
                return close + 1;
            } catch (IllegalArgumentException e) {
                // not a Unicode character name: keep the text
            }
        }
        out.append("\\N");
        return at;
    }

    /** Appends the code point of {@code digits} hex digits at {@code at}, or the escape as written. */
    private static int appendCodePoint(StringBuilder out, String s, int at, int digits, String escape) {
        if (at + digits <= s.length() && s.substring(at, at + digits).chars().allMatch(ch -> isHex((char) ch))) {
            int codePoint = Integer.parseInt(s.substring(at, at + digits), 16);
            if (Character.isValidCodePoint(codePoint)) {
                out.appendCodePoint(codePoint);
                return at + digits;
            }
        }
        out.append(escape);
        return at;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
