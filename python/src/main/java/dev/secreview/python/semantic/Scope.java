package dev.secreview.python.semantic;

import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A module, class, function or lambda scope and the names bound directly in it. */
public final class Scope {
    private final PyNode node;
    private final Scope parent;
    private final Map<String, List<Binding>> bindings = new HashMap<>();

    Scope(PyNode node, Scope parent) {
        this.node = node;
        this.parent = parent;
    }

    /** The module, function_definition, class_definition or lambda node. */
    public PyNode node() {
        return node;
    }

    public Scope parent() {
        return parent;
    }

    public boolean isFunction() {
        return node.is("function_definition") || node.is("lambda");
    }

    public boolean isClass() {
        return node.is("class_definition");
    }

    /** The function name for a function scope, else null. */
    public String functionName() {
        PyNode name = node.is("function_definition") ? node.field("name") : null;
        return name == null ? null : name.text();
    }

    public List<Binding> bindings(String name) {
        return bindings.getOrDefault(name, List.of());
    }

    boolean importsModule(String module) {
        for (List<Binding> list : bindings.values()) {
            for (Binding b : list) {
                if (b.kind() == Binding.Kind.IMPORT
                        && (b.qualifiedName().equals(module) || b.qualifiedName().startsWith(module + "."))) {
                    return true;
                }
            }
        }
        return false;
    }

    void bind(Binding binding) {
        bindings.computeIfAbsent(binding.name(), k -> new ArrayList<>(1)).add(binding);
    }
}
