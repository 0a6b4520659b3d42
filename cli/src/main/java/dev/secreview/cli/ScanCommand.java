package dev.secreview.cli;

import dev.secreview.report.ControlCharacters;
import dev.secreview.change.ChangeException;
import dev.secreview.change.KnownFindings;
import dev.secreview.core.engine.ScanRequest;
import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.engine.Scanner;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.project.ProjectConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "scan",
        mixinStandardHelpOptions = true,
        description = {"Reviews Python files and directories (recursively) for security defects.",
                "Leaves out version-control folders, node_modules, virtualenvs (a folder with a pyvenv.cfg), what git"
                        + " ignores and what --exclude or the configuration (.secreview.toml, pyproject.toml) names;"
                        + " the summary counts every source file left out."},
        footer = {"", ExitCode.HELP,
                "Suppress a finding inline with '# nosec [B602,...]' or '# secreview: ignore[rule-id]'."})
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to review.")
    List<Path> paths = new ArrayList<>();

    @Mixin
    AnalysisOptions analysis;

    @Mixin
    OutputOptions output;

    @Mixin
    LlmOptions llm;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Scanner scanner = Scanner.withInstalledFrontEnds();
        ProjectConfig config = analysis.config(paths);
        output.adopt(config, spec.commandLine().getParseResult());
        ScanRequest request = analysis.request(paths, config, scanner.rules(), spec.commandLine());
        Optional<LlmStage> llmStage = llm.stage(spec.commandLine());
        KnownFindings known;
        try {
            known = output.knownFindings();
        } catch (ChangeException e) {
            err.println("secreview: error: " + e.getMessage());
            return ExitCode.USAGE_OR_IO_ERROR;
        }
        ScanResult scanned = scanner.scan(request, analysis.listener(err), analysis.cache(scanner));
        List<Diagnostic> refused = scanned.namedPathProblems();
        refused.forEach(problem -> err.println("secreview: error: " + ControlCharacters.escape(problem.render())));
        if (scanned.nothingNamedCouldBeReviewed()) return ExitCode.USAGE_OR_IO_ERROR;
        ScanResult withOpinion = scanned;
        if (llmStage.isPresent()) {
            Optional<ScanResult> reviewed = llmStage.get().review(scanned, request.selection(), err);
            if (reviewed.isEmpty()) return ExitCode.USAGE_OR_IO_ERROR;
            withOpinion = reviewed.get();
        }
        ScanResult result = output.withBaseline(withOpinion, known);
        if (result.files().isEmpty() && refused.isEmpty()) {
            err.println("secreview: no Python files to review in " + String.join(", ", paths.stream().map(Path::toString).toList()));
        }

        boolean written = output.write(result, scanner, spec.commandLine().getOut(), err);
        if (!refused.isEmpty() || !written) return ExitCode.USAGE_OR_IO_ERROR;
        return output.exitCode(result, scanner);
    }
}
