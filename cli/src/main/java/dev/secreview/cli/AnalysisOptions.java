package dev.secreview.cli;

import dev.secreview.change.GitIgnoredPaths;
import dev.secreview.core.engine.PathFilter;
import dev.secreview.core.engine.PathGlob;
import dev.secreview.core.engine.RuleSelection;
import dev.secreview.core.engine.ScanListener;
import dev.secreview.core.engine.ScanRequest;
import dev.secreview.core.rule.RuleMetadata;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What to leave out and how to analyse: the options {@code scan}, {@code review} and {@code baseline} share. */
final class AnalysisOptions {

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out paths matching GLOB (relative to the scanned directory; repeatable), e.g. 'tests/**' or 'migrations'.")
    List<String> excludes = new ArrayList<>();

    @Option(names = {"--select", "-t", "--tests"}, paramLabel = "RULE", split = ",",
            description = "Report only the findings of these rules: rule ids (py-sql-string), CWEs (CWE-89: the rules"
                    + " whose CWE is exactly that one) or Bandit ids (B602); comma-separated, repeatable."
                    + " The analyses still all run, so the dataflow that judges a rule is never lost.")
    List<String> select = new ArrayList<>();

    @Option(names = {"--ignore", "-s", "--skip"}, paramLabel = "RULE", split = ",",
            description = "Drop the findings of these rules (the same kinds of names as --select; ignoring wins).")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--gitignore", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Leave out what git ignores: untracked paths that the repository's .gitignore files or"
                    + " .git/info/exclude name (default: on; --no-gitignore reviews them too).")
    boolean gitignore;

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

    /** The request for {@code paths}; {@code rules} are the rules a selection may name. */
    ScanRequest request(List<Path> paths, List<RuleMetadata> rules, CommandLine commandLine) {
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (threadCount < 1) throw new CommandLine.ParameterException(commandLine, "--threads must be at least 1");
        Set<String> models = new HashSet<>();
        threatModels.forEach(model -> models.add(model.name()));
        checkGlobs("--exclude", excludes);
        checkRules("--select", select, rules);
        checkRules("--ignore", ignore, rules);
        return new ScanRequest(paths, excludes, threadCount, models)
                .filteredBy(gitignore ? new GitIgnoredPaths() : PathFilter.NONE)
                .selecting(new RuleSelection(select, ignore, List.of()));
    }

    /** Globs are read before the scan, so that one that names nothing is a usage error, not a failed scan. */
    static void checkGlobs(String source, List<String> globs) {
        for (String glob : globs) {
            try {
                PathGlob.of(glob);
            } catch (IllegalArgumentException e) {
                throw new UsageError(source + ": " + e.getMessage());
            }
        }
    }

    /** A name no rule answers to is a usage error: a typo would otherwise select nothing, or ignore nothing. */
    static void checkRules(String source, List<String> names, List<RuleMetadata> rules) {
        RuleSelection.unknown(names, rules).ifPresent(name -> {
            throw new UsageError(source + ": unknown rule '" + name + "' (a rule id, a CWE some rule reports, or a"
                    + " Bandit id; 'secreview rules' lists them)");
        });
    }

    ScanListener listener(PrintWriter err) {
        boolean show = progress != null ? progress : System.console() != null;
        return show ? new Progress(err) : ScanListener.NONE;
    }
}
