package dev.secreview.core.engine;

import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.SkippedPath;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Expands the paths a user gave into the files to review (the scanner sorts them). Directories are walked
 * recursively; a file or folder found there is left out only when it is provably not the project's source or the
 * user said so: version-control metadata ({@code .git}, {@code .hg}, {@code .svn}), {@code node_modules}, a
 * virtualenv (a folder with a {@code pyvenv.cfg}), an exclude glob, a file no include glob names, or the request's
 * {@link PathFilter} (git's ignore files). A folder is never left out for its name alone otherwise: {@code build/},
 * {@code venv/} or {@code dist/} can be packages. Every source file left out is counted in a {@link SkippedPath}.
 * A path named explicitly is always taken. Symbolic links to directories are not followed (they cause loops and
 * reviews of code outside the tree).
 */
public final class FileDiscovery {

    /** Folder names that hold no source of the project, whatever is in them. */
    static final Set<String> VERSION_CONTROL_FOLDERS = Set.of(".git", ".hg", ".svn");

    /** The file that makes a folder a virtualenv. */
    private static final String VIRTUALENV_MARKER = "pyvenv.cfg";

    /** Why a path was left out, as reports show it. */
    static final String VERSION_CONTROL = "version control";
    static final String NODE_MODULES = "node_modules";
    static final String VIRTUALENV = "virtualenv";
    static final String EXCLUDED = "excluded";
    static final String NOT_INCLUDED = "not included";

    /**
     * A file to review, the path a user should see for it, and its path inside the project: relative to
     * the scanned directory, or as given for a file named on the command line. What a path says about
     * the code (test code, an operator tool) is read from the project path, never from the folders above it.
     */
    public record Candidate(Path path, String displayPath, String projectPath) {
    }

    /**
     * The files to review; the paths that could not be walked (a root that does not exist, a directory that cannot
     * be read); the paths as given, in the form the review shows them, so a problem with one can be told apart
     * from a problem with a file found inside a directory; and what was left out on purpose.
     */
    public record Discovered(List<Candidate> files, List<Diagnostic> problems, Set<String> named,
                             List<SkippedPath> skipped) {
    }

    private final List<PathGlob> excludes;
    private final List<PathGlob> includes;
    private final PathFilter filter;
    private final Path displayBase;

    public FileDiscovery(List<String> excludeGlobs) {
        this(excludeGlobs, List.of(), PathFilter.NONE, null);
    }

    /**
     * Discovery that leaves out what {@code excludeGlobs} or {@code filter} name and, when there are
     * {@code includeGlobs}, every file none of them names; display paths are relative to {@code displayBase}
     * (when not null).
     */
    public FileDiscovery(List<String> excludeGlobs, List<String> includeGlobs, PathFilter filter, Path displayBase) {
        this.excludes = excludeGlobs.stream().map(PathGlob::of).toList();
        this.includes = includeGlobs.stream().map(PathGlob::of).toList();
        this.filter = filter;
        this.displayBase = displayBase == null ? null : displayBase.toAbsolutePath().normalize();
    }

    /** The discovery a request asks for. */
    static FileDiscovery of(ScanRequest request) {
        return new FileDiscovery(request.excludes(), request.includes(), request.pathFilter(), request.displayBase());
    }

    /**
     * Whether a file tells discovery what to leave out (a virtualenv's {@code pyvenv.cfg}): a copy of a tree made
     * for review (a commit checked out, a diff applied) must keep it, so that the copy is walked as the tree is.
     */
    public static boolean decidesWhatIsLeftOut(String path) {
        return Path.of(path).getFileName().toString().equals(VIRTUALENV_MARKER);
    }

    public Discovered discover(List<Path> roots, Predicate<Path> wanted) {
        List<Candidate> files = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        Set<String> named = new HashSet<>();
        List<SkippedPath> skipped = new ArrayList<>();
        for (Path root : roots) {
            String shown = slashes(root.toString());
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS) && !Files.exists(root)) {
                named.add(shown);
                problems.add(new Diagnostic(Diagnostic.Kind.NOT_FOUND, shown, 0, SourceReader.NO_SUCH_FILE));
            } else if (Files.isDirectory(root)) {
                named.add(shown);
                new Walk(root, wanted, files, problems, skipped).run();
            } else {
                String given = slashes(root.normalize().toString());
                Candidate file = new Candidate(root, shown(root, given), given);
                named.add(file.displayPath());
                files.add(file);
            }
        }
        return new Discovered(files, problems, named, skipped);
    }

    /** One named directory, walked. */
    private final class Walk implements FileVisitor<Path> {
        private final Path root;
        private final Predicate<Path> wanted;
        private final List<Candidate> files;
        private final List<Diagnostic> problems;
        private final List<SkippedPath> skipped;

        Walk(Path root, Predicate<Path> wanted, List<Candidate> files, List<Diagnostic> problems, List<SkippedPath> skipped) {
            this.root = root;
            this.wanted = wanted;
            this.files = files;
            this.problems = problems;
            this.skipped = skipped;
        }

        void run() {
            try {
                Files.walkFileTree(root, this);
            } catch (IOException e) {
                problems.add(new Diagnostic(Diagnostic.Kind.UNREADABLE, slashes(root.toString()), 0,
                        "cannot walk directory: " + e.getMessage()));
            }
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(root)) return FileVisitResult.CONTINUE;
            String why = whyLeftOut(dir);
            if (why == null) return FileVisitResult.CONTINUE;
            skip(dir, why, sourceFilesIn(dir));
            return FileVisitResult.SKIP_SUBTREE;
        }

        /** Why a folder found in the walk is not walked, or null when it is. */
        private String whyLeftOut(Path dir) {
            String name = dir.getFileName().toString();
            if (VERSION_CONTROL_FOLDERS.contains(name)) return VERSION_CONTROL;
            if (name.equals(NODE_MODULES)) return NODE_MODULES;
            if (Files.exists(dir.resolve(VIRTUALENV_MARKER))) return VIRTUALENV;
            if (matchesAny(excludes, slashes(root.relativize(dir).toString()), true)) return EXCLUDED;
            return filter.leavesOut(dir, true) ? filter.reason() : null;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            boolean regular = attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(file));
            if (!regular || !wanted.test(file)) return FileVisitResult.CONTINUE;
            String relative = slashes(root.relativize(file).toString());
            String why = matchesAny(excludes, relative, false) ? EXCLUDED
                    : filter.leavesOut(file, false) ? filter.reason()
                    : !includes.isEmpty() && !matchesAny(includes, relative, false) ? NOT_INCLUDED
                    : null;
            if (why == null) {
                files.add(new Candidate(file, displayPath(file), relative));
            } else {
                skip(file, why, 1);
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

        /** Only what would have been reviewed counts: a .git folder without Python files is not news. */
        private void skip(Path path, String why, int sourceFiles) {
            if (sourceFiles > 0) skipped.add(new SkippedPath(displayPath(path), why, sourceFiles));
        }

        /** The files a front end would have reviewed under a folder left out (links not followed, errors ignored). */
        private int sourceFilesIn(Path dir) {
            int[] count = {0};
            try {
                Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && wanted.test(file)) count[0]++;
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                // Only a count for the summary: what could be counted stands.
            }
            return count[0];
        }
    }

    private static boolean matchesAny(List<PathGlob> globs, String relative, boolean folder) {
        return globs.stream().anyMatch(glob -> glob.matches(relative, folder));
    }

    private String displayPath(Path file) {
        Path normalized = file.normalize();
        return shown(normalized, slashes(normalized.toString()));
    }

    private String shown(Path file, String otherwise) {
        if (displayBase == null) return otherwise;
        return slashes(displayBase.relativize(file.toAbsolutePath().normalize()).toString());
    }

    private static String slashes(String path) {
        return path.replace('\\', '/');
    }
}
