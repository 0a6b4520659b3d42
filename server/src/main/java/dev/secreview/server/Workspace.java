package dev.secreview.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * A fresh temporary folder holding one request's files, deleted when closed. Every file goes to a path checked by
 * {@link UploadPath} and is checked again once resolved, so nothing is written outside it; files are only written,
 * never run.
 */
final class Workspace implements AutoCloseable {

    private final Path root;

    private Workspace(Path root) {
        this.root = root;
    }

    static Workspace create(Path parent) {
        try {
            return new Workspace(Files.createTempDirectory(parent, "secreview-serve-").toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary folder", e);
        }
    }

    Path root() {
        return root;
    }

    void write(List<SubmittedFile> files) {
        for (SubmittedFile file : files) {
            Path target = root.resolve(file.path()).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw ApiError.badRequest("upload '" + file.path() + "' leaves the upload's folder");
            }
            try {
                Files.createDirectories(target.getParent());
                if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw ApiError.badRequest("upload '" + file.path() + "' is given twice (or is also a folder)");
                }
                Files.write(target, file.content());
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw ApiError.badRequest("upload '" + file.path() + "' is both a file and a folder");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write an uploaded file", e);
            }
        }
    }

    @Override
    public void close() {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary folder " + root, e);
        }
    }
}
