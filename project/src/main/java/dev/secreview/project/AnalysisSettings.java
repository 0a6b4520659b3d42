package dev.secreview.project;

import dev.secreview.change.GitIgnoredPaths;
import dev.secreview.core.engine.PathFilter;
import dev.secreview.core.engine.PathGlob;
import dev.secreview.core.engine.RuleSelection;
import dev.secreview.core.engine.ScanRequest;
import dev.secreview.core.rule.RuleMetadata;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What to leave out and how to analyse, as {@code scan}, {@code review} and {@code baseline} take it from their
 * command line, and the {@link ScanRequest} it makes with a project's configuration: for each key, the command
 * line's value when the option was given there ({@code given} says which were), else the file's. The Spark job
 * reviews each repository with {@link #defaults}, none given: as {@code secreview scan ROOT} reviews it.
 */
public record AnalysisSettings(List<String> excludes, List<String> select, List<String> ignore, boolean gitignore,
                               Duration fileTimeout, long maxFileBytes, int threads, List<ThreatModel> threatModels) {

    public AnalysisSettings {
        excludes = List.copyOf(excludes);
        select = List.copyOf(select);
        ignore = List.copyOf(ignore);
        threatModels = List.copyOf(threatModels);
    }

    /** The settings of a command line that gives no analysis option, on {@code threads} threads. */
    public static AnalysisSettings defaults(int threads) {
        return new AnalysisSettings(List.of(), List.of(), List.of(), true, ScanRequest.DEFAULT_FILE_TIMEOUT,
                ScanRequest.DEFAULT_MAX_FILE_BYTES, threads,
                List.of(ThreatModel.remote, ThreatModel.stored));
    }

    /**
     * The request for {@code paths} with {@code config}. Globs and rule names are checked here, before anything is
     * scanned ({@link ConfigError}); {@code rules} are the rules a selection may name.
     */
    public ScanRequest request(List<Path> paths, ProjectConfig config, Predicate<String> given, List<RuleMetadata> rules) {
        Set<String> models = new HashSet<>();
        config.setting("threat-model", config.threatModels(), given, "--threat-model", threatModels).value()
                .forEach(model -> models.add(model.name()));
        ProjectConfig.Setting<List<String>> exclude = config.setting("exclude", config.exclude(), given, "--exclude", excludes);
        checkGlobs(exclude.source(), exclude.value());
        checkGlobs(config.source() + ": include", config.include());
        return new ScanRequest(paths, exclude.value(), threads, models)
                .timingOutAfter(fileTimeout)
                .limitedTo(maxFileBytes)
                .including(config.include())
                .filteredBy(gitignore ? new GitIgnoredPaths() : PathFilter.NONE)
                .selecting(selection(config, rules, given));
    }

    private RuleSelection selection(ProjectConfig config, List<RuleMetadata> rules, Predicate<String> given) {
        ProjectConfig.Setting<List<String>> selected = config.setting("select", config.select(), given, "--select", select);
        ProjectConfig.Setting<List<String>> ignored = config.setting("ignore", config.ignore(), given, "--ignore", ignore);
        checkRules(selected.source(), selected.value(), rules);
        checkRules(ignored.source(), ignored.value(), rules);
        String perFile = config.source() + ": per-file-ignores";
        checkGlobs(perFile, List.copyOf(config.perFileIgnores().keySet()));
        List<RuleSelection.PathIgnore> byPath = new ArrayList<>();
        config.perFileIgnores().forEach((glob, names) -> {
            checkRules(perFile + " \"" + glob + "\"", names, rules);
            byPath.add(new RuleSelection.PathIgnore(PathGlob.of(glob), names));
        });
        return new RuleSelection(selected.value(), ignored.value(), byPath);
    }

    /** Globs are read before the scan, so that one that names nothing is a usage error, not a failed scan. */
    private static void checkGlobs(String source, List<String> globs) {
        for (String glob : globs) {
            try {
                PathGlob.of(glob);
            } catch (IllegalArgumentException e) {
                throw new ConfigError(source + ": " + e.getMessage());
            }
        }
    }

    /** A name no rule answers to is a usage error: a typo would otherwise select nothing, or ignore nothing. */
    private static void checkRules(String source, List<String> names, List<RuleMetadata> rules) {
        RuleSelection.unknown(names, rules).ifPresent(name -> {
            throw new ConfigError(source + ": unknown rule '" + name + "' (a rule id, a CWE some rule reports, or a"
                    + " Bandit id; 'secreview rules' lists them)");
        });
    }
}
