package dev.secreview.report;

import java.io.IOException;
import java.io.Writer;

/** Renders a review in one output format. Output is deterministic and uses {@code \n} line ends. */
public interface ReportWriter {

    /** Writes the whole report to {@code out} and flushes it; {@code out} is left open. */
    void write(ReviewReport report, Writer out) throws IOException;
}
