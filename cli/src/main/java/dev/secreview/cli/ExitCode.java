package dev.secreview.cli;

/** Exit codes a CI can act on. */
final class ExitCode {
    /** Nothing at or above the thresholds. */
    static final int CLEAN = 0;
    /** At least one unsuppressed finding at or above the thresholds. */
    static final int FINDINGS = 1;
    /** Bad usage, a missing path, a file named on the command line that cannot be read, or an output that could not be written. */
    static final int USAGE_OR_IO_ERROR = 2;

    private ExitCode() {
    }
}
