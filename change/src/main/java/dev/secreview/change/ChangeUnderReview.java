package dev.secreview.change;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The two versions of a tree a change turns one into the other, on disk, with the change itself. {@code scope} is
 * the folder under review relative to both roots ("" for the whole tree). Closing it deletes the temporary
 * checkouts it made (never the user's own tree).
 */
public final class ChangeUnderReview implements AutoCloseable {
    private final Path oldRoot;
    private final Path newRoot;
    private final String scope;
    private final Change change;
    private final String description;
    private final List<Path> temporary;
    private final Map<Path, Thread> deleting = new ConcurrentHashMap<>();

    ChangeUnderReview(Path oldRoot, Path newRoot, String scope, Change change, String description, List<Path> temporary) {
        this.oldRoot = oldRoot;
        this.newRoot = newRoot;
        this.scope = scope;
        this.change = change;
        this.description = description;
        this.temporary = List.copyOf(temporary);
    }

    public Path oldRoot() {
        return oldRoot;
    }

    public Path newRoot() {
        return newRoot;
    }

    public Path oldScope() {
        return scope.isEmpty() ? oldRoot : oldRoot.resolve(scope);
    }

    public Path newScope() {
        return scope.isEmpty() ? newRoot : newRoot.resolve(scope);
    }

    public Change change() {
        return change;
    }

    /** What is compared, for people: "abc1234..def5678", "HEAD..the staged changes", "change.patch on src". */
    public String description() {
        return description;
    }

    /**
     * The review has read the version at {@code root}: a temporary copy of it is deleted from now on, in the
     * background (deleting many files is slow on some disks); {@link #close} waits for it.
     */
    public void release(Path root) {
        if (!temporary.contains(root)) return;
        Thread deleter = new Thread(() -> {
            try {
                deleteTree(root);
            } catch (UncheckedIOException e) {
                // close() tries again and reports it
            }
        }, "secreview-delete-checkout");
        deleter.setDaemon(true);
        if (deleting.putIfAbsent(root, deleter) == null) deleter.start();
    }

    @Override
    public void close() {
        for (Thread deleter : deleting.values()) {
            try {
                deleter.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Path dir : temporary) deleteTree(dir);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary checkout " + dir, e);
        }
    }
}
