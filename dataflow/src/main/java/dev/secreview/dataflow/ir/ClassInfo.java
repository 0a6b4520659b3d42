package dev.secreview.dataflow.ir;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A class of the scanned code: its bases, the types its attributes are declared with, and what its
 * body binds: {@code attributeValues} the names bound once to a constant ({@code table = "nodes"}),
 * {@code otherAttributes} every other name it binds (methods, properties, computed values). A base chosen
 * when the module is imported (one of two names, by a condition) is listed once per candidate.
 */
public record ClassInfo(String name, List<String> bases, Map<String, String> attributeTypes,
                        Map<String, Object> attributeValues, Set<String> otherAttributes) implements java.io.Serializable {

    public ClassInfo {
        bases = List.copyOf(bases);
        attributeTypes = Map.copyOf(attributeTypes);
        attributeValues = Map.copyOf(attributeValues);
        otherAttributes = Set.copyOf(otherAttributes);
    }
}
