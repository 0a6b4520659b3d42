package dev.secreview.cli;

import dev.secreview.core.engine.AnalysisCache;
import dev.secreview.core.engine.ScanListener;
import dev.secreview.core.engine.ScanRequest;
import dev.secreview.core.engine.Scanner;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.project.AnalysisSettings;
import dev.secreview.project.ConfigFile;
import dev.secreview.project.ProjectConfig;
import dev.secreview.project.ThreatModel;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What to leave out and how to analyse: the options {@code scan}, {@code review} and {@code baseline} share. */
final class AnalysisOptions {

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out paths matching GLOB, relative to the scanned directory: 'migrations' or '*_pb2.py'"
                    + " at any depth, './tests', 'tests/' or 'tests/**' the folder tests; repeatable.")
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

    @Option(names = "--file-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Give up a file whose own analysis takes longer (reported as too large; the rest of the review "
                    + "goes on); 0: no limit (default: ${DEFAULT-VALUE}).")
    long fileTimeout;

    @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "" + ScanRequest.DEFAULT_MAX_FILE_BYTES,
            description = "Leave a file larger than this unreviewed (reported as too large; generated data, whose syntax "
                    + "tree would take gigabytes); 0: no limit (default: ${DEFAULT-VALUE}).")
    long maxFileBytes;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Keep analyses in DIR across runs, so that unchanged files (and an unchanged tree) are not "
                    + "analysed again (default: $XDG_CACHE_HOME/secreview, else ~/.cache/secreview).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Analyse everything, and keep nothing for the next run.")
    boolean noCache;

    @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "Files reviewed in parallel (default: number of cores).")
    Integer threads;

    @Option(names = "--threat-model", paramLabel = "MODEL", split = ",", defaultValue = "remote,stored",
            description = "Inputs that count as attacker-controlled for the dataflow rules: remote (network requests), "
                    + "local (command line, environment, console), rpc (the parameters of RPC endpoint methods, which other services call), "
                    + "stored (data read back from the database, for HTML built in Python); comma-separated (default: ${DEFAULT-VALUE}).")
    List<ThreatModel> threatModels = new ArrayList<>();

    @Option(names = "--progress", negatable = true,
            description = "Show progress on standard error (default: when it is a terminal).")
    Boolean progress;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Read the settings from FILE (a .secreview.toml, or a pyproject.toml's [tool.secreview]) instead"
                    + " of the first one found from the scanned folder upward to the repository's root.")
    Path configFile;

    /** The project's configuration: {@code --config FILE}, else the first found from {@code paths}; may be none. */
    ProjectConfig config(List<Path> paths) {
        return configFile != null ? ConfigFile.read(configFile) : ConfigFile.find(ConfigFile.searchStart(paths));
    }

    /**
     * The request for {@code paths}: the command line's options, and for those it does not give, the configuration's
     * settings. Globs and rule names are checked here, before anything is scanned; {@code rules} are the rules a
     * selection may name.
     */
    ScanRequest request(List<Path> paths, ProjectConfig config, List<RuleMetadata> rules, CommandLine commandLine) {
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (threadCount < 1) throw new CommandLine.ParameterException(commandLine, "--threads must be at least 1");
        if (fileTimeout < 0) throw new CommandLine.ParameterException(commandLine, "--file-timeout cannot be negative");
        if (maxFileBytes < 0) throw new CommandLine.ParameterException(commandLine, "--max-file-size cannot be negative");
        AnalysisSettings settings = new AnalysisSettings(excludes, select, ignore, gitignore,
                Duration.ofSeconds(fileTimeout), maxFileBytes, threadCount, threatModels);
        return settings.request(paths, config, commandLine.getParseResult()::hasMatchedOption, rules);
    }

    /**
     * The cache for this run: on disk unless --no-cache, or unless the code has no identity a cache can trust
     * (a development build run from class folders), then for this run only.
     */
    AnalysisCache cache(Scanner scanner) {
        if (noCache) return new AnalysisCache();
        return scanner.codeIdentity().map(identity -> AnalysisCache.onDisk(cacheFolder(), identity))
                .orElseGet(AnalysisCache::new);
    }

    private Path cacheFolder() {
        if (cacheDir != null) return cacheDir;
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("secreview");
    }

    ScanListener listener(PrintWriter err) {
        boolean show = progress != null ? progress : Terminal.isTerminal(Terminal.STDERR);
        return show ? new Progress(err) : ScanListener.NONE;
    }
}
