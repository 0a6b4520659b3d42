package dev.secreview.eval;

/** The input of an evaluation is missing or malformed; the message is one line that says where and why. */
public final class EvalInputException extends Exception {

    public EvalInputException(String message) {
        super(message);
    }
}
