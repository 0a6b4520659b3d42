package dev.secreview.audit;

import dev.secreview.python.tree.PyNode;

import java.util.List;

/**
 * Where a file uses a name rather than binds it: {@code x} in {@code f(x)}, {@code return x}, {@code self.x()},
 * but not in {@code def x}, {@code x = ...}, {@code self.x = ...}, {@code import x}, a parameter or a keyword
 * argument's name.
 */
final class NameUses {

    private NameUses() {
    }

    /** The identifiers that use {@code name}, in source order. */
    static List<PyNode> of(String name, PythonCode code) {
        return code.nodes("identifier").stream().filter(n -> n.text().equals(name) && isUse(n)).toList();
    }

    /** The calls of {@code name}: {@code name(...)} or {@code obj.name(...)}. */
    static List<PyNode> calls(String name, PythonCode code) {
        return code.nodes("call").stream().filter(call -> {
            PyNode function = call.field("function");
            PyNode called = function != null && function.is("attribute") ? function.field("attribute") : function;
            return called != null && called.text().equals(name);
        }).toList();
    }

    /** The statement a use stands in, for quoting it: {@code return x}, {@code conf.register_opts(x)}. */
    static PyNode statementOf(PyNode node) {
        for (PyNode n = node; n.parent() != null; n = n.parent()) {
            if (n.parent().is("block") || n.parent().is("module")) return n;
        }
        return node;
    }

    private static boolean isUse(PyNode identifier) {
        PyNode parent = identifier.parent();
        if (parent == null) return true;
        String field = identifier.field();
        if (parent.is("attribute")) {
            // `self.x = ...` stores the attribute; `obj.x` anywhere else reads it
            return !("attribute".equals(field) && isAssignedTo(parent));
        }
        if (parent.is("function_definition") || parent.is("class_definition")) return !"name".equals(field);
        if (parent.is("keyword_argument")) return !"name".equals(field);
        if (parent.is("parameters") || parent.is("default_parameter") || parent.is("typed_parameter")
                || parent.is("typed_default_parameter") || parent.is("lambda_parameters")) {
            return "value".equals(field);
        }
        if (parent.is("dotted_name") || parent.is("aliased_import") || parent.is("import_statement")
                || parent.is("import_from_statement")) {
            return false;
        }
        return !isAssignedTo(identifier);
    }

    /** Whether the node is (part of the target list of) the left side of an assignment. */
    private static boolean isAssignedTo(PyNode node) {
        PyNode n = node;
        while (n.parent() != null && (n.parent().is("pattern_list") || n.parent().is("tuple_pattern")
                || n.parent().is("list_pattern"))) {
            n = n.parent();
        }
        PyNode parent = n.parent();
        return parent != null && parent.is("assignment") && "left".equals(n.field());
    }
}
