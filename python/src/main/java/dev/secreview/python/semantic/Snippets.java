package dev.secreview.python.semantic;

/** Code quoted inside a finding's message: on one line, and cut to a length a reader takes in at once. */
public final class Snippets {

    private Snippets() {
    }

    /** The code on one line (runs of white space as one space), its start kept when it is longer than {@code max}. */
    public static String shortened(String code, int max) {
        String line = code.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 3) + "...";
    }

    /** The code without white space, its end kept when it is longer than {@code max}: where a built query ends. */
    public static String tail(String code, int max) {
        String flat = code.replaceAll("\\s+", "");
        return flat.length() <= max ? flat : "..." + flat.substring(flat.length() - (max - 3));
    }
}
