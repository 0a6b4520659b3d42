package dev.secreview.change;

import java.nio.file.Path;

/**
 * The two versions of a tree a change turns one into the other, with the change itself. {@code scope} is the folder
 * under review relative to both roots ("" for the whole tree). A version that is not the user's own tree is a copy in
 * memory ({@link Checkouts}); closing this frees it.
 */
public final class ChangeUnderReview implements AutoCloseable {
    private final Path oldRoot;
    private final Path newRoot;
    private final String scope;
    private final Change change;
    private final String description;
    private final Checkouts checkouts;

    ChangeUnderReview(Path oldRoot, Path newRoot, String scope, Change change, String description, Checkouts checkouts) {
        this.oldRoot = oldRoot;
        this.newRoot = newRoot;
        this.scope = scope;
        this.change = change;
        this.description = description;
        this.checkouts = checkouts;
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
        checkouts.close();
    }
}
