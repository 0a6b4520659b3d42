package dev.secreview.dataflow.model;

import dev.secreview.core.rule.RuleMetadata;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A front end's models as its jar ships them: every models file of its folder ({@link ModelFiles#discover}, so a new
 * file needs no list updated), parsed once when first needed, and the same models narrowed to the sources of a scan's
 * threat models. Listing the rules reads only the kinds: a scan lists every front end's rules, and parses only the
 * models of the languages it meets.
 */
public final class ShippedModels {

    private final List<TaintModels.ModelFile> files;
    private final Set<String> always;
    private volatile List<RuleMetadata> rules;
    private volatile TaintModels models;

    /**
     * The models in {@code folder} of {@code anchor}'s class path; sources of the {@code always} categories are not a
     * threat model one opts into (weak randomness is always weak).
     */
    public ShippedModels(Class<?> anchor, String folder, Set<String> always) {
        this.files = ModelFiles.discover(anchor, folder);
        this.always = Set.copyOf(always);
    }

    /** The dataflow rules the kinds declare, in the order of the kinds. */
    public List<RuleMetadata> rules() {
        List<RuleMetadata> read = rules;
        if (read == null) rules = read = TaintModels.rules(files);
        return read;
    }

    public TaintModels all() {
        TaintModels read = models;
        if (read == null) {
            synchronized (this) {
                read = models;
                if (read == null) models = read = TaintModels.parse(files);
            }
        }
        return read;
    }

    /** The models with only the sources of the chosen threat models (and of the categories that are always on). */
    public TaintModels forThreatModels(Set<String> threatModels) {
        Set<String> categories = new HashSet<>(threatModels);
        categories.addAll(always);
        return all().withSourceCategories(categories);
    }
}
