package dev.secreview.cli;

import dev.secreview.core.engine.ScanRequest;
import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.engine.Scanner;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.Severity;
import dev.secreview.report.ReportFormat;
import dev.secreview.report.ReviewReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "scan",
        mixinStandardHelpOptions = true,
        description = {"Reviews Python files and directories (recursively) for security defects.",
                "Skips .git, virtualenvs, node_modules, build output and whatever --exclude names."},
        footer = {"", "Exit codes: 0 nothing at or above the thresholds, 1 findings, 2 usage or I/O error.",
                "Suppress a finding inline with '# nosec [B602,...]' or '# secreview: ignore[rule-id]'."})
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to review.")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the review to FILE instead of standard output.")
    Path output;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out paths matching GLOB (relative to the scanned directory; repeatable), e.g. 'tests/**' or 'migrations'.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--severity", paramLabel = "LEVEL", defaultValue = "low",
            description = "Report findings of at least this severity: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Severity severity;

    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "low",
            description = "Report findings of at least this confidence: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Confidence confidence;

    @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "Files reviewed in parallel (default: number of cores).")
    Integer threads;

    @Option(names = "--threat-model", paramLabel = "MODEL", split = ",", defaultValue = "remote",
            description = "Inputs that count as attacker-controlled for the dataflow rules: remote (network requests), "
                    + "local (command line, environment, console); comma-separated (default: ${DEFAULT-VALUE}).")
    List<ThreatModel> threatModels = new ArrayList<>();

    /** The source categories of the models files a user can choose. */
    enum ThreatModel { remote, local }

    @Option(names = "--progress", negatable = true,
            description = "Show progress on standard error (default: when it is a terminal).")
    Boolean progress;

    @Mixin
    LlmOptions llm;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (threadCount < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        java.util.Optional<LlmStage> llmStage = llm.stage(spec.commandLine());
        Scanner scanner = Scanner.withInstalledFrontEnds();
        boolean showProgress = progress != null ? progress : System.console() != null;
        java.util.Set<String> models = new java.util.HashSet<>();
        threatModels.forEach(model -> models.add(model.name()));
        ScanResult scanned = scanner.scan(new ScanRequest(paths, excludes, threadCount, models),
                showProgress ? new Progress(err) : dev.secreview.core.engine.ScanListener.NONE);
        ScanResult result = llmStage.map(stage -> stage.review(scanned, err)).orElse(scanned);

        boolean pathError = false;
        for (Diagnostic problem : result.pathProblems()) {
            err.println("secreview: error: " + problem.render());
            pathError = true;
        }
        // A file named on the command line that cannot be read is an I/O error, not just a diagnostic.
        java.util.Set<String> namedFiles = new java.util.HashSet<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path)) namedFiles.add(path.normalize().toString().replace('\\', '/'));
        }
        for (dev.secreview.core.model.FileReport file : result.files()) {
            if (namedFiles.contains(file.path()) && file.diagnostics().stream()
                    .anyMatch(d -> d.kind() == Diagnostic.Kind.UNREADABLE)) {
                err.println("secreview: error: " + file.diagnostics().get(0).render());
                pathError = true;
            }
        }
        if (result.files().isEmpty() && !pathError) {
            err.println("secreview: no Python files to review in " + String.join(", ", paths.stream().map(Path::toString).toList()));
        }

        ReviewReport report = new ReviewReport(result, scanner.rules(), severity, confidence, SecreviewCommand.version());
        boolean written = writeReport(report, err);
        if (pathError || !written) return ExitCode.USAGE_OR_IO_ERROR;
        return report.defects().isEmpty() ? ExitCode.CLEAN : ExitCode.FINDINGS;
    }

    /** Writes the review; if the output file cannot be written, the review goes to standard output instead of being lost. */
    private boolean writeReport(ReviewReport report, PrintWriter err) {
        StringWriter rendered = new StringWriter();
        try {
            format.writer().write(report, rendered);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the review: " + e.getMessage(), e);
        }
        return OutputFile.deliver(output, rendered.toString(), "review", spec.commandLine().getOut(), err);
    }
}
