package dev.secreview.change;

import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.Patch;
import org.eclipse.jgit.patch.PatchApplier;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A change given as a unified diff (from git, diff -u or any review tool), applied to the tree in a folder: the
 * folder is the old version; the new one is a copy in memory of the files the caller's predicate names (those its
 * review would read) with the diff applied by JGit's patch applier (in memory, on the files the diff touches). Paths
 * in the diff are relative to the folder (git's {@code a/} and {@code b/} prefixes are understood).
 */
public final class PatchChange {

    private PatchChange() {
    }

    public static ChangeUnderReview open(Path root, Path diffFile, Predicate<String> reviewed) throws ChangeException {
        if (!Files.isDirectory(root)) throw new ChangeException(root + ": not a directory (--diff applies to a folder)");
        Patch patch = parse(diffFile);
        Checkouts checkouts = new Checkouts();
        boolean done = false;
        try {
            Path newRoot = checkouts.folder("patched");
            copyReviewed(root, newRoot, reviewed);
            List<ChangedFile> files = apply(patch, root, newRoot, diffFile);
            done = true;
            return new ChangeUnderReview(root, newRoot, "", new Change(files), diffFile.getFileName() + " on " + root,
                    checkouts);
        } catch (IOException e) {
            throw new ChangeException("cannot apply " + diffFile + " to " + root + ": " + e.getMessage(), e);
        } finally {
            if (!done) checkouts.close();
        }
    }

    private static Patch parse(Path diffFile) throws ChangeException {
        Patch patch = new Patch();
        try (InputStream in = Files.newInputStream(diffFile)) {
            patch.parse(in);
        } catch (NoSuchFileException e) {
            throw new ChangeException(diffFile + ": no such file");
        } catch (IOException e) {
            throw new ChangeException(diffFile + ": cannot be read: " + e.getMessage());
        }
        if (!patch.getErrors().isEmpty()) {
            throw new ChangeException(diffFile + ": not a unified diff: " + patch.getErrors().get(0).getMessage());
        }
        if (patch.getFiles().isEmpty()) throw new ChangeException(diffFile + ": no file changes in the diff");
        return patch;
    }

    private static void copyReviewed(Path root, Path copy, Predicate<String> reviewed) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = GitChange.slashes(root.relativize(file).toString());
                if (relative.startsWith(".git/") || !reviewed.test(relative)) continue;
                Path target = copy.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    /** Applies the diff to the files it touches, in memory, and writes the results into the new tree. */
    private static List<ChangedFile> apply(Patch patch, Path oldRoot, Path newRoot, Path diffFile)
            throws IOException, ChangeException {
        try (InMemoryRepository repo = new InMemoryRepository(new DfsRepositoryDescription("patched"));
             ObjectInserter inserter = repo.newObjectInserter();
             RevWalk walk = new RevWalk(repo)) {
            Set<String> touched = new LinkedHashSet<>();
            for (FileHeader file : patch.getFiles()) {
                if (file.getChangeType() != DiffEntry.ChangeType.ADD) touched.add(file.getOldPath());
            }
            DirCache before = DirCache.newInCore();
            DirCacheBuilder builder = before.builder();
            for (String path : touched) {
                Path onDisk = oldRoot.resolve(path);
                if (!Files.isRegularFile(onDisk)) {
                    throw new ChangeException(diffFile + " does not apply to " + oldRoot + ": " + path + " is not there");
                }
                DirCacheEntry entry = new DirCacheEntry(path);
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, Files.readAllBytes(onDisk)));
                builder.add(entry);
            }
            builder.finish();
            ObjectId beforeId = before.writeTree(inserter);
            inserter.flush();
            RevTree beforeTree = walk.parseTree(beforeId);
            PatchApplier.Result applied = new PatchApplier(repo, beforeTree, inserter).applyPatch(patch);
            inserter.flush();
            if (!applied.getErrors().isEmpty()) {
                throw new ChangeException(diffFile + " does not apply to " + oldRoot + ": " + applied.getErrors().get(0)
                        + " (if the change is already in the tree, review it with --git instead)");
            }
            RevTree afterTree = walk.parseTree(applied.getTreeId());
            List<ChangedFile> files = new ArrayList<>();
            for (FileHeader file : patch.getFiles()) {
                DiffEntry.ChangeType type = file.getChangeType();
                String oldPath = type == DiffEntry.ChangeType.ADD ? null : file.getOldPath();
                String newPath = type == DiffEntry.ChangeType.DELETE ? null : file.getNewPath();
                if (oldPath != null && !oldPath.equals(newPath)) Files.deleteIfExists(newRoot.resolve(oldPath));
                BitSet lines = new BitSet();
                if (newPath != null) {
                    write(repo, afterTree, newPath, newRoot.resolve(newPath));
                    for (Edit edit : file.toEditList()) lines.set(edit.getBeginB() + 1, edit.getEndB() + 1);
                }
                files.add(new ChangedFile(oldPath, newPath, lines));
            }
            return files;
        }
    }

    private static void write(InMemoryRepository repo, RevTree tree, String path, Path target) throws IOException {
        try (TreeWalk found = TreeWalk.forPath(repo, path, tree)) {
            if (found == null) return;
            ObjectId id = found.getObjectId(0);
            Files.createDirectories(target.getParent());
            try (var out = Files.newOutputStream(target)) {
                repo.open(id).copyTo(out);
            }
        }
    }
}
