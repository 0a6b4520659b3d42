package dev.secreview.cli;

import dev.secreview.change.Baseline;
import dev.secreview.change.ChangeException;
import dev.secreview.change.KnownFindings;
import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.engine.Scanner;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.report.ReportFormat;
import dev.secreview.report.ReviewReport;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** How a review is reported and what counts: the options {@code scan} and {@code review} share. */
final class OutputOptions {

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the review to FILE instead of standard output.")
    Path output;

    @Option(names = "--severity", paramLabel = "LEVEL", defaultValue = "low",
            description = "Report findings of at least this severity: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Severity severity;

    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "low",
            description = "Report findings of at least this confidence: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Confidence confidence;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Findings recorded in FILE (made by `secreview baseline`) are known: they are marked suppressed, and only new ones count.")
    Path baseline;

    @Option(names = "--exit-zero", negatable = true,
            description = "Exit with 0 even when there are findings (still 2 when the tool could not do what was asked).")
    boolean exitZero;

    /** Takes the configuration file's settings for the options the command line does not give. */
    void adopt(ProjectConfig config, ParseResult given) {
        format = config.setting("format", config.format(), given, "--format", format).value();
        severity = config.setting("severity", config.severity(), given, "--severity", severity).value();
        confidence = config.setting("confidence", config.confidence(), given, "--confidence", confidence).value();
        baseline = config.setting("baseline", config.baseline(), given, "--baseline", baseline).value();
        exitZero = config.setting("exit-zero", config.exitZero(), given, "--exit-zero", exitZero).value();
    }

    /** The exit code of a review that was done and delivered: 1 when it has findings to act on, unless --exit-zero. */
    int exitCode(ScanResult review, Scanner scanner) {
        return exitZero || report(review, scanner).defects().isEmpty() ? ExitCode.CLEAN : ExitCode.FINDINGS;
    }

    /** The findings of the baseline file; none when no baseline was asked for. Read before the review, to fail fast. */
    KnownFindings knownFindings() throws ChangeException {
        return baseline == null ? new KnownFindings(List.of()) : Baseline.read(baseline);
    }

    /** The review with the baseline's findings marked as known (the review itself when there is no baseline). */
    ScanResult withBaseline(ScanResult review, KnownFindings known) {
        return baseline == null ? review : Baseline.apply(review, known, baseline.getFileName().toString());
    }

    /** Renders and delivers the review; false when the output file could not be written. */
    boolean write(ScanResult review, Scanner scanner, PrintWriter out, PrintWriter err) {
        ReviewReport report = report(review, scanner);
        StringWriter rendered = new StringWriter();
        try {
            format.writer().write(report, rendered);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the review: " + e.getMessage(), e);
        }
        return OutputFile.deliver(output, rendered.toString(), "review", out, err);
    }

    ReviewReport report(ScanResult review, Scanner scanner) {
        return new ReviewReport(review, scanner.rules(), severity, confidence, SecreviewCommand.version());
    }
}
