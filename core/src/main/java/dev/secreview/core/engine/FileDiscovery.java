package dev.secreview.core.engine;

import dev.secreview.core.model.Diagnostic;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Expands the paths a user gave into the files to review (the scanner sorts them). Directories are
 * walked recursively, skipping version-control folders, virtualenvs, dependency folders and whatever the
 * user excluded; a file named explicitly is always taken. Symbolic links to directories are not
 * followed (they cause loops and reviews of code outside the tree).
 */
public final class FileDiscovery {

    /** Folder names that never hold the project's own code. */
    static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv",
            ".eggs", "node_modules", "__pycache__", "site-packages", "dist-packages", ".mypy_cache",
            ".pytest_cache", ".ruff_cache", "build", "dist");

    /**
     * A file to review, the path a user should see for it, and its path inside the project: relative to
     * the scanned directory, or as given for a file named on the command line. What a path says about
     * the code (test code, an operator tool) is read from the project path, never from the folders above it.
     */
    public record Candidate(Path path, String displayPath, String projectPath) {
    }

    /**
     * The files to review; the paths that could not be walked (a root that does not exist, a directory that cannot
     * be read); and the paths as given, in the form the review shows them, so a problem with one can be told apart
     * from a problem with a file found inside a directory.
     */
    public record Discovered(List<Candidate> files, List<Diagnostic> problems, Set<String> named) {
    }

    private final List<PathMatcher> excludes;
    private final Path displayBase;

    public FileDiscovery(List<String> excludeGlobs) {
        this(excludeGlobs, null);
    }

    /** Discovery whose display paths are relative to {@code displayBase} (when not null). */
    public FileDiscovery(List<String> excludeGlobs, Path displayBase) {
        this.excludes = excludeGlobs.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .toList();
        this.displayBase = displayBase == null ? null : displayBase.toAbsolutePath().normalize();
    }

    public Discovered discover(List<Path> roots, Predicate<Path> wanted) {
        List<Candidate> files = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (Path root : roots) {
            String shown = slashes(root.toString());
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS) && !Files.exists(root)) {
                named.add(shown);
                problems.add(new Diagnostic(Diagnostic.Kind.NOT_FOUND, shown, 0, SourceReader.NO_SUCH_FILE));
            } else if (Files.isDirectory(root)) {
                named.add(shown);
                walk(root, wanted, files, problems);
            } else {
                String given = slashes(root.normalize().toString());
                Candidate file = new Candidate(root, shown(root, given), given);
                named.add(file.displayPath());
                files.add(file);
            }
        }
        return new Discovered(files, problems, named);
    }

    private void walk(Path root, Predicate<Path> wanted, List<Candidate> files, List<Diagnostic> problems) {
        try {
            Files.walkFileTree(root, new FileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) return FileVisitResult.CONTINUE;
                    String name = dir.getFileName().toString();
                    if (SKIPPED_DIRECTORIES.contains(name) || Files.exists(dir.resolve("pyvenv.cfg"))
                            || excluded(root.relativize(dir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Path relative = root.relativize(file);
                    boolean regular = attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(file));
                    if (regular && wanted.test(file) && !excluded(relative)) {
                        files.add(new Candidate(file, displayPath(root, relative), slashes(relative.toString())));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied" : "I/O error";
                    problems.add(new Diagnostic(Diagnostic.Kind.UNREADABLE, slashes(file.toString()), 0, "cannot read: " + why));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(new Diagnostic(Diagnostic.Kind.UNREADABLE, slashes(root.toString()), 0,
                    "cannot walk directory: " + e.getMessage()));
        }
    }

    /** A relative path is excluded when a glob matches it, its file name, or one of its parent folders. */
    private boolean excluded(Path relative) {
        for (PathMatcher matcher : excludes) {
            if (matcher.matches(relative) || matcher.matches(relative.getFileName())) return true;
            for (Path p = relative.getParent(); p != null; p = p.getParent()) {
                if (matcher.matches(p)) return true;
            }
        }
        return false;
    }

    private String displayPath(Path root, Path relative) {
        Path file = root.resolve(relative).normalize();
        return shown(file, slashes(file.toString()));
    }

    private String shown(Path file, String otherwise) {
        if (displayBase == null) return otherwise;
        return slashes(displayBase.relativize(file.toAbsolutePath().normalize()).toString());
    }

    private static String slashes(String path) {
        return path.replace('\\', '/');
    }
}
