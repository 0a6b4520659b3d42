package dev.secreview.cli;

/**
 * Bad usage found after the command line was parsed (a port out of range). {@link Main} prints its message as one
 * {@code secreview: error:} line; exit code 2, as for a configuration's {@link dev.secreview.project.ConfigError}.
 */
final class UsageError extends RuntimeException {

    UsageError(String message) {
        super(message);
    }
}
