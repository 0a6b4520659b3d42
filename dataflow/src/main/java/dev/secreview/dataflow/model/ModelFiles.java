package dev.secreview.dataflow.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A front end's models files, found where its classes are: every {@code *.models} file in one resource folder
 * of the jar or class folder that holds the anchor class, in the order of their names (a new file is a new
 * file, never a list to update). Kinds may be declared in any of them.
 */
public final class ModelFiles {
    private static final String SUFFIX = ".models";

    private ModelFiles() {
    }

    /** The models files in {@code folder} (a resource path such as {@code dev/secreview/python/models}), by name. */
    public static List<TaintModels.ModelFile> discover(Class<?> anchor, String folder) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        List<String> names = new ArrayList<>();
        try {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                Path dir = location.resolve(prefix);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX)).forEach(names::add);
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        String name = entries.nextElement().getName();
                        String rest = name.startsWith(prefix) ? name.substring(prefix.length()) : "";
                        if (rest.endsWith(SUFFIX) && rest.indexOf('/') < 0) names.add(rest);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the models of " + anchor.getName(), e);
        }
        if (names.isEmpty()) throw new IllegalStateException("no models files in " + prefix + " beside " + anchor.getName());
        names.sort(Comparator.naturalOrder());
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
}
