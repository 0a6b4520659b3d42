package dev.secreview.spark;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.cwe.CweEntry;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Fingerprints;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The datasets the job writes, each a Parquet folder under the output: {@code findings}, one row per finding a
 * {@code secreview scan} of the repository reports (suppressed ones included, marked); {@code errors}, one row per
 * repository that could not be checked out or reviewed; {@code repositories}, one row per repository reviewed.
 */
final class ReviewTables {

    static final String FINDINGS = "findings";
    static final String ERRORS = "errors";
    static final String REPOSITORIES = "repositories";
    /** The folder of the SARIF files, one per repository reviewed. */
    static final String SARIF = "sarif";

    /** Where the finding is: {@code path} relative to the repository's root, slash-separated; {@code line} 1-based. */
    static final StructType FINDINGS_SCHEMA = new StructType(new StructField[]{
            DataTypes.createStructField("repository", DataTypes.StringType, false),
            DataTypes.createStructField("revision", DataTypes.StringType, true),
            DataTypes.createStructField("path", DataTypes.StringType, false),
            DataTypes.createStructField("line", DataTypes.IntegerType, false),
            DataTypes.createStructField("rule", DataTypes.StringType, false),
            DataTypes.createStructField("cwe", DataTypes.IntegerType, false),
            DataTypes.createStructField("pillar", DataTypes.IntegerType, true),
            DataTypes.createStructField("severity", DataTypes.StringType, false),
            DataTypes.createStructField("confidence", DataTypes.StringType, false),
            DataTypes.createStructField("fingerprint", DataTypes.StringType, false),
            DataTypes.createStructField("suppressed", DataTypes.BooleanType, false)});

    /** {@code stage}: checkout (find, clone or check out the revision), review or sarif (writing the SARIF file). */
    static final StructType ERRORS_SCHEMA = new StructType(new StructField[]{
            DataTypes.createStructField("repository", DataTypes.StringType, false),
            DataTypes.createStructField("revision", DataTypes.StringType, true),
            DataTypes.createStructField("stage", DataTypes.StringType, false),
            DataTypes.createStructField("message", DataTypes.StringType, false)});

    /** {@code sarif}: the SARIF file's name in the {@link #SARIF} folder. */
    static final StructType REPOSITORIES_SCHEMA = new StructType(new StructField[]{
            DataTypes.createStructField("repository", DataTypes.StringType, false),
            DataTypes.createStructField("revision", DataTypes.StringType, true),
            DataTypes.createStructField("files", DataTypes.IntegerType, false),
            DataTypes.createStructField("lines", DataTypes.LongType, false),
            DataTypes.createStructField("findings", DataTypes.IntegerType, false),
            DataTypes.createStructField("sarif", DataTypes.StringType, false)});

    private ReviewTables() {
    }

    /** A finding's row; its fingerprint is the baseline's ({@link Fingerprints#code}), its pillar CWE-1000's. */
    static Row finding(String repository, String revision, Finding finding) {
        Integer pillar = CweCatalog.embedded().pillarOf(finding.cwe()).map(CweEntry::id).orElse(null);
        return RowFactory.create(repository, revision, finding.path(), finding.line(), finding.rule().id(),
                finding.cwe(), pillar, finding.severity().label(), finding.confidence().label(),
                Fingerprints.code(finding), finding.suppressed());
    }

    static Row error(RepositorySource source, String stage, String message) {
        return RowFactory.create(source.repository(), source.revision(), stage, message);
    }

    static Row repository(String repository, String revision, int files, long lines, int findings, String sarif) {
        return RowFactory.create(repository, revision, files, lines, findings, sarif);
    }
}
