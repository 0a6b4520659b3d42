package dev.secreview.audit;

/**
 * A review that says it is JSON and cannot be read as the answer schema: the message names what is
 * wrong and where ({@code malformed JSON: finding 2: "line" is -1, ...}), for one line of error.
 */
public final class MalformedReviewException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedReviewException(String problem) {
        super("malformed JSON: " + problem);
    }
}
