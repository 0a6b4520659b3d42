package dev.secreview.project;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.report.ReportFormat;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The settings a repository keeps for secreview in {@code .secreview.toml} or in {@code pyproject.toml}'s
 * {@code [tool.secreview]} table, read and checked by {@link ConfigFile}. {@code source} names the file in messages.
 * A list the file does not set is empty, any other setting null; an option given on the command line replaces the
 * file's value for its key.
 */
public record ProjectConfig(String source, List<String> include, List<String> exclude, List<String> select,
                     List<String> ignore, Map<String, List<String>> perFileIgnores, Severity severity,
                     Confidence confidence, List<ThreatModel> threatModels, Path baseline,
                     ReportFormat format, Boolean exitZero) {

    /** No configuration file: every setting from the command line or its default. */
    public static final ProjectConfig NONE = new ProjectConfig("", List.of(), List.of(), List.of(), List.of(), Map.of(),
            null, null, List.of(), null, null, null);

    public ProjectConfig {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        select = List.copyOf(select);
        ignore = List.copyOf(ignore);
        perFileIgnores = Collections.unmodifiableMap(new LinkedHashMap<>(perFileIgnores)); // in the file's order
        threatModels = List.copyOf(threatModels);
    }

    /** A value and where it came from, as messages name it: {@code --select} or {@code .secreview.toml: select}. */
    public record Setting<T>(T value, String source) {
    }

    /**
     * The setting of {@code key}: the command line's value when {@code option} was given there ({@code given} says
     * which options were) or the file does not set the key ({@code fromFile} null or empty), else the file's.
     */
    public <T> Setting<T> setting(String key, T fromFile, Predicate<String> given, String option, T fromCommandLine) {
        boolean fileSets = fromFile != null && !(fromFile instanceof Collection<?> list && list.isEmpty())
                && !(fromFile instanceof Map<?, ?> table && table.isEmpty());
        return fileSets && !given.test(option) ? new Setting<>(fromFile, source + ": " + key)
                : new Setting<>(fromCommandLine, option);
    }
}
