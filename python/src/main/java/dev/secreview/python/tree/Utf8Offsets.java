package dev.secreview.python.tree;

/**
 * Maps tree-sitter byte offsets back to char offsets of the Java string. The binding converts the
 * string's UTF-16 to standard UTF-8 before parsing, so a supplementary character (a surrogate pair)
 * is 4 bytes: each of its two chars counts 2.
 */
final class Utf8Offsets {
    private static final Utf8Offsets IDENTITY = new Utf8Offsets(null);

    /** charAt[byteOffset], or null when every char is ASCII and the two offsets are equal. */
    private final int[] charAt;

    private Utf8Offsets(int[] charAt) {
        this.charAt = charAt;
    }

    static Utf8Offsets of(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) bytes += width(text.charAt(i));
        if (bytes == text.length()) return IDENTITY;
        int[] charAt = new int[bytes + 1];
        int b = 0;
        for (int i = 0; i < text.length(); i++) {
            int w = width(text.charAt(i));
            for (int k = 0; k < w; k++) charAt[b++] = i;
        }
        charAt[bytes] = text.length();
        return new Utf8Offsets(charAt);
    }

    private static int width(char c) {
        if (c < 0x80) return 1;
        if (c < 0x800 || Character.isSurrogate(c)) return 2;
        return 3;
    }

    int charOffset(int byteOffset) {
        if (charAt == null) return byteOffset;
        return charAt[Math.min(byteOffset, charAt.length - 1)];
    }
}
