package dev.secreview.cli;

/** Exit codes a CI can act on. */
final class ExitCode {
    /** Nothing at or above the thresholds. */
    static final int CLEAN = 0;
    /** At least one unsuppressed finding at or above the thresholds. */
    static final int FINDINGS = 1;
    /** Bad usage, a missing path, a file named on the command line that cannot be read, or an output that could not be written. */
    static final int USAGE_OR_IO_ERROR = 2;
    /** {@code eval}: the review was scored and reached {@code --min-score}, if one was given. */
    static final int SCORED = 0;
    /** {@code eval}: the score is below {@code --min-score}. */
    static final int BELOW_MIN_SCORE = 1;

    private ExitCode() {
    }
}
