package dev.secreview.dataflow.model;

/**
 * A pattern over the symbolic name of a value or callee, as the analysis spells it: qualified names
 * with {@code ()} after a call's result ({@code sqlite3.connect().cursor().execute}). A leading
 * {@code *.} matches any receiver ({@code *.execute}); {@code *} inside the last part matches any text
 * ({@code *session*} matches {@code mysession}, {@code request.session}).
 */
public record NamePattern(String text) {

    public boolean matches(String name) {
        if (name == null) return false;
        if (text.startsWith("*().")) {
            String suffix = text.substring(1);
            return name.endsWith(suffix) && name.length() > suffix.length();
        }
        if (text.startsWith("*.")) {
            String suffix = text.substring(1);
            return name.endsWith(suffix) && name.length() > suffix.length() || name.equals(suffix.substring(1));
        }
        if (text.indexOf('*') >= 0) {
            String last = name.substring(name.lastIndexOf('.') + 1);
            return glob(text, last);
        }
        return text.equals(name);
    }

    /** Whether {@code names} holds {@code text}, or a name ending in {@code *} that starts it ({@code HTTP_*}). */
    public static boolean listed(java.util.Collection<String> names, String text) {
        if (text == null) return false;
        for (String name : names) {
            if (name.endsWith("*") ? text.startsWith(name.substring(0, name.length() - 1)) : name.equals(text)) return true;
        }
        return false;
    }

    private static boolean glob(String pattern, String value) {
        String[] parts = pattern.split("\\*", -1);
        if (!value.startsWith(parts[0])) return false;
        int at = parts[0].length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = value.indexOf(parts[i], at);
            if (found < 0) return false;
            at = found + parts[i].length();
        }
        String tail = parts[parts.length - 1];
        return value.length() - at >= tail.length() && value.endsWith(tail);
    }

    @Override
    public String toString() {
        return text;
    }
}
