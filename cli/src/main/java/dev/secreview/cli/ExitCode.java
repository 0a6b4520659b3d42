package dev.secreview.cli;

/**
 * Exit codes a CI can act on. One rule for {@code scan}, {@code review} and {@code baseline}: 2 when the tool could
 * not do what was asked (bad usage or configuration, a path named on the command line that cannot be reviewed, an
 * output that cannot be written, an LLM endpoint that gives no answer with {@code --llm-required}); otherwise 1 when
 * there are findings at or above the thresholds (0 with {@code --exit-zero}), else 0. A file found inside a named
 * directory that cannot be reviewed is a diagnostic of the review, counted as not reviewed, and does not change the
 * exit code.
 */
final class ExitCode {
    /** Nothing at or above the thresholds. */
    static final int CLEAN = 0;
    /** At least one unsuppressed finding at or above the thresholds. */
    static final int FINDINGS = 1;
    /** Bad usage or configuration, a named path that cannot be reviewed, or an output that could not be written. */
    static final int USAGE_OR_IO_ERROR = 2;
    /** {@code eval}: the review was scored and reached {@code --min-score}, if one was given. */
    static final int SCORED = 0;
    /** {@code eval}: the score is below {@code --min-score}. */
    static final int BELOW_MIN_SCORE = 1;

    /** The rule as the help footers state it (picocli wraps it). */
    static final String HELP = "Exit codes: 0 nothing at or above the thresholds, 1 findings (0 with --exit-zero), 2 the"
            + " tool could not do what was asked: bad usage or configuration, a PATH that is missing, unreadable,"
            + " binary, undecodable, too large or not source, an output that cannot be written, or with --llm-required an"
            + " LLM endpoint that gives no answer. A file found inside a directory that cannot be reviewed is a"
            + " diagnostic of the review, counted as not reviewed.";

    private ExitCode() {
    }
}
