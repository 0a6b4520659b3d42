package dev.secreview.core.engine;

import java.nio.file.Path;

/**
 * A rule from outside the core that leaves paths found in a walk out of the review, such as git's ignore files
 * (kept out of the core, which reads no repository). Paths named in the request are always reviewed.
 */
public interface PathFilter {

    /** Leaves nothing out. */
    PathFilter NONE = new PathFilter() {
        @Override
        public boolean leavesOut(Path path, boolean folder) {
            return false;
        }

        @Override
        public String reason() {
            return "none";
        }
    };

    /** Whether {@code path}, a file or (with {@code folder}) a folder found in a walk, is left out. */
    boolean leavesOut(Path path, boolean folder);

    /** The word reports show for what this filter leaves out, e.g. {@code git-ignored}. */
    String reason();
}
