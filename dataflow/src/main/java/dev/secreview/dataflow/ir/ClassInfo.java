package dev.secreview.dataflow.ir;

import java.util.List;
import java.util.Map;

/**
 * A class of the scanned code: its bases and the types its attributes are declared with. A base chosen
 * when the module is imported (one of two names, by a condition) is listed once per candidate.
 */
public record ClassInfo(String name, List<String> bases, Map<String, String> attributeTypes) {

    public ClassInfo {
        bases = List.copyOf(bases);
        attributeTypes = Map.copyOf(attributeTypes);
    }
}
