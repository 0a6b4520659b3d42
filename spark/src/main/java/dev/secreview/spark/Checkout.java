package dev.secreview.spark;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FileUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The tree of one repository on an executor: a local folder as it is, or a clone (with JGit) checked out at the
 * revision asked for, in a temporary folder that {@link #close} removes. {@code commit} is the commit reviewed (null
 * for a folder that is no git work tree).
 */
final class Checkout implements AutoCloseable {

    private final Path root;
    private final String commit;
    private final Path clone;

    private Checkout(Path root, String commit, Path clone) {
        this.root = root;
        this.commit = commit;
        this.clone = clone;
    }

    Path root() {
        return root;
    }

    String commit() {
        return commit;
    }

    /** The tree of {@code source}; a clone goes into a new folder under {@code scratch}. */
    static Checkout of(RepositorySource source, Path scratch) throws CheckoutException {
        if (!source.isUrl()) {
            Path folder = Path.of(source.repository()).toAbsolutePath().normalize();
            if (!Files.isDirectory(folder)) throw new CheckoutException("no such folder: " + source.repository());
            boolean bare = RepositoryCache.FileKey.isGitRepository(folder.toFile(), FS.DETECTED);
            if (source.revision() == null && !bare) return new Checkout(folder, headOf(folder), null);
        }
        return cloned(source, scratch);
    }

    /** The commit a work tree has checked out; null when the folder is not the top of a git work tree. */
    private static String headOf(Path folder) throws CheckoutException {
        if (!Files.exists(folder.resolve(Constants.DOT_GIT))) return null;
        try (Git git = Git.open(folder.toFile())) {
            ObjectId head = git.getRepository().resolve(Constants.HEAD);
            return head == null ? null : head.name();
        } catch (RepositoryNotFoundException e) {
            return null;
        } catch (IOException e) {
            throw new CheckoutException("cannot read the git repository " + folder + ": " + e.getMessage(), e);
        }
    }

    private static Checkout cloned(RepositorySource source, Path scratch) throws CheckoutException {
        Path target;
        try {
            target = Files.createTempDirectory(scratch, "repository-");
        } catch (IOException e) {
            throw new CheckoutException("cannot make a folder to clone into under " + scratch + ": " + e.getMessage(), e);
        }
        Checkout checkout = null;
        try {
            checkout = checkedOut(source, target);
            return checkout;
        } finally {
            if (checkout == null) remove(target);
        }
    }

    private static Checkout checkedOut(RepositorySource source, Path target) throws CheckoutException {
        var clone = Git.cloneRepository().setURI(source.repository()).setDirectory(target.toFile()).setNoCheckout(true);
        try {
            if (source.revision() == null) {
                // HEAD alone needs only its branch's last commit: a shallow clone of that branch, without tags (a
                // mirror's other refs may name objects it no longer has); another revision may be anywhere.
                clone.setDepth(1).setNoTags();
                String branch = headBranch(source.repository());
                if (branch != null) clone.setBranchesToClone(List.of(branch)).setBranch(branch);
            }
        } catch (GitAPIException | RuntimeException e) {
            throw new CheckoutException("cannot clone " + source.repository() + ": " + message(e), e);
        }
        try (Git git = clone.call()) {
            String revision = source.revision() == null ? Constants.HEAD : source.revision();
            ObjectId commit = resolve(git.getRepository(), revision);
            if (commit == null) throw new CheckoutException("no revision '" + revision + "' in " + source.repository());
            git.checkout().setName(commit.name()).call();
            return new Checkout(target, commit.name(), target);
        } catch (GitAPIException | IOException | RuntimeException e) {
            throw new CheckoutException("cannot clone " + source.repository() + ": " + message(e), e);
        }
    }

    /** The branch a repository's HEAD names; null when its HEAD is detached or not told. */
    private static String headBranch(String repository) throws GitAPIException {
        Ref head = Git.lsRemoteRepository().setRemote(repository).callAsMap().get(Constants.HEAD);
        return head != null && head.isSymbolic() ? head.getTarget().getName() : null;
    }

    /** A commit, tag or local branch; else a branch of the clone's origin. */
    private static ObjectId resolve(Repository repository, String revision) throws IOException {
        ObjectId commit = repository.resolve(revision + "^{commit}");
        return commit != null ? commit : repository.resolve(Constants.R_REMOTES + Constants.DEFAULT_REMOTE_NAME + "/"
                + revision + "^{commit}");
    }

    private static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void remove(Path folder) {
        try {
            FileUtils.delete(folder.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
        } catch (IOException ignored) {
            // A clone left behind costs disk space on the executor, never a correct review.
        }
    }

    @Override
    public void close() {
        if (clone != null) remove(clone);
    }
}
