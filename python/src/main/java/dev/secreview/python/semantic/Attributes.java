package dev.secreview.python.semantic;

import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a file binds attributes: the names each class body binds, and every value stored into an
 * attribute outside class bodies ({@code obj.name = value}, {@code setattr(obj, "name", value)}).
 * {@link Values} folds {@code self.name} with it; the lowering gives the class bodies to the
 * whole-tree analysis, which sees the other files. Built on first use, in one walk of the file.
 */
public final class Attributes {
    /** Reading this attribute of an object reads the attributes themselves ({@code vars(obj)} too). */
    private static final String DICT = "__dict__";

    private final PythonFile file;
    /** Every binding of an attribute name in the file: its value, or null for one that is not one expression. */
    private final Map<String, List<PyNode>> bindings = new HashMap<>();
    /** The class whose method stores each attribute name on its own instance ({@code self.name = ...}). */
    private final Map<String, List<PyNode>> storingClasses = new HashMap<>();
    private boolean computedNames;

    Attributes(PythonFile file) {
        this.file = file;
        file.root().forEachDescendant(this::visit);
    }

    /** The arguments of a call of the builtin {@code setattr(object, name, value)}, or null. */
    public record Setattr(PyNode object, PyNode name, PyNode value) {
        public static Setattr of(PyNode call, PythonFile file) {
            PyNode function = call.field("function");
            if (function == null || !function.is("identifier") || !function.text().equals("setattr")
                    || !file.resolve("setattr", function).isEmpty()) {
                return null;
            }
            PyNode arguments = call.field("arguments");
            List<PyNode> args = arguments == null ? List.of() : arguments.namedChildren();
            if (args.size() != 3 || args.stream().anyMatch(a -> a.is("keyword_argument") || a.is("list_splat")
                    || a.is("dictionary_splat"))) {
                return null;
            }
            return new Setattr(args.get(0), args.get(1), args.get(2));
        }
    }

    /**
     * The names a class body binds, each to its value when it is bound once by a plain assignment
     * ({@code table = "nodes"}) or a definition (the method's or nested class's own node), else to null
     * (names bound twice or by a loop, imports).
     */
    public Map<String, PyNode> classBody(PyNode classDefinition) {
        Scope scope = file.scope(classDefinition);
        Map<String, PyNode> names = new LinkedHashMap<>();
        if (scope == null) return names;
        for (String name : scope.names()) {
            List<Binding> bound = scope.bindings(name);
            Binding only = bound.size() == 1 ? bound.get(0) : null;
            PyNode value = null;
            if (only != null && only.kind() == Binding.Kind.ASSIGNMENT && only.site().is("assignment")) value = only.value();
            if (only != null && only.kind() == Binding.Kind.DEFINITION) value = only.site();
            names.put(name, value);
        }
        return names;
    }

    /** Every value the file binds attribute {@code name} to, in class bodies and stores; null for an unknown one. */
    List<PyNode> bindings(String name) {
        return bindings.getOrDefault(name, List.of());
    }

    /** The classes whose methods store {@code name} on their own instance or class ({@code self.name = ...}). */
    List<PyNode> storingClasses(String name) {
        return storingClasses.getOrDefault(name, List.of());
    }

    /**
     * Whether the file stores attributes chosen at run time on an instance or class in its methods
     * ({@code setattr(self, key, value)}, {@code self.__dict__.update(...)}): then no attribute is known.
     */
    boolean storesComputedNames() {
        return computedNames;
    }

