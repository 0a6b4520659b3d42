package dev.secreview.change;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the versions of a change that are not the user's own tree are checked out: a file system in memory (Jimfs),
 * one per change. Writing a few thousand files to disk, reading them back and deleting them again cost more than the
 * review of an unchanged tree they serve (docs/SPEED.md); in memory they cost neither disk nor clean-up, and nothing
 * is left behind by a killed run. Closing it frees them all.
 */
final class Checkouts implements AutoCloseable {

    private final FileSystem files = Jimfs.newFileSystem("secreview-checkouts", Configuration.unix());

    /** A new, empty folder for one version. */
    Path folder(String name) {
        try {
            return Files.createDirectory(files.getPath("/", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            files.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
