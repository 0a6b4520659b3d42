package dev.secreview.cli;

/**
 * Bad usage found after the command line was parsed: a bad value in a configuration file, an unknown rule id, a
 * glob that names nothing. {@link Main} prints its message as one {@code secreview: error:} line; exit code 2.
 */
final class UsageError extends RuntimeException {

    UsageError(String message) {
        super(message);
    }
}
