package dev.secreview.cli;

import dev.secreview.report.ControlCharacters;
import dev.secreview.change.Baseline;
import dev.secreview.core.engine.ScanRequest;
import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.engine.Scanner;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.project.ProjectConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "baseline",
        mixinStandardHelpOptions = true,
        description = {"Records the findings a tree has now, so that `scan --baseline FILE` and `review --baseline FILE` "
                + "report only new ones.",
                "Findings are recorded by rule, path and a fingerprint of their code, not their line: they stay known "
                + "when code moves or a file is renamed; a second copy of a known defect is new."},
        footer = {"", "Exit codes: 0 the baseline was written, 2 it was not: bad usage or configuration, a PATH that is missing,",
                "  unreadable, binary, undecodable, too large or not source, or the baseline file cannot be written."})
final class BaselineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or directories to review (default: .).")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = ".secreview-baseline.json",
            description = "Where to write the baseline (default: the configuration's baseline, else ${DEFAULT-VALUE}).")
    Path output;

    @Mixin
    AnalysisOptions analysis;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        Scanner scanner = Scanner.withInstalledFrontEnds();
        ProjectConfig config = analysis.config(roots);
        // Written where the configuration says scans read it from, unless -o says otherwise.
        output = config.setting("baseline", config.baseline(), spec.commandLine().getParseResult()::hasMatchedOption, "--output", output).value();
        ScanRequest request = analysis.request(roots, config, scanner.rules(), spec.commandLine());
        ScanResult review = scanner.scan(request, analysis.listener(err), analysis.cache(scanner));
        // An incomplete baseline would report the findings of the paths it left out as new ones later.
        List<Diagnostic> refused = review.namedPathProblems();
        refused.forEach(problem -> err.println("secreview: error: " + ControlCharacters.escape(problem.render())));
        if (!refused.isEmpty()) return ExitCode.USAGE_OR_IO_ERROR;
        String problem = OutputFile.write(output, Baseline.render(review, "secreview " + SecreviewCommand.version()));
        if (problem != null) {
            err.println("secreview: error: cannot write " + output + " (" + problem + ")");
            return ExitCode.USAGE_OR_IO_ERROR;
        }
        long recorded = review.findings().stream().filter(f -> !f.suppressed()).count();
        err.println("secreview: recorded " + recorded + " findings of " + review.files().size() + " files in " + output);
        return ExitCode.CLEAN;
    }
}
