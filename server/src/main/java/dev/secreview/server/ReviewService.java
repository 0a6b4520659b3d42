package dev.secreview.server;

import dev.secreview.core.engine.ScanRequest;
import dev.secreview.core.engine.ScanListener;
import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.engine.Scanner;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.report.ChangedLines;
import dev.secreview.report.ReportFormat;
import dev.secreview.report.ReviewReport;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reviews the files of one request as {@code secreview scan} reviews a folder: written to a fresh {@link Workspace},
 * scanned with the installed front ends and every rule, rendered by the report module's writer of the format asked
 * for, with paths relative to the upload. At most {@link ServeLimits#concurrentReviews()} reviews run at once, each
 * on one thread; a review not done within {@link ServeLimits#reviewTimeout()} (waiting included) is a 503.
 */
final class ReviewService implements AutoCloseable {

    private final Scanner scanner;
    private final ServeLimits limits;
    private final String toolVersion;
    private final Path temporaryFolder;
    private final ExecutorService reviewers;

    ReviewService(Scanner scanner, ServeLimits limits, String toolVersion, Path temporaryFolder) {
        this.scanner = scanner;
        this.limits = limits;
        this.toolVersion = toolVersion;
        this.temporaryFolder = temporaryFolder;
        this.reviewers = Executors.newFixedThreadPool(limits.concurrentReviews(), runnable -> {
            Thread thread = new Thread(runnable, "secreview-review");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The review of {@code files} in {@code format}. */
    String review(List<SubmittedFile> files, ReportFormat format) {
        if (files.isEmpty()) throw ApiError.badRequest("no files to review");
        if (files.size() > limits.maxFiles()) {
            throw ApiError.badRequest("more than " + limits.maxFiles() + " files in one request");
        }
        Future<String> review = reviewers.submit(() -> reviewNow(files, format));
        try {
            return review.get(limits.reviewTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            review.cancel(true);
            throw new ApiError(503, "the review did not finish within " + limits.reviewTimeout().toSeconds()
                    + " s; send fewer or smaller files, or try again later");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) throw failure;
            throw new IllegalStateException("the review failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            review.cancel(true);
            throw new ApiError(503, "the server is stopping");
        }
    }

    private String reviewNow(List<SubmittedFile> files, ReportFormat format) {
        try (Workspace workspace = Workspace.create(temporaryFolder)) {
            workspace.write(files);
            ScanRequest request = new ScanRequest(List.of(workspace.root()), List.of(), 1,
                    ScanRequest.DEFAULT_THREAT_MODELS, workspace.root())
                    .timingOutAfter(limits.fileTimeout());
            ScanResult result = scanner.scan(request, ScanListener.NONE);
            ReviewReport report = new ReviewReport(result, scanner.rules(), Severity.LOW, Confidence.LOW, toolVersion,
                    null, "", ChangedLines.EVERY_LINE);
            StringWriter rendered = new StringWriter();
            format.writer().write(report, rendered);
            return rendered.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        reviewers.shutdownNow();
    }
}
