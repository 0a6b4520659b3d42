package dev.secreview.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The folders where the libraries a file imports are read from (parsed, never imported): a virtualenv's
 * {@code site-packages}, the standard library. By default those of the {@code python3} on {@code PATH}, found
 * from where the interpreter is installed ({@code PREFIX/bin/python3} next to
 * {@code PREFIX/lib/python3.X/site-packages}); when that layout is not there (a pyenv shim, a Debian
 * {@code dist-packages}), by asking that {@code python3} once where its folders are.
 */
public final class LibraryPath {

    private static final String ASK = "import site, sysconfig; print(sysconfig.get_paths()['stdlib']); "
            + "print('\\n'.join(site.getsitepackages()))";
    private static final long ASK_SECONDS = 10;

    private final Supplier<List<Path>> folders;
    private volatile List<Path> roots;

    private LibraryPath(Supplier<List<Path>> folders) {
        this.folders = folders;
    }

    /** The given folders, in order; those that do not exist are left out. */
    public static LibraryPath of(List<Path> folders) {
        List<Path> existing = folders.stream().filter(Files::isDirectory).toList();
        return new LibraryPath(() -> existing);
    }

    /** No library: every import of a library is an unknown library. */
    public static LibraryPath none() {
        return of(List.of());
    }

    /**
     * The standard library and {@code site-packages} of the {@code python3} on {@code PATH} (none without one),
     * found the first time they are needed: an audit whose claims name no library never looks.
     */
    public static LibraryPath ofPythonOnPath(String pathVariable) {
        return new LibraryPath(() -> {
            Optional<Path> python = onPath(pathVariable, "python3");
            if (python.isEmpty()) return List.of();
            List<Path> besideIt = installedBeside(python.get());
            return (besideIt.isEmpty() ? askedOf(python.get()) : besideIt).stream().filter(Files::isDirectory).toList();
        });
    }

    public List<Path> roots() {
        List<Path> found = roots;
        if (found == null) {
            synchronized (this) {
                if (roots == null) roots = List.copyOf(folders.get());
                found = roots;
            }
        }
        return found;
    }

    public boolean isEmpty() {
        return roots().isEmpty();
    }

    /** "python3.11, site-packages" as evidence names the library path. */
    @Override
    public String toString() {
        return isEmpty() ? "no library path"
                : roots().stream().map(r -> r.getFileName() == null ? r.toString() : r.getFileName().toString())
                .collect(Collectors.joining(", "));
    }

    private static Optional<Path> onPath(String pathVariable, String program) {
        if (pathVariable == null) return Optional.empty();
        for (String folder : pathVariable.split(java.io.File.pathSeparator)) {
            if (folder.isEmpty()) continue;
            Path candidate = Path.of(folder, program);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** {@code PREFIX/lib/python3.X/site-packages} and {@code PREFIX/lib/python3.X} of {@code PREFIX/bin/python3}. */
    private static List<Path> installedBeside(Path python) {
        Path real;
        try {
            real = python.toRealPath();
        } catch (IOException e) {
            return List.of();
        }
        Path bin = real.getParent();
        Path lib = bin == null || bin.getParent() == null ? null : bin.getParent().resolve("lib");
        if (lib == null || !Files.isDirectory(lib)) return List.of();
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(lib, "python3*")) {
            for (Path version : versions) {
                // In the order of sys.path: the standard library, its compiled modules, then site-packages.
                if (Files.isDirectory(version.resolve("site-packages"))) {
                    found.add(version);
                    if (Files.isDirectory(version.resolve("lib-dynload"))) found.add(version.resolve("lib-dynload"));
                    found.add(version.resolve("site-packages"));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return found;
    }

    /** The folders {@code python3} names when asked (a subprocess for discovery only; nothing is imported from the code). */
    private static List<Path> askedOf(Path python) {
        try {
            Process process = new ProcessBuilder(python.toString(), "-I", "-c", ASK).redirectErrorStream(false).start();
            process.getOutputStream().close();
            String out;
            try (InputStream in = process.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(ASK_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return List.of();
            }
            List<Path> folders = new ArrayList<>();
            for (String line : out.split("\\R")) {
                if (line.isBlank()) continue;
                Path folder = Path.of(line.strip());
                folders.add(folder);
                if (Files.isDirectory(folder.resolve("lib-dynload"))) folders.add(folder.resolve("lib-dynload"));
            }
            return folders;
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
