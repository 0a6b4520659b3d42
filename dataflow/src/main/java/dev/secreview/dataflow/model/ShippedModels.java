package dev.secreview.dataflow.model;

import java.util.HashSet;
import java.util.Set;

/**
 * A front end's models as its jar ships them: every models file of its folder ({@link ModelFiles#discover}, so a new
 * file needs no list updated), parsed once, and the same models narrowed to the sources of a scan's threat models.
 */
public final class ShippedModels {

    private final TaintModels models;
    private final Set<String> always;

    /**
     * The models in {@code folder} of {@code anchor}'s class path; sources of the {@code always} categories are not a
     * threat model one opts into (weak randomness is always weak).
     */
    public ShippedModels(Class<?> anchor, String folder, Set<String> always) {
        this.models = TaintModels.parse(ModelFiles.discover(anchor, folder));
        this.always = Set.copyOf(always);
    }

    public TaintModels all() {
        return models;
    }

    /** The models with only the sources of the chosen threat models (and of the categories that are always on). */
    public TaintModels forThreatModels(Set<String> threatModels) {
        Set<String> categories = new HashSet<>(threatModels);
        categories.addAll(always);
        return models.withSourceCategories(categories);
    }
}
