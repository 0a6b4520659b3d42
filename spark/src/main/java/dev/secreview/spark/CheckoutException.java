package dev.secreview.spark;

/** A repository that could not be found, cloned or checked out at the revision asked for. */
final class CheckoutException extends Exception {

    CheckoutException(String message) {
        super(message);
    }

    CheckoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
