package dev.secreview.java.taint;

import dev.secreview.dataflow.model.ModelFiles;
import dev.secreview.dataflow.model.TaintModels;

import java.util.Set;

/**
 * The Java models files shipped in the jar: the kinds with their dataflow rules, what built-ins do, the standard
 * library, web frameworks, libraries.
 */
public final class JavaModels {

    private static final TaintModels MODELS = load();
    /** Sources of these categories are not a threat model one opts into: weak randomness is always weak. */
    private static final Set<String> ALWAYS = Set.of("weak-random");

    private JavaModels() {
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

    /** Every models file in {@code resources/dev/secreview/java/models/}: a new file needs no list updated. */
    private static TaintModels load() {
        return TaintModels.parse(ModelFiles.discover(JavaModels.class, "dev/secreview/java/models"));
    }
}
