package dev.secreview.audit;

import dev.secreview.core.engine.SourceReader;
import dev.secreview.core.model.SourceFile;
import dev.secreview.python.PythonFacade;
import dev.secreview.python.semantic.PythonFile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python modules by dotted name, found the way an import would find them but without running anything: the
 * files of the scanned tree (a module matches by the end of its dotted path, as the whole-tree analysis
 * matches imports), then the folders of the library path; each module is parsed once. Modules built into the
 * interpreter or compiled ({@code .so}, {@code .pyd}) are known to exist, but what they define cannot be read.
 */
final class Modules {

    /** Modules compiled into CPython itself: they exist without any file. */
    private static final Set<String> BUILT_IN = Set.of("sys", "builtins", "marshal", "posix", "nt", "gc", "errno",
            "itertools", "time", "atexit", "faulthandler", "pwd", "_thread", "_io", "_abc", "_ast", "_codecs",
            "_collections", "_functools", "_imp", "_locale", "_operator", "_signal", "_sre", "_stat", "_string",
            "_symtable", "_tracemalloc", "_warnings", "_weakref");
    private static final Set<String> SKIPPED_FOLDERS = Set.of("site-packages", "dist-packages", "test", "tests",
            "__pycache__");
    private static final Pattern TOP_LEVEL_DEFINITION = Pattern.compile("^(?:class|def|async\\s+def)\\s+([A-Za-z_]\\w*)");

    /**
     * A module found: its dotted name, whether it is a package, where it is (for evidence), and its parsed code,
     * which is empty for a module whose code cannot be read (built in, compiled) or a package folder without
     * {@code __init__.py}.
     */
    record Module(String name, boolean isPackage, String shown, Optional<PythonFile> code, boolean opaque) {

        /** The package its relative imports start from: itself for a package, else the one holding it. */
        String packageName() {
            if (isPackage) return name;
            int dot = name.lastIndexOf('.');
            return dot < 0 ? "" : name.substring(0, dot);
        }
    }

    private final Map<String, SourceFile> treeModules = new HashMap<>();
    private final LibraryPath libraries;
    private final Map<String, Optional<Module>> found = new ConcurrentHashMap<>();
    private volatile Map<String, String> definedAtTopLevel;

    Modules(List<SourceFile> tree, LibraryPath libraries) {
        for (SourceFile file : tree) treeModules.putIfAbsent(dottedName(file.projectPath()), file);
        this.libraries = libraries;
    }

    LibraryPath libraries() {
        return libraries;
    }

    Optional<Module> find(String dotted) {
        return found.computeIfAbsent(dotted, this::locate);
    }

    /** The module of the tree or the library path whose top level defines a class or function of this name. */
    Optional<Module> defining(String name) {
        String module = definitions().get(name);
        return module == null ? Optional.empty() : find(module);
    }

    private Optional<Module> locate(String dotted) {
        Optional<Module> inTree = treeModules.entrySet().stream()
                .filter(e -> e.getKey().equals(dotted) || e.getKey().endsWith("." + dotted))
                .sorted(Map.Entry.comparingByKey()).findFirst()
                .map(e -> new Module(dotted, isPackage(e.getValue().projectPath()), e.getValue().displayPath() + " (tree)",
                        Optional.of(parse(e.getValue())), false));
        if (inTree.isPresent()) return inTree;
        if (BUILT_IN.contains(dotted)) {
            return Optional.of(new Module(dotted, false, "built into the interpreter", Optional.empty(), true));
        }
        for (Path root : libraries.roots()) {
            Optional<Module> module = inRoot(root, dotted);
            if (module.isPresent()) return module;
        }
        return Optional.empty();
    }

    private static Optional<Module> inRoot(Path root, String dotted) {
        Path base = root.resolve(dotted.replace('.', '/'));
        for (Path file : List.of(Path.of(base + ".py"), base.resolve("__init__.py"), Path.of(base + ".pyi"),
                base.resolve("__init__.pyi"))) {
            if (Files.isRegularFile(file)) {
                String shown = root.relativize(file).toString().replace('\\', '/') + " (" + root.getFileName() + ")";
                SourceReader.Result read = new SourceReader().read(file, shown);
                if (read.problem() == null) {
                    return Optional.of(new Module(dotted, isPackage(file.toString()), shown, Optional.of(parse(read.file())), false));
                }
            }
        }
        if (compiled(base)) {
            return Optional.of(new Module(dotted, false, "a compiled module in " + root.getFileName(), Optional.empty(), true));
        }
        if (Files.isDirectory(base)) {
            return Optional.of(new Module(dotted, true, root.relativize(base) + "/ (" + root.getFileName() + ")",
                    Optional.empty(), false));
        }
        return Optional.empty();
    }

    private static boolean compiled(Path base) {
        Path folder = base.getParent();
        if (folder == null || !Files.isDirectory(folder)) return false;
        String name = base.getFileName().toString();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, name + ".*{so,pyd}")) {
            return files.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private static PythonFile parse(SourceFile file) {
        return PythonFacade.file(file);
    }

    /** Top-level class and function names to the module defining them, read once on first use (the names only). */
    private Map<String, String> definitions() {
        Map<String, String> index = definedAtTopLevel;
        if (index != null) return index;
        synchronized (this) {
            if (definedAtTopLevel == null) {
                Map<String, String> built = new HashMap<>();
                treeModules.forEach((module, file) -> file.text().lines().forEach(line -> define(built, line, module)));
                for (Path root : libraries.roots()) indexRoot(root, built);
                definedAtTopLevel = Map.copyOf(built);
            }
            return definedAtTopLevel;
        }
    }

    /**
     * Reads the top-level definitions of a root's modules, leaving out the folders of other roots (the standard
     * library holds site-packages), test suites and bytecode caches, whose classes would shadow the library's own.
     */
    private static void indexRoot(Path root, Map<String, String> index) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                    boolean skipped = !folder.equals(root) && SKIPPED_FOLDERS.contains(folder.getFileName().toString());
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().endsWith(".py")) files.add(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a folder that cannot be walked adds nothing
        }
        files.sort(null);
        for (Path file : files) {
            String module = dottedName(root.relativize(file).toString().replace('\\', '/'));
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                reader.lines().forEach(line -> define(index, line, module));
            } catch (IOException | UncheckedIOException e) {
                // an unreadable or undecodable file defines nothing the audit can use
            }
        }
    }

    private static void define(Map<String, String> index, String line, String module) {
        Matcher m = TOP_LEVEL_DEFINITION.matcher(line);
        if (m.find()) index.putIfAbsent(m.group(1), module);
    }

    static boolean isPackage(String path) {
        return path.replace('\\', '/').matches("(?:.*/)?__init__\\.pyi?");
    }

    /** {@code web/notes.py} is {@code web.notes}; {@code pkg/__init__.py} is {@code pkg}. */
    static String dottedName(String path) {
        String withoutSuffix = path.replaceAll("\\.pyi?$|\\.pyw$", "").replaceAll("/__init__$", "");
        return withoutSuffix.replace('/', '.');
    }
}