    /**
     * The class whose instance (or the class itself) an expression names: {@code self} or {@code cls}
     * in a method, or the name of a class defined in the file. Null otherwise.
     */
    PyNode classOf(PyNode receiver) {
        if (receiver == null || !receiver.is("identifier")) return null;
        List<Binding> bound = file.resolve(receiver.text(), receiver);
        if (bound.size() != 1) return null;
        Binding only = bound.get(0);
        if (only.kind() == Binding.Kind.DEFINITION && only.site().is("class_definition")) return only.site();
        if (only.kind() != Binding.Kind.PARAMETER) return null;
        PyNode parameters = only.site().parent();
        PyNode method = parameters == null ? null : parameters.parent();
        if (method == null || !method.is("function_definition") || parameters.namedChildren().get(0) != only.site()
                || isStatic(method)) {
            return null;
        }
        PyNode holder = method.parent() != null && method.parent().is("decorated_definition") ? method.parent() : method;
        PyNode body = holder.parent();
        return body != null && body.is("block") && body.parent() != null && body.parent().is("class_definition")
                ? body.parent() : null;
    }

    private static boolean isStatic(PyNode method) {
        PyNode decorated = method.parent();
        if (decorated == null || !decorated.is("decorated_definition")) return false;
        for (PyNode decorator : decorated.namedChildren()) {
            if (decorator.is("decorator") && decorator.text().equals("@staticmethod")) return true;
        }
        return false;
    }

    private void visit(PyNode node) {
        switch (node.type()) {
            case "class_definition" -> classBody(node).forEach(this::bind);
            case "assignment", "augmented_assignment" -> {
                PyNode left = node.field("left");
                PyNode value = node.is("assignment") ? node.field("right") : null;
                while (value != null && value.is("assignment")) value = value.field("right");   // a.b = c = value
                for (PyNode target : targets(left)) store(target, target == left ? value : null);
            }
            case "for_statement", "for_in_clause" -> {
                for (PyNode target : targets(node.field("left"))) store(target, null);
            }
            case "as_pattern_target" -> {
                for (PyNode target : targets(node)) store(target, null);
            }
            case "call" -> call(node);
            default -> {
            }
        }
    }

    /** The attributes and subscripts an assignment target stores into, also inside unpacking patterns. */
    private static List<PyNode> targets(PyNode target) {
        List<PyNode> found = new ArrayList<>();
        if (target == null) return found;
        if (target.is("attribute") || target.is("subscript")) {
            found.add(target);
        } else if (target.is("pattern_list") || target.is("tuple_pattern") || target.is("list_pattern")
                || target.is("tuple") || target.is("list") || target.is("parenthesized_expression")
                || target.is("list_splat_pattern") || target.is("as_pattern_target")) {
            for (PyNode child : target.namedChildren()) found.addAll(targets(child));
        }
        return found;
    }

    private void store(PyNode target, PyNode value) {
        if (target.is("subscript")) {
            // self.__dict__[key] = value
            PyNode object = target.field("value");
            if (object != null && object.is("attribute") && isDict(object)) computedNames |= classOf(object.field("object")) != null;
            return;
        }
        PyNode attribute = target.field("attribute");
        if (attribute == null) return;
        PyNode owner = classOf(target.field("object"));
        if (owner != null) storingClasses.computeIfAbsent(attribute.text(), k -> new ArrayList<>()).add(owner);
        bind(attribute.text(), value);
    }

    private void call(PyNode node) {
        Setattr setattr = Setattr.of(node, file);
        if (setattr != null) {
            PyNode name = setattr.name();
            boolean literal = name.is("string") && !StringLiteral.hasInterpolation(name);
            if (!literal) {
                computedNames |= classOf(setattr.object()) != null;
                return;
            }
            String attribute = StringLiteral.value(name);
            PyNode owner = classOf(setattr.object());
            if (owner != null) storingClasses.computeIfAbsent(attribute, k -> new ArrayList<>()).add(owner);
            bind(attribute, setattr.value());
            return;
        }
        // self.__dict__.update(values)
        PyNode function = node.field("function");
        PyNode object = function != null && function.is("attribute") ? function.field("object") : null;
        if (object != null && object.is("attribute") && isDict(object)) computedNames |= classOf(object.field("object")) != null;
    }

    private static boolean isDict(PyNode attribute) {
        PyNode name = attribute.field("attribute");
        return name != null && name.text().equals(DICT);
    }

    private void bind(String name, PyNode value) {
        bindings.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
}
