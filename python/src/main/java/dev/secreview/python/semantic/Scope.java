package dev.secreview.python.semantic;

import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

/** A module, class, function or lambda scope and the names bound directly in it. */
public final class Scope {
    private final PyNode node;
    private final Scope parent;
    private final Map<String, List<Binding>> bindings = new HashMap<>();
    private final Set<String> outerNames = new HashSet<>();

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

    public boolean isClass() {
        return node.is("class_definition");
    }

    /** The function name for a function scope, else null. */
    public String functionName() {
        PyNode name = node.is("function_definition") ? node.field("name") : null;
        return name == null ? null : name.text();
    }

    /** The names bound directly in this scope. */
    public Set<String> names() {
        return java.util.Collections.unmodifiableSet(bindings.keySet());
    }

    public List<Binding> bindings(String name) {
        return bindings.getOrDefault(name, List.of());
    }

    boolean importsModule(String module) {
        for (List<Binding> list : bindings.values()) {
            for (Binding b : list) {
                if (b.kind() != Binding.Kind.IMPORT) continue;
                // `import os.path` binds `os`; the statement still imports `os.path`.
                String imported = b.site().is("dotted_name") && b.site().parent().is("import_statement")
                        ? b.site().text() : b.qualifiedName();
                if (imported.equals(module) || imported.startsWith(module + ".")) return true;
            }
        }
        return false;
    }

    /** Records a {@code global} or {@code nonlocal} declaration of this scope. */
    void declareOuter(String name) {
        outerNames.add(name);
    }

    boolean declaresOuter(String name) {
        return outerNames.contains(name);
    }

    void bind(Binding binding) {
        bindings.computeIfAbsent(binding.name(), k -> new ArrayList<>(1)).add(binding);
    }
}
