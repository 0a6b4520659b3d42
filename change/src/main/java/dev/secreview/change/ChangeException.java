package dev.secreview.change;

/** A change or baseline that cannot be reviewed as asked; the message is one line for the user. */
public final class ChangeException extends Exception {

    public ChangeException(String message) {
        super(message);
    }

    public ChangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
