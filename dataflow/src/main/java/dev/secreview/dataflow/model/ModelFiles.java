package dev.secreview.dataflow.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A front end's models files, found where its classes are: every {@code *.models} file in one resource folder
 * of the jar or class folder that holds the anchor class, in the order of their names (a new file is a new
 * file, never a list to update). Kinds may be declared in any of them. The build writes the folder's names into
 * its {@value #INDEX} ({@link #main}), which spares a run listing the thousands of entries of the jar.
 */
public final class ModelFiles {
    private static final String SUFFIX = ".models";
    static final String INDEX = "models.index";

    private ModelFiles() {
    }

    /** The models files in {@code folder} (a resource path such as {@code dev/secreview/python/models}), by name. */
    public static List<TaintModels.ModelFile> discover(Class<?> anchor, String folder) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        List<String> names = indexed(anchor, prefix);
        if (names == null) names = listed(anchor, prefix);
        if (names.isEmpty()) throw new IllegalStateException("no models files in " + prefix + " beside " + anchor.getName());
        List<TaintModels.ModelFile> files = new ArrayList<>();
        for (String name : names) {
            try (InputStream in = anchor.getResourceAsStream("/" + prefix + name)) {
                if (in == null) throw new IllegalStateException("missing models file " + prefix + name);
                files.add(new TaintModels.ModelFile(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The names the build's index lists, or null where there is none. */
    private static List<String> indexed(Class<?> anchor, String prefix) {
        try (InputStream in = anchor.getResourceAsStream("/" + prefix + INDEX)) {
            if (in == null) return null;
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(n -> !n.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names in a class folder that has no index (a run from an IDE's build); a jar always has one. */
    private static List<String> listed(Class<?> anchor, String prefix) {
        try {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path folder = location.resolve(prefix);
            if (!Files.isDirectory(folder)) throw new IllegalStateException("no models index " + prefix + INDEX + " in " + location);
            return names(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the models of " + anchor.getName(), e);
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX)).sorted().toList();
        }
    }

    /** Writes the index of the models folder {@code args[0]} (a front end's build runs it on its class folder). */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        Files.writeString(folder.resolve(INDEX), String.join("\n", names(folder)) + "\n");
    }
}
