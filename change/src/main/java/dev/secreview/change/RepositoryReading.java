package dev.secreview.change;

import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How this module reads repositories with JGit: without the system's git configuration. To find that file JGit runs
 * {@code git} twice ({@code git --version}, {@code git config --system --show-origin}) in every process that opens
 * a repository, a scan of a folder in one included; and a review must not depend on the settings of the machine it runs on (the user's
 * global ignore file is left out for the same reason, see {@link GitIgnoredPaths}). JGit reads the setting through
 * its {@link SystemReader}, process-wide: this installs a reader whose system configuration is empty, as JGit's
 * own is under {@code GIT_CONFIG_NOSYSTEM}.
 */
final class RepositoryReading {

    private static final AtomicBoolean PREPARED = new AtomicBoolean();

    private RepositoryReading() {
    }

    /** Installs the reader, once per process, before a repository is opened. */
    static void prepare() {
        if (!PREPARED.compareAndSet(false, true)) return;
        SystemReader.setInstance(new SystemReader.Delegate(SystemReader.getInstance()) {
            @Override
            public FileBasedConfig openSystemConfig(Config parent, FS fs) {
                return new FileBasedConfig(parent, null, fs) {
                    @Override
                    public void load() {
                        // no file: an empty configuration
                    }

                    @Override
                    public boolean isOutdated() {
                        return false;
                    }
                };
            }
        });
    }
}
