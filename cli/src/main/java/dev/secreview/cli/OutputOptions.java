package dev.secreview.cli;

import dev.secreview.change.Baseline;
import dev.secreview.change.ChangeException;
import dev.secreview.change.KnownFindings;
import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.engine.Scanner;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.report.ReportFormat;
import dev.secreview.report.ReportWriter;
import dev.secreview.report.ChangedLines;
import dev.secreview.report.ReviewReport;
import dev.secreview.report.TextReportWriter;
import dev.secreview.report.TextStyle;
import dev.secreview.project.ProjectConfig;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

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

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the text review: auto (when standard output is a terminal and NO_COLOR is not set), "
                    + "always, never (default: ${DEFAULT-VALUE}).")
    ColorChoice color;

    /** When the text review is in colour. */
    enum ColorChoice { auto, always, never }

    /** Columns a terminal is taken to have when {@code COLUMNS} does not say. */
    static final int DEFAULT_COLUMNS = 100;

    @Option(names = "--project-url", paramLabel = "URL",
            description = "Where secreview's sources are published (e.g. https://github.com/ORG/secreview/blob/main/): "
                    + "reports link each rule to its page docs/rules/RULE.md there (default: to the rule's CWE at MITRE).")
    String projectUrl;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Findings recorded in FILE (made by `secreview baseline`) are known: they are marked suppressed, and only new ones count.")
    Path baseline;

    @Option(names = "--exit-zero", negatable = true,
            description = "Exit with 0 even when there are findings (still 2 when the tool could not do what was asked).")
    boolean exitZero;

    /** Takes the configuration file's settings for the options the command line does not give. */
    void adopt(ProjectConfig config, ParseResult parsed) {
        Predicate<String> given = parsed::hasMatchedOption;
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
        return write(review, scanner, ChangedLines.EVERY_LINE, out, err);
    }

    /** Renders and delivers the review of a change whose added or modified lines are {@code changed}. */
    boolean write(ScanResult review, Scanner scanner, ChangedLines changed, PrintWriter out, PrintWriter err) {
        ReviewReport report = report(review, scanner, changed);
        StringWriter rendered = new StringWriter();
        try {
            writer(Terminal.isTerminal(Terminal.STDOUT), System.getenv()).write(report, rendered);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the review: " + e.getMessage(), e);
        }
        return OutputFile.deliver(output, rendered.toString(), "review", out, err);
    }

    private ReportWriter writer(boolean stdoutIsTerminal, Map<String, String> environment) {
        return format == ReportFormat.TEXT
                ? new TextReportWriter(CweCatalog.embedded(), textStyle(stdoutIsTerminal, environment))
                : format.writer();
    }

    /**
     * Colour and the terminal's width when the review goes to a terminal; plain otherwise, so a file or a
     * pipe never gets an escape code (unless {@code --color always}). {@code NO_COLOR} (any value but empty)
     * and {@code TERM=dumb} turn the automatic colour off; {@code COLUMNS} gives the width.
     */
    TextStyle textStyle(boolean stdoutIsTerminal, Map<String, String> environment) {
        boolean terminal = output == null && stdoutIsTerminal;
        boolean colour = switch (color) {
            case always -> true;
            case never -> false;
            case auto -> terminal && environment.getOrDefault("NO_COLOR", "").isEmpty()
                    && !"dumb".equals(environment.get("TERM"));
        };
        return new TextStyle(colour, terminal ? columns(environment.get("COLUMNS")) : 0);
    }

    private static int columns(String setting) {
        try {
            int columns = setting == null ? DEFAULT_COLUMNS : Integer.parseInt(setting.strip());
            return columns > 0 ? columns : DEFAULT_COLUMNS;
        } catch (NumberFormatException e) {
            return DEFAULT_COLUMNS;
        }
    }

    ReviewReport report(ScanResult review, Scanner scanner) {
        return report(review, scanner, ChangedLines.EVERY_LINE);
    }

    private ReviewReport report(ScanResult review, Scanner scanner, ChangedLines changed) {
        // Review systems know files by their path in the repository: absolute paths become relative to here.
        return new ReviewReport(review, scanner.rules(), severity, confidence, SecreviewCommand.version(),
                Path.of("").toAbsolutePath(), projectUrl, changed);
    }
}
