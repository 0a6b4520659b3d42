package dev.secreview.dataflow.ir;

/** The language's null value ({@code None} in Python, {@code null} in Java), as a constant. */
public enum Constant {
    NONE;

    /** Truthiness of a constant the way the scripting languages define it. */
    public static boolean truthy(Object value) {
        if (value == NONE) return false;
        if (value instanceof Boolean b) return b;
        if (value instanceof Long l) return l != 0;
        if (value instanceof Double d) return d != 0.0;
        if (value instanceof String s) return !s.isEmpty();
        return true;
    }
}
