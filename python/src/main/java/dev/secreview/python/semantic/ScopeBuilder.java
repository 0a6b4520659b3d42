package dev.secreview.python.semantic;

import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Walks a module once, creating a scope per module/class/function/lambda and recording its bindings. */
final class ScopeBuilder {
    private final Map<PyNode, Scope> scopes;

    ScopeBuilder(Map<PyNode, Scope> scopes) {
        this.scopes = scopes;
    }

    void build(PyNode module) {
        scopes.put(module, new Scope(module, null));
        ArrayList<PyNode> stack = new ArrayList<>();
        stack.add(module);
        while (!stack.isEmpty()) {
            PyNode node = stack.remove(stack.size() - 1);
            visit(node);
            for (int i = node.childCount() - 1; i >= 0; i--) stack.add(node.child(i));
        }
    }

    /** The scope a binding at {@code node} goes to (pre-order: enclosing scopes already exist). */
    private Scope scopeFor(PyNode node) {
        for (PyNode p = node.parent(); p != null; p = p.parent()) {
            Scope scope = scopes.get(p);
            if (scope != null && !PythonFile.isNameOfDefinition(node, p)) return scope;
        }
        throw new IllegalStateException("node outside the module");
    }

    private void visit(PyNode node) {
        switch (node.type()) {
            case "function_definition", "class_definition" -> {
                PyNode name = node.field("name");
                if (name != null) bind(Binding.Kind.DEFINITION, name, node, null);
                scopes.put(node, new Scope(node, scopeFor(node)));
                if (node.is("function_definition")) bindParameters(node.field("parameters"));
            }
            case "lambda" -> {
                scopes.put(node, new Scope(node, scopeFor(node)));
                bindParameters(node.field("parameters"));
            }
            case "import_statement" -> {
                for (PyNode name : node.fields("name")) bindImport(name, "");
            }
            case "import_from_statement" -> {
                PyNode module = node.field("module_name");
                String text = module == null ? "" : module.text();
                String prefix = text.isEmpty() || text.endsWith(".") ? text : text + ".";
                for (PyNode name : node.fields("name")) bindImport(name, prefix);
                PyNode wildcard = node.childOfType("wildcard_import");
                if (wildcard != null) {
                    // Names from `*` are unknown, but the module is imported.
                    bind(Binding.Kind.IMPORT, wildcard, wildcard, null, prefix + "*");
                }
            }
            case "assignment" -> {
                boolean innerOfChain = node.parent() != null && node.parent().is("assignment")
                        && "right".equals(node.field());
                if (!innerOfChain) bindAssignment(node);
            }
            case "global_statement", "nonlocal_statement" -> {
                for (PyNode name : node.namedChildren()) {
                    if (name.is("identifier")) scopeFor(node).declareOuter(name.text());
                }
            }
            case "list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression" ->
                    scopes.put(node, new Scope(node, scopeFor(node)));
            case "augmented_assignment" -> bindTargets(node.field("left"));
            case "for_statement", "for_in_clause" -> bindTargets(node.field("left"));
            case "as_pattern_target" -> bindAsTarget(node);
            case "named_expression" -> {
                PyNode name = node.field("name");
                if (name != null) bind(Binding.Kind.ASSIGNMENT, name, node, node.field("value"));
            }
            default -> {
            }
        }
    }

    private void bindImport(PyNode name, String prefix) {
        if (name.is("aliased_import")) {
            PyNode dotted = name.field("name");
            PyNode alias = name.field("alias");
            if (dotted != null && alias != null) {
                bind(Binding.Kind.IMPORT, alias, name, null, prefix + dotted.text());
            }
        } else if (name.is("dotted_name")) {
            if (prefix.isEmpty()) {
                // `import a.b` binds `a`, which resolves to the module `a`; `a.b.f` then reads as written.
                PyNode first = name.namedChildren().get(0);
                bind(Binding.Kind.IMPORT, first, name, null, first.text());
            } else {
                bind(Binding.Kind.IMPORT, name, name, null, prefix + name.text());
            }
        }
    }

    private void bindAssignment(PyNode assignment) {
        PyNode value = assignment.field("right");
        while (value != null && value.is("assignment")) {  // a = b = value
            value = value.field("right");
        }
        for (PyNode a = assignment; a != null && a.is("assignment"); a = a.field("right")) {
            PyNode left = a.field("left");
            if (left == null) break;
            if (left.is("identifier")) {
                bind(Binding.Kind.ASSIGNMENT, left, assignment, value);
            } else {
                bindTargets(left);
            }
        }
    }

    /**
     * {@code with value as name} binds {@code name} to the context value (what {@code __enter__}
     * returns is that object for files, sessions, archives and locks); other {@code as} targets
     * ({@code except E as e}, patterns) have unknown values.
     */
    private void bindAsTarget(PyNode target) {
        PyNode pattern = target.parent();
        PyNode withItem = pattern == null ? null : pattern.parent();
        List<PyNode> names = target.namedChildren();
        if (withItem != null && withItem.is("with_item") && names.size() == 1 && names.get(0).is("identifier")
                && !pattern.namedChildren().isEmpty()) {
            bind(Binding.Kind.ASSIGNMENT, names.get(0), withItem, pattern.namedChildren().get(0));
        } else {
            bindTargets(target);
        }
    }

    /** Binds every plain name in an assignment target to an unknown value. */
    private void bindTargets(PyNode target) {
        if (target == null) return;
        if (target.is("identifier")) {
            bind(Binding.Kind.OTHER, target, target, null);
        } else if (target.is("pattern_list") || target.is("tuple_pattern") || target.is("list_pattern")
                || target.is("tuple") || target.is("list") || target.is("list_splat_pattern")
                || target.is("as_pattern_target") || target.is("parenthesized_expression")) {
            for (PyNode child : target.namedChildren()) bindTargets(child);
        }
    }

    private void bindParameters(PyNode parameters) {
        if (parameters == null) return;
        for (PyNode parameter : parameters.namedChildren()) {
            PyNode name = switch (parameter.type()) {
                case "identifier" -> parameter;
                case "default_parameter", "typed_default_parameter" -> parameter.field("name");
                case "typed_parameter", "list_splat_pattern", "dictionary_splat_pattern" ->
                        parameter.namedChildren().isEmpty() ? null : parameter.namedChildren().get(0);
                default -> null;
            };
            if (name != null && name.is("identifier")) {
                bind(Binding.Kind.PARAMETER, name, parameter, parameter.field("value"));
            }
        }
    }

    private void bind(Binding.Kind kind, PyNode name, PyNode site, PyNode value) {
        bind(kind, name, site, value, null);
    }

    private void bind(Binding.Kind kind, PyNode name, PyNode site, PyNode value, String qualifiedName) {
        Scope scope = scopeFor(site.is("aliased_import") || site.is("dotted_name") ? site.parent() : site);
        while (scope.parent() != null && scope.declaresOuter(name.text())) {
            scope = scope.parent();  // `global x` / `nonlocal x`: the binding belongs further out
        }
        scope.bind(new Binding(kind, name.text(), site, value, qualifiedName));
    }
}
