package dev.secreview.dataflow.ir;

/**
 * One argument of a call. {@code keyword} is null for a positional argument, the parameter name for
 * a keyword argument, {@code *} for an unpacked sequence and {@code **} for an unpacked mapping.
 */
public record Argument(String keyword, Operand value) implements java.io.Serializable {

    public boolean positional() {
        return keyword == null;
    }
}
