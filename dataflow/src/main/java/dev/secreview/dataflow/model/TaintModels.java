package dev.secreview.dataflow.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sources, sinks, sanitisers and validators as data, read from models files (one per framework or
 * library), so supporting an API is a line of data, not code. The format, one entry per line,
 * {@code #} starting a comment:
 * <pre>
 * kind      NAME CWE SOURCE-CATEGORIES      command 78 remote,local
 * source    CATEGORY NAME [LABEL...]         remote flask.request.args query parameters
 * entry     CATEGORY DECORATOR               remote *.route      (parameters of decorated functions)
 * sink      KIND CALLEE ARGS [if KW=true]    command subprocess.run 0,args if shell=true
 * store     KIND TARGET                      trust-boundary flask.session   (item or attribute writes)
 * return    KIND DECORATOR                   xss *.route   (what a decorated function returns)
 * sanitizer KINDS CALLEE                     xss html.escape   (KINDS: comma list or "all")
 * validator KINDS CALLEE ARGS                all *.isdigit receiver   (true result vouches for ARGS)
 * </pre>
 */
public final class TaintModels {

    public record Source(String category, NamePattern name, String label) {
    }

    public record Entry(String category, NamePattern decorator) {
    }

    public record Sink(TaintKind kind, NamePattern callee, ArgumentSelector arguments, String conditionKeyword) {
    }

    public record Store(TaintKind kind, NamePattern target) {
    }

    public record ReturnSink(TaintKind kind, NamePattern decorator) {
    }

    public record Sanitizer(long kinds, NamePattern callee) {
    }

    public record Validator(long kinds, NamePattern callee, ArgumentSelector arguments) {
    }

    private final Map<String, TaintKind> kinds;
    private final List<Source> sources;
    private final List<Entry> entries;
    private final List<Sink> sinks;
    private final List<Store> stores;
    private final List<ReturnSink> returns;
    private final List<Sanitizer> sanitizers;
    private final List<Validator> validators;

    private TaintModels(Map<String, TaintKind> kinds, List<Source> sources, List<Entry> entries, List<Sink> sinks,
                        List<Store> stores, List<ReturnSink> returns, List<Sanitizer> sanitizers,
                        List<Validator> validators) {
        this.kinds = kinds;
        this.sources = List.copyOf(sources);
        this.entries = List.copyOf(entries);
        this.sinks = List.copyOf(sinks);
        this.stores = List.copyOf(stores);
        this.returns = List.copyOf(returns);
        this.sanitizers = List.copyOf(sanitizers);
        this.validators = List.copyOf(validators);
    }

    /** A problem in a models file, with the file and line it stands on. */
    public static final class ModelError extends IllegalArgumentException {
        public ModelError(String file, int line, String why) {
            super(file + ":" + line + ": " + why);
        }
    }

    /** One models file's text and the name to report problems against. */
    public record ModelFile(String name, String text) {
    }

    /** Reads models files; {@code kind} entries may stand in any of them. */
    public static TaintModels parse(List<ModelFile> files) {
        Map<String, TaintKind> kinds = new LinkedHashMap<>();
        for (ModelFile file : files) {
            forEachEntry(file, (line, words) -> {
                if (!words[0].equals("kind")) return;
                require(file, line, words, 4);
                if (kinds.containsKey(words[1])) throw new ModelError(file.name(), line, "kind " + words[1] + " declared twice");
                if (kinds.size() == Long.SIZE) throw new ModelError(file.name(), line, "too many kinds");
                kinds.put(words[1], new TaintKind(words[1], integer(file, line, words[2]),
                        Set.of(words[3].split(",")), kinds.size()));
            });
        }
        Builder builder = new Builder(kinds);
        for (ModelFile file : files) {
            forEachEntry(file, (line, words) -> builder.add(file, line, words));
        }
        return builder.build();
    }

    private static final class Builder {
        final Map<String, TaintKind> kinds;
        final List<Source> sources = new ArrayList<>();
        final List<Entry> entries = new ArrayList<>();
        final List<Sink> sinks = new ArrayList<>();
        final List<Store> stores = new ArrayList<>();
        final List<ReturnSink> returns = new ArrayList<>();
        final List<Sanitizer> sanitizers = new ArrayList<>();
        final List<Validator> validators = new ArrayList<>();

        Builder(Map<String, TaintKind> kinds) {
            this.kinds = kinds;
        }

        void add(ModelFile file, int line, String[] words) {
            switch (words[0]) {
                case "kind" -> { }
                case "source" -> {
                    require(file, line, words, 3);
                    String label = words.length > 3 ? String.join(" ", List.of(words).subList(3, words.length)) : words[2];
                    sources.add(new Source(words[1], new NamePattern(words[2]), label));
                }
                case "entry" -> {
                    require(file, line, words, 3);
                    entries.add(new Entry(words[1], new NamePattern(words[2])));
                }
                case "sink" -> {
                    require(file, line, words, 4);
                    String condition = null;
                    if (words.length > 4) {
                        if (words.length != 6 || !words[4].equals("if") || !words[5].endsWith("=true")) {
                            throw new ModelError(file.name(), line, "a sink condition reads: if KEYWORD=true");
                        }
                        condition = words[5].substring(0, words[5].length() - "=true".length());
                    }
                    sinks.add(new Sink(kind(file, line, words[1]), new NamePattern(words[2]),
                            ArgumentSelector.parse(words[3]), condition));
                }
                case "store" -> {
                    require(file, line, words, 3);
                    stores.add(new Store(kind(file, line, words[1]), new NamePattern(words[2])));
                }
                case "return" -> {
                    require(file, line, words, 3);
                    returns.add(new ReturnSink(kind(file, line, words[1]), new NamePattern(words[2])));
                }
                case "sanitizer" -> {
                    require(file, line, words, 3);
                    sanitizers.add(new Sanitizer(mask(file, line, words[1]), new NamePattern(words[2])));
                }
                case "validator" -> {
                    require(file, line, words, 4);
                    validators.add(new Validator(mask(file, line, words[1]), new NamePattern(words[2]),
                            ArgumentSelector.parse(words[3])));
                }
                default -> throw new ModelError(file.name(), line, "unknown entry '" + words[0] + "'");
            }
        }

        TaintKind kind(ModelFile file, int line, String name) {
            TaintKind kind = kinds.get(name);
            if (kind == null) throw new ModelError(file.name(), line, "unknown kind '" + name + "'");
            return kind;
        }

        long mask(ModelFile file, int line, String list) {
            if (list.equals("all")) return -1L;
            long mask = 0;
            for (String name : list.split(",")) mask |= kind(file, line, name).mask();
            return mask;
        }

        TaintModels build() {
            return new TaintModels(Map.copyOf(kinds), sources, entries, sinks, stores, returns, sanitizers, validators);
        }
    }

    private interface EntryHandler {
        void handle(int line, String[] words);
    }

    private static void forEachEntry(ModelFile file, EntryHandler handler) {
        String[] lines = file.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i];
            int comment = text.indexOf('#');
            if (comment >= 0) text = text.substring(0, comment);
            text = text.strip();
            if (!text.isEmpty()) handler.handle(i + 1, text.split("\\s+"));
        }
    }

    private static void require(ModelFile file, int line, String[] words, int count) {
        if (words.length < count) {
            throw new ModelError(file.name(), line, "'" + words[0] + "' needs " + (count - 1) + " fields");
        }
    }

    private static int integer(ModelFile file, int line, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ModelError(file.name(), line, "not a CWE number: " + text);
        }
    }

    public List<TaintKind> kinds() {
        return kinds.values().stream().sorted(java.util.Comparator.comparingInt(TaintKind::bit)).toList();
    }

    public Optional<TaintKind> kind(String name) {
        return Optional.ofNullable(kinds.get(name));
    }

    /** The kinds that data of a source category threatens, as a mask. */
    public long kindsThreatenedBy(String category) {
        long mask = 0;
        for (TaintKind kind : kinds.values()) {
            if (kind.sourceCategories().contains(category)) mask |= kind.mask();
        }
        return mask;
    }

    public Optional<Source> source(String name) {
        return sources.stream().filter(s -> s.name().matches(name)).findFirst();
    }

    public Optional<Entry> entry(List<String> decorators) {
        return entries.stream().filter(e -> decorators.stream().anyMatch(e.decorator()::matches)).findFirst();
    }

    public List<Sink> sinks(String callee) {
        return sinks.stream().filter(s -> s.callee().matches(callee)).toList();
    }

    public List<Store> stores(String target) {
        return stores.stream().filter(s -> s.target().matches(target)).toList();
    }

    public List<ReturnSink> returns(List<String> decorators) {
        return returns.stream().filter(r -> decorators.stream().anyMatch(r.decorator()::matches)).toList();
    }

    /** The kinds a call's result is safe for, as a mask (0 when the callee sanitises nothing). */
    public long sanitizedBy(String callee) {
        long mask = 0;
        for (Sanitizer sanitizer : sanitizers) {
            if (sanitizer.callee().matches(callee)) mask |= sanitizer.kinds();
        }
        return mask;
    }

    public List<Validator> validators(String callee) {
        return validators.stream().filter(v -> v.callee().matches(callee)).toList();
    }
}
