package dev.secreview.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.report.ReportFormat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds and reads the project's configuration: {@code .secreview.toml}, or the {@code [tool.secreview]} table of
 * {@code pyproject.toml}, the first found from the scanned folder upward (in one folder, {@code .secreview.toml}
 * first), stopping at the root of the repository (the folder with a {@code .git}). A key the file should not have
 * or a value of the wrong type or outside its choices is a {@link ConfigError} naming the file, the key and what is
 * allowed; globs and rule names are checked where they are used ({@link AnalysisSettings}).
 */
public final class ConfigFile {

    public static final String NAME = ".secreview.toml";
    public static final String PYPROJECT = "pyproject.toml";
    public static final List<String> KEYS = List.of("include", "exclude", "select", "ignore", "per-file-ignores", "severity",
            "confidence", "threat-model", "baseline", "format", "exit-zero");

    /** Made when a configuration file is read, not when a scan looks for one and finds none: Jackson is 380 classes. */
    private static final class Toml {
        static final TomlMapper MAPPER = new TomlMapper();
    }

    private ConfigFile() {
    }

    /** The folder a search starts from: the one PATH's folder, or the current folder when there are several. */
    public static Path searchStart(List<Path> paths) {
        if (paths.size() != 1) return Path.of("");
        Path path = paths.get(0);
        Path folder = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        return folder == null ? Path.of("") : folder;
    }

    /** The first configuration from {@code start} upward; {@link ProjectConfig#NONE} when there is none. */
    public static ProjectConfig find(Path start) {
        for (Path folder = start.toAbsolutePath().normalize(); folder != null; folder = folder.getParent()) {
            Path own = folder.resolve(NAME);
            if (Files.isRegularFile(own)) return read(own);
            Path pyproject = folder.resolve(PYPROJECT);
            if (Files.isRegularFile(pyproject) && mayHoldOurTable(pyproject)) {
                JsonNode table = parse(pyproject, shown(pyproject)).at("/tool/secreview");
                if (!table.isMissingNode()) return settings(table, pyproject, shown(pyproject) + " [tool.secreview]");
            }
            if (Files.exists(folder.resolve(".git"))) break;
        }
        return ProjectConfig.NONE;
    }

    /**
     * Whether a pyproject.toml names secreview at all. Most belong to other tools only, and parsing one loads Jackson's
     * TOML reader, a good part of a small review's start-up. A file that cannot be read is parsed, which says why.
     */
    private static boolean mayHoldOurTable(Path pyproject) {
        try {
            return Files.readString(pyproject).contains("secreview");
        } catch (IOException e) {
            return true;
        }
    }

    /** The configuration in {@code file}: a pyproject.toml's [tool.secreview] table, or any other file whole. */
    public static ProjectConfig read(Path file) {
        String shown = shown(file);
        JsonNode root = parse(file, shown);
        if (!file.getFileName().toString().equals(PYPROJECT)) return settings(root, file, shown);
        JsonNode table = root.at("/tool/secreview");
        if (table.isMissingNode()) throw new ConfigError(shown + ": no [tool.secreview] table");
        return settings(table, file, shown + " [tool.secreview]");
    }

    private static JsonNode parse(Path file, String shown) {
        try {
            return Toml.MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new ConfigError(shown + ": not valid TOML" + where + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (NoSuchFileException e) {
            throw new ConfigError(shown + ": no such file or directory");
        } catch (IOException e) {
            throw new ConfigError(shown + ": cannot read (" + (e instanceof AccessDeniedException ? "permission denied"
                    : "I/O error") + ")");
        }
    }

    private static ProjectConfig settings(JsonNode table, Path file, String source) {
        Values values = new Values(table, source);
        Path folder = file.toAbsolutePath().getParent();
        String baseline = values.string("baseline");
        return new ProjectConfig(source, values.strings("include"), values.strings("exclude"), values.strings("select"),
                values.strings("ignore"), values.perFileIgnores(), values.choice("severity", Severity.values(), Severity::label),
                values.choice("confidence", Confidence.values(), Confidence::label),
                values.choices("threat-model", ThreatModel.values(), Enum::name),
                baseline == null ? null : folder.resolve(baseline),
                values.choice("format", ReportFormat.values(), format -> format.name().toLowerCase(Locale.ROOT)),
                values.bool("exit-zero"));
    }

    /** A path as a user would type it: relative to the current folder when it is inside it. */
    private static String shown(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return (absolute.startsWith(here) ? here.relativize(absolute) : absolute).toString().replace('\\', '/');
    }

    /** The keys of one table, each read as the type it must have. */
    private static final class Values {
        private final JsonNode table;
        private final String source;

        Values(JsonNode table, String source) {
            this.source = source;
            if (!table.isObject()) throw new ConfigError(source + ": expected a table of settings, not " + kind(table));
            for (Map.Entry<String, JsonNode> setting : table.properties()) {
                String name = setting.getKey();
                if (!KEYS.contains(name)) {
                    throw new ConfigError(source + ": unknown key '" + name + "' (allowed: " + String.join(", ", KEYS) + ")");
                }
            }
            this.table = table;
        }

        String string(String key) {
            JsonNode value = table.get(key);
            if (value == null) return null;
            if (!value.isTextual()) throw error(key, "expected a string, not " + kind(value));
            return value.asText();
        }

        Boolean bool(String key) {
            JsonNode value = table.get(key);
            if (value == null) return null;
            if (!value.isBoolean()) throw error(key, "expected true or false, not " + kind(value));
            return value.asBoolean();
        }

        List<String> strings(String key) {
            return strings(key, table.get(key));
        }

        private List<String> strings(String key, JsonNode value) {
            if (value == null) return List.of();
            if (!value.isArray()) throw error(key, "expected an array of strings, not " + kind(value));
            List<String> items = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isTextual()) throw error(key, "expected an array of strings, but it holds " + kind(item));
                items.add(item.asText());
            }
            return items;
        }

        /** {@code "tests/**" = ["py-assert-access-check"]}: globs to lists of rules. */
        Map<String, List<String>> perFileIgnores() {
            String key = "per-file-ignores";
            JsonNode value = table.get(key);
            if (value == null) return Map.of();
            if (!value.isObject()) {
                throw error(key, "expected a table of globs to arrays of rules (\"tests/**\" = [\"py-assert-access-check\"]),"
                        + " not " + kind(value));
            }
            Map<String, List<String>> ignores = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                ignores.put(entry.getKey(), strings(key + " \"" + entry.getKey() + "\"", entry.getValue()));
            }
            return ignores;
        }

        <T> T choice(String key, T[] allowed, Function<T, String> label) {
            String value = string(key);
            return value == null ? null : pick(key, value, allowed, label);
        }

        <T> List<T> choices(String key, T[] allowed, Function<T, String> label) {
            return strings(key).stream().map(value -> pick(key, value, allowed, label)).toList();
        }

        private <T> T pick(String key, String value, T[] allowed, Function<T, String> label) {
            return Arrays.stream(allowed).filter(option -> label.apply(option).equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> error(key, "'" + value + "' is not allowed (allowed: "
                            + String.join(", ", Arrays.stream(allowed).map(label).toList()) + ")"));
        }

        private ConfigError error(String key, String why) {
            return new ConfigError(source + ": " + key + ": " + why);
        }
    }

    /** "a string", "an array"...: what a TOML value is, in words. */
    private static String kind(JsonNode value) {
        if (value.isTextual()) return "a string";
        if (value.isBoolean()) return "a boolean";
        if (value.isNumber()) return "a number";
        if (value.isArray()) return "an array";
        if (value.isObject()) return "a table";
        return "a date or time";
    }
}
