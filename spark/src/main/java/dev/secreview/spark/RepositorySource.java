package dev.secreview.spark;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * One repository to review, as the job's input names it: a local folder (reviewed where it is), a local bare
 * repository or a git URL (cloned on the executor), and the revision to review: a commit, tag or branch; null for
 * the folder as it is, or a clone's HEAD. A local folder with a revision is cloned too, at that revision.
 */
public record RepositorySource(String repository, String revision) implements Serializable {

    /** {@code https://…}, {@code ssh://…}, {@code file://…} or scp's {@code user@host:path}. */
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*|^[^/@:\\s]+@[^/:\\s]+:.*");

    public RepositorySource {
        if (repository == null || repository.isBlank()) throw new IllegalArgumentException("no repository");
        if (revision != null && revision.isBlank()) revision = null;
    }

    /** Whether the repository is named by a URL, not a local path. */
    boolean isUrl() {
        return URL.matcher(repository).matches();
    }
}
