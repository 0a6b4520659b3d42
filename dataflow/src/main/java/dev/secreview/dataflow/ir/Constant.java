package dev.secreview.dataflow.ir;

/**
 * The language's null value ({@code None} in Python, {@code null} in Java), as a constant; what it means in a
 * condition or in text is the language's ({@code LanguageSemantics}).
 */
public enum Constant {
    NONE;
}
