package dev.secreview.python.taint;

import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.dataflow.model.ShippedModels;
import dev.secreview.dataflow.model.TaintModels;

import java.util.List;
import java.util.Set;

/**
 * The Python models files shipped in the jar (`resources/dev/secreview/python/models/`): the kinds with their dataflow
 * rules, what built-ins do, the standard library, frameworks and libraries. Weak randomness is always on.
 */
public final class PythonModels {

    private static final ShippedModels MODELS = new ShippedModels(PythonModels.class, "dev/secreview/python/models",
            Set.of("weak-random"));

    private PythonModels() {
    }

    public static TaintModels get() {
        return MODELS.all();
    }

    /** The dataflow rules the kinds declare, without parsing the rest of the models. */
    public static List<RuleMetadata> rules() {
        return MODELS.rules();
    }

    /** The models with only the sources of the chosen threat models (plus weak randomness). */
    public static TaintModels forThreatModels(Set<String> threatModels) {
        return MODELS.forThreatModels(threatModels);
    }
}
