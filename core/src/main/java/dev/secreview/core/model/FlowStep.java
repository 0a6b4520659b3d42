package dev.secreview.core.model;

/**
 * One step of the path a value takes from where it enters the program to where it does harm:
 * {@code note} says what happens there in the code's own names ("`name` from `request.args`",
 * "concatenated into `cmd`", "passed to `subprocess.run(shell=True)`").
 */
public record FlowStep(String path, TextRange range, String snippet, String note) implements java.io.Serializable {

    public int line() {
        return range.startLine();
    }
}
