package dev.secreview.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder of analyses kept across runs, one file per entry named by the SHA-256 of what it was made from (so a
 * changed input is a different entry, never a stale one). Safe when several scans share it: an entry is written
 * to a temporary file and moved into place in one step, and an entry that cannot be read is as good as absent.
 * Bounded: {@link #prune} removes the least recently used entries beyond a size.
 */
final class CacheDirectory {

    private static final String SUFFIX = ".entry";

    private final Path root;

    CacheDirectory(Path root) {
        this.root = root;
    }

    /** The entry stored under {@code key}, when there is a readable one of that type. */
    <T> Optional<T> read(String key, Class<T> type) {
        Path file = fileOf(key);
        try (InputStream bytes = Files.newInputStream(file);
             ObjectInputStream in = new ObjectInputStream(new java.io.BufferedInputStream(bytes, 1 << 16))) {
            Object stored = in.readObject();
            if (!type.isInstance(stored)) return Optional.empty();
            touch(file);
            return Optional.of(type.cast(stored));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // Truncated by a crash, or written by another build that shares the folder: recompute it.
            deleteQuietly(file);
            return Optional.empty();
        }
    }

    /** Stores {@code value} under {@code key}; a failure to write only means it will be computed again. */
    void write(String key, Serializable value) {
        Path file = fileOf(key);
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary = Files.createTempFile(file.getParent(), "write-", ".tmp");
            try (OutputStream bytes = Files.newOutputStream(temporary);
                 ObjectOutputStream out = new ObjectOutputStream(new java.io.BufferedOutputStream(bytes, 1 << 16))) {
                out.writeObject(value);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            if (temporary != null) deleteQuietly(temporary);
        }
    }

    /** Removes the least recently used entries until the folder holds at most {@code maxBytes}. */
    void prune(long maxBytes) {
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, 2)) {
            walk.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).forEach(entries::add);
        } catch (IOException | RuntimeException e) {
            return;
        }
        record Sized(Path path, long bytes, FileTime used) {
        }
        List<Sized> sized = new ArrayList<>();
        long total = 0;
        for (Path entry : entries) {
            try {
                Sized s = new Sized(entry, Files.size(entry), Files.getLastModifiedTime(entry));
                sized.add(s);
                total += s.bytes();
            } catch (IOException e) {
                // removed by another scan meanwhile
            }
        }
        if (total <= maxBytes) return;
        sized.sort(Comparator.comparing(Sized::used));
        for (Sized entry : sized) {
            if (total <= maxBytes) break;
            deleteQuietly(entry.path());
            total -= entry.bytes();
        }
    }

    private Path fileOf(String key) {
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2) + SUFFIX);
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // the entry still serves; only its age is off
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // another scan may hold or have removed it
        }
    }
}
