package dev.secreview.core.engine;

import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.SourceFile;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Analyses reused instead of computed again. In memory, per-file analyses are shared by scans of trees that have
 * most files in common, such as the two sides of a change: a file with the same paths and the same text is
 * analysed once. On disk ({@link #onDisk}), they also survive the run, and so does the outcome of the
 * whole-tree phase for a tree whose every file, threat model and rule is the same: a second review of an
 * unchanged tree reads its result back. Every entry is keyed by the SHA-256 of what it was made from, including
 * the identity of the code that made it, so a changed file, rule or model is a new entry. Thread-safe.
 */
public final class AnalysisCache implements TreeMemo {

    /** What the disk cache may hold at most; the least recently used entries go first. */
    public static final long MAX_BYTES = 512L * 1024 * 1024;

    private record Key(String displayPath, String projectPath, String text) {
    }

    /** The whole-tree phase's result for one tree: the reports before rule selection, and its own problems. */
    record TreeOutcome(List<FileReport> reports, List<Diagnostic> problems) implements Serializable {
    }

    private final ConcurrentMap<Key, FileAnalysis> analyses = new ConcurrentHashMap<>();
    /** Front ends' whole-tree results: under their digests with a disk cache, else under what they are made from. */
    private final ConcurrentMap<Object, Object> remembered = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, String> fileKeys = new ConcurrentHashMap<>();
    private final CacheDirectory disk;
    private final String codeIdentity;

    /** A cache for this process only. */
    public AnalysisCache() {
        this(null, "");
    }

    private AnalysisCache(CacheDirectory disk, String codeIdentity) {
        this.disk = disk;
        this.codeIdentity = codeIdentity;
    }

    /**
     * A cache kept in {@code directory} for the code {@code codeIdentity} names (it must change whenever the
     * analysis code, its rules or its models do: see {@link Scanner#codeIdentity()}).
     */
    public static AnalysisCache onDisk(Path directory, String codeIdentity) {
        return new AnalysisCache(new CacheDirectory(directory), codeIdentity);
    }

    boolean onDisk() {
        return disk != null;
    }

    FileAnalysis analysis(SourceFile source, Function<SourceFile, FileAnalysis> analyse) {
        Key key = new Key(source.displayPath(), source.projectPath(), source.text());
        FileAnalysis known = analyses.get(key);
        if (known != null) return known;
        String stored = disk == null ? null : fileKey(source);
        FileAnalysis fresh = stored == null ? null : disk.read(stored, FileAnalysis.class).orElse(null);
        if (fresh == null) {
            fresh = analyse.apply(source);
            if (stored != null) disk.write(stored, fresh);
        }
        FileAnalysis raced = analyses.putIfAbsent(key, fresh);
        return raced != null ? raced : fresh;
    }

    /**
     * The key of one file's own analysis: its paths and text, and the code that analyses it. Worked out once per
     * file and run (a memo's key names the files again).
     */
    String fileKey(SourceFile source) {
        return fileKeys.computeIfAbsent(new Key(source.displayPath(), source.projectPath(), source.text()),
                file -> keyOf("file", file.displayPath(), file.projectPath(), file.text()));
    }

    Optional<TreeOutcome> tree(String key) {
        return disk == null ? Optional.empty() : disk.read(key, TreeOutcome.class);
    }

    void putTree(String key, TreeOutcome outcome) {
        if (disk == null) return;
        disk.write(key, outcome);
        disk.prune(MAX_BYTES);
    }

    /**
     * A front end's own whole-tree result for {@code input}: kept in memory (the two sides of a change often share
     * it) and, with a disk cache, on disk.
     */
    @Override
    public <T extends Serializable> T remembered(List<String> input, List<SourceFile> files, Class<T> type,
                                                 Supplier<T> compute) {
        Object key = disk == null ? inMemoryKey(input, files, type) : diskKey(input, files, type);
        Object known = remembered.get(key);
        if (type.isInstance(known)) return type.cast(known);
        T result = disk == null ? null : disk.read((String) key, type).orElse(null);
        if (result == null) {
            result = compute.get();
            if (disk != null) disk.write((String) key, result);
        }
        remembered.putIfAbsent(key, result);
        return result;
    }

    private String diskKey(List<String> input, List<SourceFile> files, Class<?> type) {
        List<String> parts = new ArrayList<>();
        parts.add("memo " + type.getName());
        parts.addAll(input);
        for (SourceFile file : files) parts.add(fileKey(file));
        return keyOf(parts.toArray(String[]::new));
    }

    /** Without a disk the files themselves are the key: their texts compare and hash faster than they digest. */
    private static List<Object> inMemoryKey(List<String> input, List<SourceFile> files, Class<?> type) {
        List<Object> key = new ArrayList<>(input.size() + files.size() + 1);
        key.add(type);
        key.addAll(input);
        for (SourceFile file : files) key.add(new Key(file.displayPath(), file.projectPath(), file.text()));
        return key;
    }

    /** The key of a whole-tree result: the code, and every part the caller names (the files' keys, the threat models). */
    String treeKey(List<String> parts) {
        String[] all = new String[parts.size() + 1];
        all[0] = "tree";
        for (int i = 0; i < parts.size(); i++) all[i + 1] = parts.get(i);
        return keyOf(all);
    }

    /** The key of an entry made from {@code parts} (the first says what it is) by this code. */
    private String keyOf(String... parts) {
        String[] all = new String[parts.length + 1];
        all[0] = parts[0];
        all[1] = codeIdentity;
        System.arraycopy(parts, 1, all, 2, parts.length - 1);
        return sha256(all);
    }

    private static String sha256(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
