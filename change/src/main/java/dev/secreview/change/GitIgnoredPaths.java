package dev.secreview.change;

import dev.secreview.core.engine.PathFilter;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.ignore.IgnoreNode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The paths git ignores, read with JGit from the repository that holds each path (the nearest folder above it with
 * a {@code .git}): an untracked path is ignored when it or a folder above it matches the {@code .gitignore} files
 * from its own folder up to the repository's root (the nearer file wins) or {@code info/exclude}. A tracked path is
 * never ignored, as in git. The user's global excludes file ({@code core.excludesFile}) is not read, so that the
 * review of a tree does not depend on who runs it. Outside a repository nothing is ignored. One instance serves one
 * walk (it caches what it reads; not thread-safe).
 */
public final class GitIgnoredPaths implements PathFilter {

    private final Map<Path, Optional<Rules>> rulesByFolder = new HashMap<>();

    @Override
    public boolean leavesOut(Path path, boolean folder) {
        Path absolute = path.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        return parent != null && rules(parent).map(r -> r.ignores(absolute, folder)).orElse(false);
    }

    @Override
    public String reason() {
        return "git-ignored";
    }

    /** The rules of the repository whose work tree holds {@code folder}, if any. */
    private Optional<Rules> rules(Path folder) {
        Optional<Rules> known = rulesByFolder.get(folder);
        if (known != null) return known;
        Optional<Rules> found;
        if (Files.exists(folder.resolve(".git"))) {
            found = Rules.read(folder);
        } else {
            Path parent = folder.getParent();
            found = parent == null ? Optional.empty() : rules(parent);
        }
        rulesByFolder.put(folder, found);
        return found;
    }

    /** One repository's tracked paths and ignore files. */
    private static final class Rules {
        private final Path workTree;
        private final DirCache index;
        private final IgnoreNode infoExclude;
        private final Map<String, IgnoreNode> gitignoreByFolder = new HashMap<>();
        private final Map<String, Boolean> folderIgnored = new HashMap<>();

        private Rules(Path workTree, DirCache index, IgnoreNode infoExclude) {
            this.workTree = workTree;
            this.index = index;
            this.infoExclude = infoExclude;
        }

        /** The rules of the repository at {@code workTree}; none when it cannot be read (then nothing is ignored). */
        static Optional<Rules> read(Path workTree) {
            RepositoryReading.prepare();
            try (Repository repo = new FileRepositoryBuilder().setWorkTree(workTree.toFile())
                    .findGitDir(workTree.toFile()).build()) {
                IgnoreNode exclude = parse(repo.getCommonDirectory().toPath().resolve("info").resolve("exclude"));
                return Optional.of(new Rules(workTree, repo.readDirCache(), exclude));
            } catch (IOException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        boolean ignores(Path absolute, boolean folder) {
            String relative = workTree.relativize(absolute).toString().replace('\\', '/');
            if (relative.isEmpty() || tracked(relative, folder)) return false;
            // Git does not look inside an ignored folder, so an untracked path under one is ignored whatever
            // the rules say of the path itself.
            for (int slash = relative.indexOf('/'); slash >= 0; slash = relative.indexOf('/', slash + 1)) {
                if (ignoredFolder(relative.substring(0, slash))) return true;
            }
            return folder ? ignoredFolder(relative) : matched(relative, false);
        }

        private boolean tracked(String relative, boolean folder) {
            return folder ? index.getEntriesWithin(relative).length > 0 : index.findEntry(relative) >= 0;
        }

        private boolean ignoredFolder(String relative) {
            return folderIgnored.computeIfAbsent(relative, path -> matched(path, true));
        }

        /** What the nearest ignore file with a rule for {@code relative} says; info/exclude comes last. */
        private boolean matched(String relative, boolean folder) {
            for (String base = parentOf(relative); ; base = parentOf(base)) {
                String inBase = base.isEmpty() ? relative : relative.substring(base.length() + 1);
                Boolean verdict = gitignore(base).checkIgnored(inBase, folder);
                if (verdict != null) return verdict;
                if (base.isEmpty()) break;
            }
            Boolean excluded = infoExclude.checkIgnored(relative, folder);
            return excluded != null && excluded;
        }

        private static String parentOf(String relative) {
            int slash = relative.lastIndexOf('/');
            return slash < 0 ? "" : relative.substring(0, slash);
        }

        private IgnoreNode gitignore(String folder) {
            return gitignoreByFolder.computeIfAbsent(folder, f -> parse(workTree.resolve(f).resolve(".gitignore")));
        }

        /** The rules of an ignore file; none when it is absent or cannot be read. */
        private static IgnoreNode parse(Path file) {
            IgnoreNode node = new IgnoreNode();
            if (!Files.isRegularFile(file)) return node;
            try (InputStream in = Files.newInputStream(file)) {
                node.parse(file.toString(), in);
            } catch (IOException e) {
                return new IgnoreNode();
            }
            return node;
        }
    }
}
