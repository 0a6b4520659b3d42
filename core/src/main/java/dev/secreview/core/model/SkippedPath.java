package dev.secreview.core.model;

/**
 * A file or folder a scan left out on purpose, and how many source files that kept from the review: a virtualenv,
 * version-control metadata, {@code node_modules}, a git-ignored path, an excluded path or a file not included.
 * {@code reason} is the word reports show for why ({@code git-ignored}, {@code virtualenv}, ...).
 */
public record SkippedPath(String path, String reason, int files) implements Comparable<SkippedPath> {

    @Override
    public int compareTo(SkippedPath other) {
        int c = path.compareTo(other.path);
        return c != 0 ? c : reason.compareTo(other.reason);
    }
}
