package dev.secreview.spark;

import dev.secreview.change.Baseline;
import dev.secreview.change.ChangeException;
import dev.secreview.core.engine.AnalysisCache;
import dev.secreview.core.engine.ScanListener;
import dev.secreview.core.engine.ScanRequest;
import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.engine.Scanner;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Fingerprints;
import dev.secreview.core.model.Severity;
import dev.secreview.project.AnalysisSettings;
import dev.secreview.project.ConfigError;
import dev.secreview.project.ConfigFile;
import dev.secreview.project.ProjectConfig;
import dev.secreview.report.ChangedLines;
import dev.secreview.report.ReportFormat;
import dev.secreview.report.ReviewReport;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Reviews one repository on an executor as {@code secreview scan --no-cache .} run in its root reviews it: the
 * repository's own configuration ({@code .secreview.toml} or {@code pyproject.toml}), what git ignores left out, every
 * rule, its baseline if the configuration names one, its thresholds; paths (and so the dataflow's module names)
 * relative to the repository's root, wherever its clone is. Writes its SARIF file with the report module's writer and
 * returns its rows. Whatever fails is an error row, never an exception.
 */
final class RepositoryReviewer implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The whole-tree analysis recurses as deep as the code nests, on the thread that runs the scan: as the CLI does,
     * it runs on a thread of its own with this much stack, not on Spark's task thread.
     */
    private static final long SCAN_STACK_BYTES = 64L * 1024 * 1024;

    private final String sarifFolder;
    private final int threads;
    private final String toolVersion;

    /** {@code sarifFolder}: a Hadoop path (a local folder, {@code hdfs://…}, {@code s3a://…}) every executor can write. */
    RepositoryReviewer(String sarifFolder, int threads, String toolVersion) {
        this.sarifFolder = sarifFolder;
        this.threads = threads;
        this.toolVersion = toolVersion;
    }

    /** The rules and front ends, loaded once per executor and shared by its tasks (a Scanner is thread-safe). */
    private static final class Engine {
        static final Scanner SCANNER = Scanner.withInstalledFrontEnds();
    }

    RepositoryOutcome review(RepositorySource source) {
        Path scratch = Path.of(System.getProperty("java.io.tmpdir"));
        try (Checkout checkout = Checkout.of(source, scratch)) {
            ReviewReport report;
            try {
                report = onLargeStack(() -> review(checkout.root()));
            } catch (ReviewFailure | ConfigError e) {
                return RepositoryOutcome.failed(ReviewTables.error(source, "review", e.getMessage()));
            } catch (Exception | StackOverflowError e) {
                return RepositoryOutcome.failed(ReviewTables.error(source, "review", "internal error ("
                        + e.getClass().getSimpleName() + ")" + (e.getMessage() != null ? ": " + e.getMessage() : "")));
            }
            return outcome(source, checkout.commit(), report);
        } catch (CheckoutException e) {
            return RepositoryOutcome.failed(ReviewTables.error(source, "checkout", e.getMessage()));
        }
    }

    private ReviewReport review(Path root) throws ReviewFailure {
        Scanner scanner = Engine.SCANNER;
        ProjectConfig config = ConfigFile.find(root);
        ScanRequest request = AnalysisSettings.defaults(threads)
                .request(List.of(root), config, option -> false, scanner.rules())
                .over(List.of(root), root);
        ScanResult scanned = scanner.scan(request, ScanListener.NONE, new AnalysisCache());
        if (scanned.nothingNamedCouldBeReviewed()) {
            throw new ReviewFailure(String.join("; ", scanned.namedPathProblems().stream().map(Diagnostic::render).toList()));
        }
        ScanResult review = scanned;
        if (config.baseline() != null) {
            try {
                review = Baseline.apply(scanned, Baseline.read(config.baseline()), config.baseline().getFileName().toString());
            } catch (ChangeException e) {
                throw new ReviewFailure(e.getMessage());
            }
        }
        return new ReviewReport(review, scanner.rules(), Objects.requireNonNullElse(config.severity(), Severity.LOW),
                Objects.requireNonNullElse(config.confidence(), Confidence.LOW), toolVersion, root, "",
                ChangedLines.EVERY_LINE);
    }

    private RepositoryOutcome outcome(RepositorySource source, String commit, ReviewReport report) {
        String sarif = sarifName(source);
        try {
            writeSarif(report, sarif);
        } catch (IOException e) {
            return RepositoryOutcome.failed(ReviewTables.error(source, "sarif", "cannot write " + sarifFolder + "/"
                    + sarif + ": " + e.getMessage()));
        }
        List<Row> findings = new ArrayList<>();
        for (Finding finding : report.scan().findings()) {
            if (report.shows(finding)) findings.add(ReviewTables.finding(source.repository(), commit, finding));
        }
        Row repository = ReviewTables.repository(source.repository(), commit, report.scan().reviewedFiles(),
                report.scan().totalLines(), findings.size(), sarif);
        return new RepositoryOutcome(findings, List.of(), List.of(repository));
    }

    private void writeSarif(ReviewReport report, String name) throws IOException {
        StringWriter rendered = new StringWriter();
        ReportFormat.SARIF.writer().write(report, rendered);
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(sarifFolder, name);
        FileSystem files = file.getFileSystem(new Configuration());
        files.setWriteChecksum(false); // no .crc file beside each SARIF file on a local disk
        try (FSDataOutputStream out = files.create(file, true)) {
            out.write(rendered.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A file name for the repository's SARIF: its last path segment, readable, and a digest of its name and
     * revision, so that two repositories (or two revisions of one) never share a file.
     */
    static String sarifName(RepositorySource source) {
        String[] segments = source.repository().replaceAll("[/\\\\:]+$", "").split("[/\\\\:]");
        String last = segments[segments.length - 1].replaceAll("\\.git$", "");
        String readable = last.replaceAll("[^A-Za-z0-9._-]", "_").toLowerCase(Locale.ROOT);
        String digest = Fingerprints.sha256(source.repository() + "\n" + Objects.toString(source.revision(), ""));
        return (readable.isEmpty() ? "repository" : readable) + "-" + digest.substring(0, 12) + ".sarif";
    }

    private static <T> T onLargeStack(Callable<T> work) throws Exception {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                result[0] = work.call();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "secreview-spark-review", SCAN_STACK_BYTES);
        thread.start();
        thread.join();
        if (failure[0] instanceof Exception e) throw e;
        if (failure[0] instanceof Error e) throw e;
        @SuppressWarnings("unchecked") T value = (T) result[0];
        return value;
    }

    /** A repository the engine could not review: nothing in it could be read, or its baseline is unusable. */
    private static final class ReviewFailure extends Exception {
        ReviewFailure(String message) {
            super(message);
        }
    }
}
