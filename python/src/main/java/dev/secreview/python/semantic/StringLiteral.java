package dev.secreview.python.semantic;

import dev.secreview.python.tree.PyNode;

import java.util.Locale;

/** Reads the value of a Python string literal node ({@code 'a'}, {@code r"a"}, {@code b'a'}, triple quotes). */
final class StringLiteral {
    private StringLiteral() {
    }

    /** Whether a {@code string} node has f-string replacement fields. */
    static boolean hasInterpolation(PyNode string) {
        return string.childOfType("interpolation") != null;
    }

    /** The value of a {@code string} node without interpolation, escapes decoded unless raw. */
    static String value(PyNode string) {
        PyNode start = string.childOfType("string_start");
        String prefix = start == null ? "" : start.text().replaceAll("['\"]", "").toLowerCase(Locale.ROOT);
        boolean raw = prefix.contains("r");
        StringBuilder out = new StringBuilder();
        for (PyNode part : string.children()) {
            if (part.is("string_content")) {
                out.append(raw ? part.text() : decodeEscapes(part.text()));
            } else if (part.is("escape_sequence")) {
                out.append(raw ? part.text() : decodeEscapes(part.text()));
            }
        }
        return out.toString();
    }

    private static String decodeEscapes(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case '\\', '\'', '"' -> out.append(n);
                case '\n' -> {
                }
                case 'x' -> {
                    if (i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                        i += 2;
                    } else {
                        out.append("\\x");
                    }
                }
                default -> out.append('\\').append(n);
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
