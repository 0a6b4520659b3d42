package dev.secreview.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.util.List;
import java.util.function.Function;

/**
 * The job: one Spark task per repository (the whole-tree phase needs all of a repository's files together), each
 * reviewing it with {@link RepositoryReviewer}; then the rows are written as Parquet under {@code output}
 * ({@link ReviewTables}), and each repository's SARIF file in {@code output/sarif}.
 */
final class ReviewJob {

    /** Rows in one Parquet file at most, so that a large run writes a few large files, not one per repository. */
    private static final long ROWS_PER_FILE = 1_000_000;

    private ReviewJob() {
    }

    /** What a run did, for the summary line and the exit code. */
    record Summary(long repositories, long reviewed, long failed, long findings, long unsuppressed)
            implements java.io.Serializable {
    }

    static Summary run(SparkSession spark, List<RepositorySource> sources, String output, int threads, String toolVersion) {
        RepositoryReviewer reviewer = new RepositoryReviewer(output + "/" + ReviewTables.SARIF, threads, toolVersion);
        JavaRDD<RepositoryOutcome> outcomes = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(sources, Math.max(1, sources.size()))
                .map(reviewer::review)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            // The reviews run here, one task per repository; the writes below read their kept results.
            Summary summary = outcomes
                    .map(o -> new Summary(1, o.repositories().size(), o.errors().size(), o.findings().size(), o.unsuppressed()))
                    .fold(new Summary(0, 0, 0, 0, 0), ReviewJob::add);
            write(spark, outcomes, RepositoryOutcome::findings, ReviewTables.FINDINGS_SCHEMA, summary.findings(), output + "/" + ReviewTables.FINDINGS);
            write(spark, outcomes, RepositoryOutcome::errors, ReviewTables.ERRORS_SCHEMA, summary.failed(), output + "/" + ReviewTables.ERRORS);
            write(spark, outcomes, RepositoryOutcome::repositories, ReviewTables.REPOSITORIES_SCHEMA, summary.reviewed(),
                    output + "/" + ReviewTables.REPOSITORIES);
            return summary;
        } finally {
            outcomes.unpersist(false);
        }
    }

    private static Summary add(Summary a, Summary b) {
        return new Summary(a.repositories() + b.repositories(), a.reviewed() + b.reviewed(), a.failed() + b.failed(),
                a.findings() + b.findings(), a.unsuppressed() + b.unsuppressed());
    }

    private interface Rows extends Function<RepositoryOutcome, List<Row>>, java.io.Serializable {
    }

    private static void write(SparkSession spark, JavaRDD<RepositoryOutcome> outcomes, Rows rows, StructType schema,
                              long count, String path) {
        int files = (int) Math.max(1, (count + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
        JavaRDD<Row> all = outcomes.flatMap(o -> rows.apply(o).iterator()).coalesce(files);
        spark.createDataFrame(all, schema).write().mode(SaveMode.ErrorIfExists).parquet(path);
    }
}
