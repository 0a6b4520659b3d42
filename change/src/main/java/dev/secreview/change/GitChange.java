package dev.secreview.change;

import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.NotIgnoredFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * A change in a git repository, read with JGit: from a base commit to a head commit, to the staged changes (the
 * index) or to the working tree (untracked files included, ignored ones not). Commits and the index are checked
 * out into memory ({@link Checkouts}; only the files the caller's predicate names: those a front end reviews and those
 * discovery decides by); the working tree is reviewed where it is.
 * Submodules are left out (their code is another repository's); symbolic links are not followed.
 */
public final class GitChange {

    /** What the new side of the change is. */
    public enum Head { COMMIT, INDEX, WORKING_TREE }

    /** Threads that check files out at most. */
    private static final int CHECKOUT_THREADS = 4;

    private GitChange() {
    }

    /**
     * Opens the change {@code range} ("BASE..HEAD", "BASE.." or "BASE": BASE to the working tree) of the
     * repository that holds {@code path}; with {@code staged}, BASE (default HEAD) to the index.
     * {@code reviewed} says which files to check out.
     */
    public static ChangeUnderReview open(Path path, String range, boolean staged, Predicate<String> reviewed)
            throws ChangeException {
        Path target = path.toAbsolutePath().normalize();
        if (!Files.exists(target)) throw new ChangeException(path + ": no such file or directory");
        try (Repository repo = openRepository(target)) {
            Path workTree = repo.getWorkTree().toPath().toAbsolutePath().normalize();
            String scope = slashes(workTree.relativize(Files.isDirectory(target) ? target : target.getParent()).toString());
            String[] ends = range.split("\\.\\.", -1);
            if (ends.length > 2 || ends[0].isEmpty() && ends.length == 1) {
                throw new ChangeException("bad range `" + range + "`: expected BASE, BASE..HEAD or BASE..");
            }
            String baseName = ends[0].isEmpty() ? Constants.HEAD : ends[0];
            String headName = ends.length == 2 && !ends[1].isEmpty() ? ends[1] : null;
            if (staged && headName != null) throw new ChangeException("--staged compares BASE with the index: give no HEAD");
            Head head = staged ? Head.INDEX : headName != null ? Head.COMMIT : Head.WORKING_TREE;
            return open(repo, workTree, scope, baseName, headName, head, reviewed);
        } catch (IOException e) {
            throw new ChangeException("cannot read the git repository of " + path + ": " + e.getMessage(), e);
        }
    }

    private static Repository openRepository(Path target) throws ChangeException, IOException {
        RepositoryReading.prepare();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(target.toFile());
        if (builder.getGitDir() == null) throw new ChangeException(target + " is not inside a git repository");
        try {
            Repository repo = builder.setMustExist(true).build();
            if (repo.isBare()) {
                repo.close();
                throw new ChangeException(builder.getGitDir() + " is a bare repository: review a clone with a work tree");
            }
            return repo;
        } catch (RepositoryNotFoundException e) {
            throw new ChangeException(target + " is not inside a git repository");
        }
    }

    private static ChangeUnderReview open(Repository repo, Path workTree, String scope, String baseName, String headName,
                                          Head head, Predicate<String> reviewed) throws IOException, ChangeException {
        Checkouts checkouts = new Checkouts();
        boolean done = false;
        try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader()) {
            RevCommit base = commit(repo, walk, baseName);
            Path oldRoot = checkouts.folder("base");

            Path newRoot;
            AbstractTreeIterator newTree;
            String description;
            if (head == Head.COMMIT) {
                RevCommit headCommit = commit(repo, walk, headName);
                newRoot = checkouts.folder("head");
                checkOut(repo, List.of(treeOf(base, reader), treeOf(headCommit, reader)), List.of(oldRoot, newRoot),
                        scope, reviewed);
                newTree = treeOf(headCommit, reader);
                description = abbreviate(base) + ".." + abbreviate(headCommit);
            } else if (head == Head.INDEX) {
                checkOut(repo, List.of(treeOf(base, reader)), List.of(oldRoot), scope, reviewed);
                newRoot = checkouts.folder("index");
                checkOut(repo, List.of(new DirCacheIterator(repo.readDirCache())), List.of(newRoot), scope, reviewed);
                newTree = new DirCacheIterator(repo.readDirCache());
                description = abbreviate(base) + " to the staged changes";
            } else {
                checkOut(repo, List.of(treeOf(base, reader)), List.of(oldRoot), scope, reviewed);
                newRoot = workTree;
                newTree = new FileTreeIterator(repo);
                description = abbreviate(base) + " to the working tree";
            }
            Change change = diff(repo, treeOf(base, reader), newTree, scope, head == Head.WORKING_TREE);
            done = true;
            return new ChangeUnderReview(oldRoot, newRoot, scope, change, description, checkouts);
        } finally {
            if (!done) checkouts.close();
        }
    }

    private static RevCommit commit(Repository repo, RevWalk walk, String name) throws IOException, ChangeException {
        ObjectId id;
        try {
            id = repo.resolve(name + "^{commit}");
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException | org.eclipse.jgit.errors.AmbiguousObjectException e) {
            throw new ChangeException("`" + name + "` is not a revision of " + repo.getWorkTree() + ": " + e.getMessage());
        }
        if (id == null) {
            String shallow = repo.getObjectDatabase().getShallowCommits().isEmpty() ? ""
                    : " (this is a shallow clone: fetch the history it needs, e.g. `git fetch --deepen=50`)";
            throw new ChangeException("`" + name + "` does not exist in " + repo.getWorkTree() + shallow);
        }
        try {
            return walk.parseCommit(id);
        } catch (org.eclipse.jgit.errors.MissingObjectException e) {
            throw new ChangeException("`" + name + "` is not in this clone (a shallow clone? fetch more history)");
        }
    }

    private static CanonicalTreeParser treeOf(RevCommit commit, ObjectReader reader) throws IOException {
        CanonicalTreeParser tree = new CanonicalTreeParser();
        tree.reset(reader, commit.getTree());
        return tree;
    }

    /** A file to write: its path, and its object in each tree (null where the tree has no such file). */
    private record FileToWrite(String path, ObjectId[] objects) {
    }

    /**
     * Writes the reviewed files under {@code scope} of each tree into its root, walking the trees side by side: a
     * file the same in several (most of them, in a change) is read from the repository once. Reading objects out of
     * their packs is most of the time: the files are shared out between a few threads.
     */
    private static void checkOut(Repository repo, List<AbstractTreeIterator> trees, List<Path> roots, String scope,
                                 Predicate<String> reviewed) throws IOException {
        List<FileToWrite> files = new ArrayList<>();
        Set<Path> folders = new LinkedHashSet<>();
        try (TreeWalk walk = new TreeWalk(repo)) {
            trees.forEach(walk::addTree);
            walk.setRecursive(true);
            if (!scope.isEmpty()) walk.setFilter(PathFilter.create(scope));
            while (walk.next()) {
                String path = walk.getPathString();
                if (!reviewed.test(path)) continue;
                ObjectId[] objects = new ObjectId[trees.size()];
                for (int i = 0; i < objects.length; i++) {
                    FileMode mode = walk.getFileMode(i);
                    if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                        objects[i] = walk.getObjectId(i);
                        folders.add(roots.get(i).resolve(path).getParent());
                    }
                }
                files.add(new FileToWrite(path, objects));
            }
        }
        for (Path folder : folders) Files.createDirectories(folder);
        int threads = Math.min(CHECKOUT_THREADS, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> shares = new ArrayList<>();
            for (int first = 0; first < threads; first++) {
                int share = first;
                shares.add(pool.submit(() -> {
                    write(repo, files, share, threads, roots);
                    return null;
                }));
            }
            for (Future<Void> share : shares) share.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("checking out was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException failure) throw failure;
            if (e.getCause() instanceof RuntimeException failure) throw failure;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Writes every {@code step}-th file from {@code first} into the roots of the trees that have it. */
    private static void write(Repository repo, List<FileToWrite> files, int first, int step, List<Path> roots)
            throws IOException {
        try (ObjectReader reader = repo.newObjectReader()) {
            for (int f = first; f < files.size(); f += step) {
                FileToWrite file = files.get(f);
                ObjectId loadedId = null;
                ObjectLoader loaded = null;
                for (int i = 0; i < roots.size(); i++) {
                    ObjectId id = file.objects()[i];
                    if (id == null) continue;
                    if (!id.equals(loadedId)) {
                        loadedId = id;
                        loaded = reader.open(id);
                    }
                    Path written = roots.get(i).resolve(file.path());
                    if (loaded.isLarge()) {
                        try (var out = Files.newOutputStream(written)) {
                            loaded.copyTo(out);
                        }
                    } else {
                        Files.write(written, loaded.getCachedBytes());
                    }
                }
            }
        }
    }

    private static Change diff(Repository repo, AbstractTreeIterator oldTree, AbstractTreeIterator newTree, String scope,
                               boolean workingTree) throws IOException {
        try (DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            formatter.setRepository(repo);
            formatter.setDetectRenames(true);
            TreeFilter filter = workingTree ? new NotIgnoredFilter(1) : TreeFilter.ALL;
            if (!scope.isEmpty()) filter = AndTreeFilter.create(PathFilter.create(scope), filter);
            formatter.setPathFilter(filter);
            List<ChangedFile> files = new ArrayList<>();
            for (DiffEntry entry : formatter.scan(oldTree, newTree)) {
                if (entry.getNewMode() == FileMode.GITLINK || entry.getOldMode() == FileMode.GITLINK) continue;
                BitSet lines = new BitSet();
                for (Edit edit : formatter.toFileHeader(entry).toEditList()) lines.set(edit.getBeginB() + 1, edit.getEndB() + 1);
                String oldPath = entry.getChangeType() == DiffEntry.ChangeType.ADD ? null : entry.getOldPath();
                String newPath = entry.getChangeType() == DiffEntry.ChangeType.DELETE ? null : entry.getNewPath();
                files.add(new ChangedFile(oldPath, newPath, lines));
            }
            return new Change(files);
        }
    }

    private static String abbreviate(RevCommit commit) {
        return commit.abbreviate(10).name();
    }

    static String slashes(String path) {
        return path.replace('\\', '/');
    }
}
