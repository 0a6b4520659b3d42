package dev.secreview.change;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
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

    @Override
    public void close() {
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
