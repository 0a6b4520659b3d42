package dev.secreview.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The file a command writes its result to ({@code -o}), with the one-line reason when it cannot. */
final class OutputFile {

    private OutputFile() {
    }

    /** Writes {@code text} to {@code file}, creating its directories; null when written, else why not. */
    static String write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return null;
        } catch (IOException | SecurityException e) {
            if (e instanceof AccessDeniedException) return "permission denied";
            if (e instanceof FileAlreadyExistsException) return "a parent is not a directory";
            if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason().toLowerCase(Locale.ROOT);
            return "I/O error";
        }
    }

    /**
     * Delivers {@code text} to {@code file}, or to standard output when there is no file or it cannot
     * be written, so the result is never lost. Returns false when a file was asked for and not written.
     */
    static boolean deliver(Path file, String text, String what, PrintWriter out, PrintWriter err) {
        if (file != null) {
            String problem = write(file, text);
            if (problem == null) return true;
            err.println("secreview: error: cannot write " + file + " (" + problem + "); the " + what
                    + " follows on standard output");
        }
        out.print(text);
        out.flush();
        return file == null;
    }
}
