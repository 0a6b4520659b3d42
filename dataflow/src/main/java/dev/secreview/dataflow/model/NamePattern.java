package dev.secreview.dataflow.model;

/**
 * A pattern over the symbolic name of a value or callee, as the analysis spells it: qualified names
 * with {@code ()} after a call's result ({@code sqlite3.connect().cursor().execute}). A leading
 * {@code *.} matches any receiver ({@code *.execute}); {@code *} inside the last part matches any text
 * ({@code *session*} matches {@code mysession}, {@code request.session}).
 */
public final class NamePattern {

    /** How a pattern matches, decided once: the analysis asks patterns about new names all the time. */
    private enum Shape { EXACT, ANY_CALL_RECEIVER, ANY_RECEIVER, GLOB_LAST_PART }

    private final String text;
    private final Shape shape;
    /** The text after the leading {@code *} of a receiver pattern. */
    private final String suffix;
    /** The pieces between the {@code *}s of a glob. */
    private final String[] pieces;

    public NamePattern(String text) {
        this.text = java.util.Objects.requireNonNull(text);
        this.shape = text.startsWith("*().") ? Shape.ANY_CALL_RECEIVER : text.startsWith("*.") ? Shape.ANY_RECEIVER
                : text.indexOf('*') >= 0 ? Shape.GLOB_LAST_PART : Shape.EXACT;
        this.suffix = shape == Shape.ANY_CALL_RECEIVER || shape == Shape.ANY_RECEIVER ? text.substring(1) : null;
        this.pieces = shape == Shape.GLOB_LAST_PART ? text.split("\\*", -1) : null;
    }

    public String text() {
        return text;
    }

    public boolean matches(String name) {
        if (name == null) return false;
        return switch (shape) {
            case EXACT -> text.equals(name);
            case ANY_CALL_RECEIVER -> name.endsWith(suffix) && name.length() > suffix.length();
            case ANY_RECEIVER -> name.endsWith(suffix) && name.length() > suffix.length()
                    || name.length() == suffix.length() - 1 && name.regionMatches(0, suffix, 1, name.length());
            case GLOB_LAST_PART -> glob(name, name.lastIndexOf('.') + 1);
        };
    }

    /** Whether {@code names} holds {@code text}, or a name ending in {@code *} that starts it ({@code HTTP_*}). */
    public static boolean listed(java.util.Collection<String> names, String text) {
        if (text == null) return false;
        for (String name : names) {
            if (name.endsWith("*") ? text.startsWith(name.substring(0, name.length() - 1)) : name.equals(text)) return true;
        }
        return false;
    }

    /** Whether the name from {@code from} on (its last part) matches the glob. */
    private boolean glob(String name, int from) {
        if (!name.startsWith(pieces[0], from)) return false;
        int at = from + pieces[0].length();
        for (int i = 1; i < pieces.length - 1; i++) {
            int found = name.indexOf(pieces[i], at);
            if (found < 0) return false;
            at = found + pieces[i].length();
        }
        String tail = pieces[pieces.length - 1];
        return name.length() - at >= tail.length() && name.endsWith(tail);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NamePattern pattern && pattern.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
