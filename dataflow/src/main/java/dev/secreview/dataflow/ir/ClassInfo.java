package dev.secreview.dataflow.ir;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A class of the scanned code: its bases, the types its attributes are declared with, and what its
 * body binds: {@code attributeValues} the names bound once to a constant ({@code table = "nodes"}),
 * {@code otherAttributes} every other name it binds (methods, properties, computed values). A base chosen
 * when the module is imported (one of two names, by a condition) is listed once per candidate.
 * {@code declaredAttributes}: the names the class declares without binding them in its body (a Java field): their
 * values are only what functions store under them, and no base class's binding of the name counts.
 * {@code attributeCalls}: the names the body binds to the result of calling a name, with the qualified name called
 * ({@code target = oslo_messaging.Target(version="1.0")}): what a framework reads off the class to know what it is.
 */
public record ClassInfo(String name, List<String> bases, Map<String, String> attributeTypes,
                        Map<String, Object> attributeValues, Set<String> otherAttributes,
                        Set<String> declaredAttributes, Map<String, String> attributeCalls) implements java.io.Serializable {

    public ClassInfo {
        bases = List.copyOf(bases);
        attributeTypes = Map.copyOf(attributeTypes);
        attributeValues = Map.copyOf(attributeValues);
        otherAttributes = Set.copyOf(otherAttributes);
        declaredAttributes = Set.copyOf(declaredAttributes);
        attributeCalls = Map.copyOf(attributeCalls);
    }

    /** A class with no attribute bound to a call. */
    public ClassInfo(String name, List<String> bases, Map<String, String> attributeTypes,
                     Map<String, Object> attributeValues, Set<String> otherAttributes, Set<String> declaredAttributes) {
        this(name, bases, attributeTypes, attributeValues, otherAttributes, declaredAttributes, Map.of());
    }

    /** A class whose body binds every name it has (a Python class). */
    public ClassInfo(String name, List<String> bases, Map<String, String> attributeTypes,
                     Map<String, Object> attributeValues, Set<String> otherAttributes) {
        this(name, bases, attributeTypes, attributeValues, otherAttributes, Set.of());
    }
}
