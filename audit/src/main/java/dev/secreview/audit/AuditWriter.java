package dev.secreview.audit;

import java.io.IOException;
import java.io.Writer;

/** Renders an audit in one output format; the same report always gives the same characters. */
public interface AuditWriter {

    void write(AuditReport report, Writer out) throws IOException;
}
