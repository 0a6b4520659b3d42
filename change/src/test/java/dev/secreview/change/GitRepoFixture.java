package dev.secreview.change;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real git repository in a temporary folder, built commit by commit with JGit. */
final class GitRepoFixture implements AutoCloseable {
    final Path root;
    private final Git git;

    GitRepoFixture(Path root) throws GitAPIException {
        this.root = root;
        this.git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call();
    }

    GitRepoFixture write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return this;
    }

    GitRepoFixture writeBytes(String path, byte[] bytes) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return this;
    }

    GitRepoFixture delete(String path) throws IOException {
        Files.delete(root.resolve(path));
        return this;
    }

    GitRepoFixture stage() throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return this;
    }

    String commit(String message) throws GitAPIException {
        stage();
        RevCommit commit = git.commit().setMessage(message).setAuthor("Reviewer", "reviewer@example.org")
                .setCommitter("Reviewer", "reviewer@example.org").setSign(false).call();
        return commit.getName();
    }

    @Override
    public void close() {
        git.close();
    }
}
