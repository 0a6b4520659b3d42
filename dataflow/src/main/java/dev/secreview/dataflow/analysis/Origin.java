package dev.secreview.dataflow.analysis;

/**
 * Where tainted data comes from: a source of some category ({@code remote}, {@code local},
 * {@code weak-random}), or, while a function is summarised, one of its parameters.
 */
public record Origin(String category, int parameter, String label) {

    public static Origin source(String category, String label) {
        return new Origin(category, -1, label);
    }

    public static Origin parameter(int index, String name) {
        return new Origin(null, index, name);
    }

    public boolean isParameter() {
        return parameter >= 0;
    }
}
