package dev.secreview.cli;

import dev.secreview.change.ChangeException;
import dev.secreview.change.ChangeReview;
import dev.secreview.change.ChangeUnderReview;
import dev.secreview.change.GitChange;
import dev.secreview.change.KnownFindings;
import dev.secreview.change.PatchChange;
import dev.secreview.core.engine.FileDiscovery;
import dev.secreview.core.engine.ScanRequest;
import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.engine.Scanner;
import dev.secreview.project.ProjectConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

@Command(name = "review",
        mixinStandardHelpOptions = true,
        description = {"Reviews a change: the findings it introduces, on the lines it adds or modifies and elsewhere "
                + "where it makes a defect reachable (a new source flowing into an old sink).",
                "Both versions of the tree are analysed whole, so dataflow across files is not lost.",
                "Without --git or --diff: the working tree against HEAD."},
        footer = {"", "Examples:",
                "  secreview review --git origin/main..HEAD     the commits of a branch",
                "  secreview review --git HEAD~1                the last commit and the uncommitted changes",
                "  secreview review --staged                    what is about to be committed",
                "  secreview review src --diff change.patch     a unified diff applied to the folder src",
                "", "Exit codes: 0 the change adds nothing at or above the thresholds, 1 findings (0 with --exit-zero), 2 the"
                + " tool could not do what was asked: bad usage or configuration, a BASE that does not exist, a diff that"
                + " does not apply, an output that cannot be written."})
final class ReviewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "PATH", defaultValue = ".",
            description = "The repository (or a folder in it) under review; with --diff, the folder the diff applies to (default: .).")
    Path path;

    @ArgGroup(exclusive = true)
    Source source = new Source();

    static final class Source {
        @Option(names = "--git", paramLabel = "BASE[..HEAD]",
                description = "The change from commit BASE to commit HEAD; without HEAD (BASE or BASE..), to the working tree.")
        String range;

        @Option(names = "--diff", paramLabel = "FILE", description = "The change in a unified diff (git diff, diff -u, a review tool's patch).")
        Path diff;
    }

    @Option(names = "--staged", description = "The staged changes (the index) against BASE (default HEAD).")
    boolean staged;

    @Mixin
    AnalysisOptions analysis;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (staged && source.diff != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--staged and --diff cannot be combined");
        }
        Scanner scanner = Scanner.withInstalledFrontEnds();
        ProjectConfig config = analysis.config(List.of(path));
        output.adopt(config, spec.commandLine().getParseResult());
        ScanRequest request = analysis.request(List.of(path), config, scanner.rules(), spec.commandLine());
        Predicate<String> reviewed = file -> scanner.handles(Path.of(file)) || FileDiscovery.decidesWhatIsLeftOut(file);
        // The copy a diff is applied to is in no repository: what git ignores in PATH must stay out of it, as it
        // stays out of the review of PATH. (Commits and the index hold tracked files only, which git never ignores.)
        Predicate<String> notIgnored = file -> !request.pathFilter().leavesOut(path.resolve(file), false);
        try (ChangeUnderReview change = source.diff != null ? PatchChange.open(path, source.diff, reviewed.and(notIgnored))
                : GitChange.open(path, source.range != null ? source.range : "HEAD", staged, reviewed)) {
            KnownFindings known = output.knownFindings();
            ChangeReview.Result result = ChangeReview.review(scanner, request, change, analysis.listener(err), analysis.cache(scanner));
            ScanResult review = output.withBaseline(result.review(), known);
            err.println("secreview: reviewed " + change.description() + ": " + summary(result, change));
            boolean written = output.write(review, scanner, change.change()::touches, spec.commandLine().getOut(), err);
            if (!written) return ExitCode.USAGE_OR_IO_ERROR;
            return output.exitCode(review, scanner);
        } catch (ChangeException e) {
            err.println("secreview: error: " + e.getMessage());
            return ExitCode.USAGE_OR_IO_ERROR;
        }
    }

    private static String summary(ChangeReview.Result result, ChangeUnderReview change) {
        int files = change.change().files().size();
        return files + (files == 1 ? " file" : " files") + " changed (" + change.change().changedLineCount()
                + " lines added or modified); " + (result.onChangedLines() + result.madeReachable())
                + " new findings (" + result.onChangedLines() + " on changed lines, " + result.madeReachable()
                + " made reachable), " + result.removed() + " old findings no longer reported";
    }
}
