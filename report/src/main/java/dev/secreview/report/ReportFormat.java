package dev.secreview.report;

import dev.secreview.core.cwe.CweCatalog;

/** The output formats of a review. */
public enum ReportFormat {
    /** Plain text for people, as a reviewer would write it. */
    TEXT,
    /** The versioned secreview JSON document (see {@link JsonReportWriter}). */
    JSON,
    /** One self-contained HTML page that opens offline (see {@link HtmlReportWriter}). */ HTML,
    /** SARIF 2.1.0, for code-scanning services and IDEs. */
    SARIF,
    /** A review comment body in Markdown. */
    MARKDOWN,
    /** Gerrit's ReviewInput with robot comments. */
    GERRIT,
    /** A GitHub pull-request review. */
    GITHUB;

    /** A writer for this format that names CWEs from the embedded catalog. */
    public ReportWriter writer() {
        return writer(CweCatalog.embedded());
    }

    public ReportWriter writer(CweCatalog catalog) {
        return switch (this) {
            case TEXT -> new TextReportWriter(catalog);
            case JSON -> new JsonReportWriter(catalog);
            case HTML -> new HtmlReportWriter(catalog);
            case SARIF -> new SarifReportWriter(catalog);
            case MARKDOWN -> new MarkdownReportWriter(catalog);
            case GERRIT -> new GerritReviewWriter(catalog);
            case GITHUB -> new GithubReviewWriter(catalog);
        };
    }
}
