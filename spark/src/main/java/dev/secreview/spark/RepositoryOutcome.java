package dev.secreview.spark;

import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.List;

/** What reviewing one repository gave: its rows of each dataset (see {@link ReviewTables}). */
record RepositoryOutcome(List<Row> findings, List<Row> errors, List<Row> repositories) implements Serializable {

    static RepositoryOutcome failed(Row error) {
        return new RepositoryOutcome(List.of(), List.of(error), List.of());
    }

    /** The findings to act on: not suppressed. */
    long unsuppressed() {
        int suppressed = ReviewTables.FINDINGS_SCHEMA.fieldIndex("suppressed");
        return findings.stream().filter(row -> !row.getBoolean(suppressed)).count();
    }
}
