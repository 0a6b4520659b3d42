package dev.secreview.python.taint;

import dev.secreview.dataflow.model.TaintModels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The Python models files shipped in the jar: kinds, the standard library, web frameworks, libraries. */
public final class PythonModels {
    static final List<String> FILES = List.of("kinds.models", "builtins.models", "stdlib.models", "web.models", "libraries.models");

    private static final TaintModels MODELS = load();
    /** Sources of these categories are not a threat model one opts into: weak randomness is always weak. */
    private static final Set<String> ALWAYS = Set.of("weak-random");

    private PythonModels() {
    }

    public static TaintModels get() {
        return MODELS;
    }

    /** The models with only the sources of the chosen threat models (plus weak randomness). */
    public static TaintModels forThreatModels(Set<String> threatModels) {
        Set<String> categories = new java.util.HashSet<>(threatModels);
        categories.addAll(ALWAYS);
        return MODELS.withSourceCategories(categories);
    }

    private static TaintModels load() {
        List<TaintModels.ModelFile> files = new ArrayList<>();
        for (String name : FILES) {
            try (InputStream in = PythonModels.class.getResourceAsStream("/dev/secreview/python/models/" + name)) {
                if (in == null) throw new IllegalStateException("missing models file " + name);
                files.add(new TaintModels.ModelFile(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return TaintModels.parse(files);
    }
}
