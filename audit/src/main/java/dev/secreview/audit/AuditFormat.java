package dev.secreview.audit;

import dev.secreview.core.cwe.CweCatalog;

/** The output formats of an audit. */
public enum AuditFormat {
    /** One block per claim (verdict, CWE, line, title, evidence) and a summary, for people. */
    TEXT,
    /** One JSON document (see {@link AuditJsonWriter}). */
    JSON;

    /** A writer for this format that names CWEs from the catalog. */
    public AuditWriter writer(CweCatalog catalog) {
        return switch (this) {
            case TEXT -> new AuditTextWriter(catalog);
            case JSON -> new AuditJsonWriter(catalog);
        };
    }
}
