package dev.secreview.python.semantic;

import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the analysis knows about the value of an expression: its constant value when it folds
 * (literals, concatenations of literals, names assigned exactly once to a constant and never changed,
 * constant lookups such as {@code TABLES[0]}, class attributes such as {@code self.table}), whether it
 * is fixed by the program text (one of several constants: a loop over a constant tuple, a lookup in a
 * constant table with any key, a class attribute assigned only literals), or how it is built. Rules use
 * this to grade evidence: a literal command is not an injection, an f-string with a variable in it very
 * likely is, a bare variable might be. This is the file's own view; the whole-tree analysis also sees
 * the other files (an attribute assigned in a subclass elsewhere).
 */
public final class Values {

    /** How the value of an expression is made. */
    public enum Origin {
        /** Fixed by the program text: a constant, or one of several ({@link #isConstant}). */
        CONSTANT,
        /** A string assembled from constant text and non-constant parts (f-string, %, format, +, join). */
        BUILT,
        /** Anything else: a parameter, a call's result, an attribute. */
        UNKNOWN
    }

    /** The Python value {@code None}. */
    public static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    /** Methods that change a list, dict or set in place: a display bound to a name they are called on is not constant. */
    private static final Set<String> MUTATORS = Set.of("append", "extend", "insert", "remove", "pop", "clear", "sort",
            "reverse", "update", "setdefault", "popitem", "add", "discard", "difference_update",
            "intersection_update", "symmetric_difference_update", "appendleft", "extendleft");
    /** The mutators that only take elements away (or reorder them): what is left is what was there. */
    private static final Set<String> REMOVERS = Set.of("remove", "pop", "clear", "sort", "reverse", "popitem",
            "discard", "difference_update", "intersection_update");
    /** Builtins that give a number: whatever they count or convert, no text from outside is in the result. */
    private static final Set<String> NUMERIC_BUILTINS = Set.of("len", "int", "float", "bool", "abs", "round", "ord");
    /** Builtins that make a collection of the elements of another: their result folds when their argument does. */
    private static final Set<String> COLLECTION_BUILTINS = Set.of("frozenset", "set", "tuple", "list");
    /** Builtins whose result is fixed when their arguments are. */
    private static final Set<String> PURE_BUILTINS = Set.of("str", "repr", "tuple",
            "list", "sorted", "frozenset", "set", "min", "max");
    /** How many expressions one {@link #isConstant} question may look at: names bound in many places fan out. */
    private static final int MAX_STEPS = 2_000;

    private final PythonFile file;
    private Attributes attributes;
    private Map<String, List<PyNode>> inPlaceChanges;
    private int steps;

    public Values(PythonFile file) {
        this.file = file;
    }

    /**
     * The constant value: String, Long, Double, Boolean, {@link #NONE}, or an immutable List or Map of
     * those (tuples and lists, dict displays; they nest).
     */
    public Optional<Object> constant(PyNode expr) {
        return Optional.ofNullable(fold(expr, 0));
    }

    /**
     * Whether the value is fixed by the program text, so nothing from outside the program can be in it:
     * a constant, or one of several constants the code chooses between ({@code for table in TABLES},
     * {@code NAMES[kind]}, {@code self.table} where every binding of {@code table} in the file is a
     * literal, {@code "a" if flag else "b"}), or a value computed from such values only.
     */
    public boolean isConstant(PyNode expr) {
        steps = 0;
        return fixed(expr, 0);
    }

    /** Where the file binds attributes (class bodies, {@code obj.name = value}), shared with the lowering. */
    public Attributes attributes() {
        if (attributes == null) attributes = new Attributes(file);
        return attributes;
    }

    /** The constant string value, if the expression folds to a string. */
    public Optional<String> string(PyNode expr) {
        return fold(expr, 0) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    public boolean isTrue(PyNode expr) {
        return Boolean.TRUE.equals(fold(expr, 0));
    }

    public boolean isFalse(PyNode expr) {
        return Boolean.FALSE.equals(fold(expr, 0));
    }

    public Origin origin(PyNode expr) {
        return origin(expr, 0);
    }

    private Origin origin(PyNode expr, int depth) {
        if (expr == null || depth > PythonFile.MAX_RESOLUTION_DEPTH) return Origin.UNKNOWN;
        if (isConstant(expr)) return Origin.CONSTANT;
        switch (expr.type()) {
            case "string":
                return Origin.BUILT;  // it does not fold, so it has replacement fields
            case "concatenated_string":
                return Origin.BUILT;
            case "binary_operator": {
                String op = operator(expr);
                if ("+".equals(op) || "%".equals(op)) {
                    PyNode left = expr.field("left");
                    PyNode right = expr.field("right");
                    boolean textOnLeft = isText(left, depth + 1);
                    boolean textOnRight = "+".equals(op) && isText(right, depth + 1);
                    if (textOnLeft || textOnRight) return Origin.BUILT;
                }
                return Origin.UNKNOWN;
            }
            case "call": {
                PyNode function = expr.field("function");
                if (function != null && function.is("attribute")) {
                    PyNode attribute = function.field("attribute");
                    PyNode object = function.field("object");
                    String method = attribute == null ? "" : attribute.text();
                    if ((method.equals("format") || method.equals("join")) && object != null
                            && origin(object, depth + 1) != Origin.UNKNOWN) {
                        return Origin.BUILT;
                    }
                }
                return Origin.UNKNOWN;
            }
            case "parenthesized_expression": {
                List<PyNode> inner = expr.namedChildren();
                return inner.size() == 1 ? origin(inner.get(0), depth + 1) : Origin.UNKNOWN;
            }
            case "identifier": {
                PyNode value = singleAssignedValue(expr);
                return value == null ? Origin.UNKNOWN : origin(value, depth + 1);
            }
            default:
                return Origin.UNKNOWN;
        }
    }

    /** Whether an expression is string text: a string constant or a string built from parts. */
    private boolean isText(PyNode expr, int depth) {
        return fold(expr, depth) instanceof String || origin(expr, depth) == Origin.BUILT;
    }

    /**
     * The non-constant names an expression is made of, as written ({@code host}, {@code request.args}),
     * looking through a name assigned once to a built string: for {@code cmd = "ping " + host} the
     * inputs of {@code cmd} are {@code [host]}. Used to name the variables in a finding's explanation.
     */
    public List<String> inputs(PyNode expr) {
        List<String> names = new ArrayList<>();
        collectInputs(expr, names, 0);
        return names;
    }

    private void collectInputs(PyNode expr, List<String> names, int depth) {
        if (expr == null || depth > PythonFile.MAX_RESOLUTION_DEPTH || names.size() >= 5 || isConstant(expr)) return;
        switch (expr.type()) {
            case "identifier" -> {
                PyNode value = singleAssignedValue(expr);
                if (value != null && origin(value, depth + 1) == Origin.BUILT) {
                    collectInputs(value, names, depth + 1);
                } else if (!names.contains(expr.text())) {
                    names.add(expr.text());
                }
            }
            case "attribute", "subscript" -> {
                if (!names.contains(expr.text()) && expr.text().length() <= 60) names.add(expr.text());
            }
            case "call" -> {
                PyNode function = expr.field("function");
                boolean stringMethod = function != null && function.is("attribute")
                        && isText(function.field("object"), depth + 1);
                if (stringMethod) {
                    collectInputs(expr.field("arguments"), names, depth + 1);
                } else if (!names.contains(expr.text()) && expr.text().length() <= 60) {
                    names.add(expr.text());
                }
            }
            default -> {
                for (PyNode child : expr.namedChildren()) collectInputs(child, names, depth + 1);
            }
        }
    }

    /**
     * The value a name was given when every binding it has in its scope is one plain assignment
     * (flow-insensitive: a name assigned twice, a parameter or a loop variable has no single value).
     */
    public PyNode singleAssignedValue(PyNode identifier) {
        List<Binding> bindings = file.resolve(identifier.text(), identifier);
        if (bindings.size() != 1) return null;
        Binding only = bindings.get(0);
        if (only.kind() != Binding.Kind.ASSIGNMENT || only.value() == null || identifier.within(only.site())) {
            return null;
        }
        return only.value();
    }

    /**
     * The value of a name assigned exactly once, unless that value is a list, dict or set display the
     * file changes in place ({@code names.append(x)}, {@code table[key] = x}): then it is not what was assigned.
     */
    private PyNode unchangedValue(PyNode identifier) {
        PyNode value = singleAssignedValue(identifier);
        return value == null || changedInPlace(file.resolve(identifier.text(), identifier).get(0)) ? null : value;
    }

    /**
     * For each name, the places the file changes its value in place, whatever the scope: the mutating
     * method calls on it ({@code names.append(x)}) and the subscripts written through it
     * ({@code table[key] = x}, {@code del table[key]}).
     */
    private Map<String, List<PyNode>> inPlaceChanges() {
        if (inPlaceChanges != null) return inPlaceChanges;
        Map<String, List<PyNode>> changes = new HashMap<>();
        file.root().forEachDescendant(node -> {
            PyNode container = null;
            if (node.is("call") && node.field("function") != null && node.field("function").is("attribute")) {
                PyNode method = node.field("function").field("attribute");
                if (method != null && MUTATORS.contains(method.text())) container = node.field("function").field("object");
            } else if (node.is("subscript") && writtenBy(node) != null) {
                container = node.field("value");
            }
            if (container != null && container.is("identifier")) {
                changes.computeIfAbsent(container.text(), k -> new ArrayList<>()).add(node);
            }
        });
        inPlaceChanges = changes;
        return changes;
    }

    /**
     * The statement that writes through a subscript ({@code x[k] = v}, {@code x[k] += v}, {@code del x[k]},
     * a loop or unpacking target), or null when the subscript is only read.
     */
    private static PyNode writtenBy(PyNode subscript) {
        for (PyNode n = subscript; n.parent() != null; n = n.parent()) {
            PyNode parent = n.parent();
            if (parent.is("delete_statement")) return parent;
            if ((parent.is("assignment") || parent.is("augmented_assignment") || parent.is("for_statement"))
                    && "left".equals(n.field())) {
                return parent;
            }
            if (!parent.is("pattern_list") && !parent.is("tuple_pattern") && !parent.is("list_pattern")
                    && !parent.is("expression_list") && !parent.is("tuple") && !parent.is("list")) {
                return null;
            }
        }
        return null;
    }

    /**
     * Whether each in-place change of a name only adds fixed values (and keys) or removes some:
     * {@code append("x")}, {@code remove(name)}, {@code table["k"] = "v"}, {@code del table[k]}.
     */
    private boolean changedOnlyWithFixedValues(Binding binding, int depth) {
        for (PyNode change : changesOf(binding)) {
            if (!allFixed(added(change), depth)) return false;
        }
        return true;
    }

    /**
     * What an in-place change puts into the container: the arguments of {@code append}, {@code insert},
     * {@code extend}, {@code update}...; the key and value of {@code x[k] = v}; nothing for a removal;
     * null when it does not show (a loop or unpacking target).
     */
    private static List<PyNode> added(PyNode change) {
        if (change.is("call")) {
            return REMOVERS.contains(change.field("function").field("attribute").text()) ? List.of() : arguments(change);
        }
        PyNode statement = writtenBy(change);
        if (statement.is("delete_statement")) return List.of();
        if (statement.is("for_statement") || statement.field("left") != change) return null;
        // The key is data too: a dict's keys are read by iterating it.
        List<PyNode> stored = new ArrayList<>(change.fields("subscript"));
        stored.add(statement.field("right"));
        return stored;
    }

    /**
     * The expressions the elements of a list, tuple or set held by a name can come from: the items of
     * the display it is bound to once and what the file adds to it in place ({@code parts.append(x)}),
     * for a {@code ", ".join(parts)}. Null when the name is bound otherwise.
     */
    public List<PyNode> elements(PyNode identifier) {
        List<Binding> bindings = file.resolve(identifier.text(), identifier);
        Binding only = bindings.size() == 1 ? bindings.get(0) : null;
        PyNode display = only == null || only.kind() != Binding.Kind.ASSIGNMENT ? null : only.value();
        if (display == null || !(display.is("list") || display.is("tuple") || display.is("set")) || identifier.within(only.site())) {
            return null;
        }
        List<PyNode> elements = new ArrayList<>(display.namedChildren());
        if (!addTo(elements, only)) return null;
        elements.removeIf(e -> e.is("comment"));
        return elements;
    }

    /**
     * What the file adds in place to the container a name holds, under any of its bindings that reach
     * {@code identifier} ({@code parts.append(x)}, {@code parts.extend([a, b])}, {@code table[k] = v}); null
     * when some change cannot be read.
     */
    public List<PyNode> additions(PyNode identifier) {
        List<PyNode> added = new ArrayList<>();
        for (Binding binding : file.resolve(identifier.text(), identifier)) {
            if (!addTo(added, binding)) return null;
        }
        added.removeIf(e -> e.is("comment"));
        return added;
    }

    private boolean addTo(List<PyNode> elements, Binding binding) {
        for (PyNode change : changesOf(binding)) {
            List<PyNode> added = added(change);
            if (added == null) return false;
            for (PyNode value : added) {
                if (value.is("list") || value.is("tuple")) elements.addAll(value.namedChildren());   // extend([a, b])
                else elements.add(value);
            }
        }
        return true;
    }

    private Object fold(PyNode expr, int depth) {
        if (expr == null || depth > PythonFile.MAX_RESOLUTION_DEPTH) return null;
        switch (expr.type()) {
            case "string":
                return StringLiteral.hasInterpolation(expr) ? null : StringLiteral.value(expr);
            case "concatenated_string": {
                StringBuilder joined = new StringBuilder();
                for (PyNode part : expr.namedChildren()) {
                    if (!(fold(part, depth + 1) instanceof String s)) return null;
                    joined.append(s);
                }
                return joined.toString();
            }
            case "integer":
                return parseInteger(expr.text());
            case "float":
                try {
                    return Double.parseDouble(expr.text().replace("_", ""));
                } catch (NumberFormatException e) {
                    return null;
                }
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "none":
                return NONE;
            case "parenthesized_expression": {
                List<PyNode> inner = expr.namedChildren();
                return inner.size() == 1 ? fold(inner.get(0), depth + 1) : null;
            }
            case "unary_operator": {
                Object operand = fold(expr.field("argument"), depth + 1);
                String op = operator(expr);
                if (operand instanceof Long l && "-".equals(op)) return -l;
                if (operand instanceof Long l && "+".equals(op)) return l;
                return null;
            }
            case "binary_operator":
                return foldBinary(expr, depth);
            // a set folds to its elements in written order: what a membership test needs
            case "tuple", "list", "set": {
                List<Object> items = new ArrayList<>();
                for (PyNode item : expr.namedChildren()) {
                    if (item.is("comment")) continue;
                    Object v = fold(item, depth + 1);
                    if (v == null) return null;
                    items.add(v);
                }
                return List.copyOf(items);
            }
            case "call": {
                Object joined = foldJoin(expr, depth);
                if (joined != null) return joined;
                Object formatted = foldFormat(expr, depth);
                return formatted != null ? formatted : foldCollectionBuiltin(expr, depth);
            }
            case "dictionary":
                return foldDictionary(expr, depth);
            case "subscript":
                return foldSubscript(expr, depth);
            case "attribute": {
                List<PyNode> bound = attributeValues(expr);
                if (bound == null) return null;
                Object common = null;
                for (PyNode value : bound) {
                    Object v = fold(value, depth + 1);
                    if (v == null || (common != null && !common.equals(v))) return null;
                    common = v;
                }
                return common;
            }
            case "identifier": {
                PyNode value = unchangedValue(expr);
                return value == null ? null : fold(value, depth + 1);
            }
            default:
                return null;
        }
    }

    /** A dict display of constant keys (strings, numbers) and constant values: a constant lookup table. */
    private Object foldDictionary(PyNode expr, int depth) {
        Map<Object, Object> table = new LinkedHashMap<>();
        for (PyNode pair : expr.namedChildren()) {
            if (pair.is("comment")) continue;
            if (!pair.is("pair")) return null;
            Object key = fold(pair.field("key"), depth + 1);
            Object value = fold(pair.field("value"), depth + 1);
            if (key == null || value == null || key instanceof List || key instanceof Map) return null;
            table.put(key, value);
        }
        return Collections.unmodifiableMap(table);
    }

    /** {@code TABLES[0]}, {@code NAMES["port"]}, {@code "abc"[1]}: an element of a constant read with a constant key. */
    private Object foldSubscript(PyNode expr, int depth) {
        List<PyNode> keys = expr.fields("subscript");
        if (keys.size() != 1 || keys.get(0).is("slice")) return null;
        Object container = fold(expr.field("value"), depth + 1);
        if (container == null) return null;
        Object key = fold(keys.get(0), depth + 1);
        if (container instanceof Map<?, ?> table) return key == null ? null : table.get(key);
        if (!(key instanceof Long index)) return null;
        int size = container instanceof List<?> items ? items.size() : container instanceof String text ? text.length() : -1;
        long at = index < 0 ? size + index : index;
        if (at < 0 || at >= size) return null;
        return container instanceof List<?> items ? items.get((int) at) : String.valueOf(((String) container).charAt((int) at));
    }

    /**
     * The values {@code self.name}, {@code cls.name} or {@code Class.name} may have, for a class of this
     * file: every value the file binds the attribute name to (in any class body, any {@code obj.name =
     * value}, any {@code setattr}), provided the class or a base class of the file binds it (in its body
     * or on its own instance) and no base class from elsewhere may. Null when that is not so, when one
     * binding has no single value or is a list, dict or set, or when the file sets attributes by computed
     * names on instances.
     */
    private List<PyNode> attributeValues(PyNode attribute) {
        PyNode name = attribute.field("attribute");
        Attributes where = attributes();
        PyNode owner = name == null ? null : where.classOf(attribute.field("object"));
        if (owner == null || where.storesComputedNames() || !boundInLineage(owner, name.text(), 0)) return null;
        List<PyNode> bound = where.bindings(name.text());
        // A list or dict held by an attribute is state (self.items.append(x)), not a constant.
        return bound.isEmpty() || bound.contains(null) || bound.stream().anyMatch(Values::isMutableDisplay) ? null : bound;
    }

    /** Whether the class or a base class binds the name before the search meets a base from elsewhere. */
    private boolean boundInLineage(PyNode owner, String name, int depth) {
        if (depth > PythonFile.MAX_RESOLUTION_DEPTH) return false;
        if (attributes().classBody(owner).containsKey(name) || attributes().storingClasses(name).contains(owner)) {
            return true;
        }
        PyNode superclasses = owner.field("superclasses");
        for (PyNode base : superclasses == null ? List.<PyNode>of() : superclasses.namedChildren()) {
            if (base.is("keyword_argument") || base.is("comment")) continue;
            if (base.is("identifier") && base.text().equals("object") && file.resolve("object", base).isEmpty()) continue;
            PyNode baseClass = attributes().classOf(base);
            if (baseClass == null) return false;   // a class from elsewhere may bind it
            if (boundInLineage(baseClass, name, depth + 1)) return true;
        }
        return false;
    }

    /** {@link #isConstant}: a constant, or a value only constants can be in. */
    private boolean fixed(PyNode expr, int depth) {
        if (expr == null || depth > PythonFile.MAX_RESOLUTION_DEPTH || ++steps > MAX_STEPS) return false;
        if (fold(expr, 0) != null) return true;   // folding has its own depth budget
        switch (expr.type()) {
            case "parenthesized_expression", "tuple", "list", "set", "concatenated_string", "binary_operator",
                 "boolean_operator", "unary_operator", "expression_list":
                return allFixed(expr.namedChildren(), depth);
            case "comparison_operator", "not_operator":
                return true;   // a boolean
            case "conditional_expression": {
                List<PyNode> parts = expr.namedChildren();
                return parts.size() == 3 && fixed(parts.get(0), depth + 1) && fixed(parts.get(2), depth + 1);
            }
            case "dictionary":
                return expr.namedChildren().stream().allMatch(pair -> pair.is("comment")
                        || pair.is("pair") && fixed(pair.field("key"), depth + 1) && fixed(pair.field("value"), depth + 1));
            case "string": {
                for (PyNode part : expr.namedChildren()) {
                    if (part.is("interpolation") && !fixed(part.field("expression"), depth + 1)) return false;
                }
                return true;
            }
            case "subscript":
                return fixed(expr.field("value"), depth + 1);   // whatever the key, an element of a fixed container
            case "attribute": {
                // a property is read by calling it
                List<PyNode> bound = attributeValues(expr);
                if (bound == null) return false;
                for (PyNode value : bound) {
                    boolean fixed = value.is("function_definition")
                            ? decorators(value).equals(List.of("property")) && fixedReturns(value, depth)
                            : fixed(value, depth + 1);
                    if (!fixed) return false;
                }
                return true;
            }
            case "call":
                return fixedCall(expr, depth);
            case "identifier":
                return fixedName(expr, depth);
            default:
                return false;
        }
    }

    /** {@code "".join([...])} of constant strings: the joined string. */
    private Object foldJoin(PyNode call, int depth) {
        PyNode function = call.field("function");
        PyNode arguments = call.field("arguments");
        if (function == null || !function.is("attribute") || function.field("attribute") == null
                || !function.field("attribute").text().equals("join") || arguments == null
                || arguments.namedChildren().size() != 1) {
            return null;
        }
        if (fold(function.field("object"), depth + 1) instanceof String separator
                && fold(arguments.namedChildren().get(0), depth + 1) instanceof List<?> parts
                && parts.stream().allMatch(String.class::isInstance)) {
            return String.join(separator, parts.stream().map(String.class::cast).toList());
        }
        return null;
    }

    /** {@code frozenset({...})}, {@code tuple([...])}: the builtin collection of a folded collection, unless rebound. */
    private Object foldCollectionBuiltin(PyNode call, int depth) {
        PyNode function = call.field("function");
        PyNode arguments = call.field("arguments");
        if (function == null || !function.is("identifier") || arguments == null
                || !COLLECTION_BUILTINS.contains(function.text()) || !file.resolve(function.text(), function).isEmpty()) {
            return null;
        }
        List<PyNode> args = arguments.namedChildren().stream().filter(a -> !a.is("comment")).toList();
        if (args.isEmpty()) return List.of();
        if (args.size() != 1) return null;
        return fold(args.get(0), depth + 1) instanceof List<?> items ? items : null;
    }

    private boolean allFixed(List<PyNode> nodes, int depth) {
        if (nodes == null) return false;
        for (PyNode node : nodes) {
            if (!node.is("comment") && !fixed(node, depth + 1)) return false;
        }
        return true;
    }

    /**
     * A method of a fixed value ({@code ", ".join(COLUMNS)}, {@code TABLES.items()}) or a pure builtin
     * ({@code str}, {@code sorted}), with fixed arguments; {@code TABLE.get(key)} whatever the key.
     */
    private boolean fixedCall(PyNode call, int depth) {
        PyNode function = call.field("function");
        List<PyNode> args = arguments(call);
        if (function == null || args == null) return false;
        List<PyNode> called = calledFunctions(function);
        if (called != null) {
            for (PyNode definition : called) {
                boolean plain = decorators(definition).stream().allMatch(d -> d.equals("staticmethod") || d.equals("classmethod"));
                if (!definition.is("function_definition") || !plain || !fixedReturns(definition, depth)) return false;
            }
            return true;
        }
        if (function.is("attribute")) {
            PyNode method = function.field("attribute");
            if (!fixed(function.field("object"), depth + 1) || method == null) return false;
            if (method.text().equals("get") && !args.isEmpty()) return args.size() == 1 || allFixed(args.subList(1, args.size()), depth);
            return allFixed(args, depth);
        }
        if (!function.is("identifier") || !file.resolve(function.text(), function).isEmpty()) return false;
        return NUMERIC_BUILTINS.contains(function.text()) || PURE_BUILTINS.contains(function.text()) && allFixed(args, depth);
    }

    /**
     * The definitions a call may run when they are in this file: {@code helper(...)} for a function
     * defined once, {@code self.method(...)} for every binding of the method name (see
     * {@link #attributeValues}); null when that is not known.
     */
    private List<PyNode> calledFunctions(PyNode function) {
        if (function.is("attribute")) return attributeValues(function);
        if (!function.is("identifier")) return null;
        List<Binding> bound = file.resolve(function.text(), function);
        return bound.size() == 1 && bound.get(0).kind() == Binding.Kind.DEFINITION ? List.of(bound.get(0).site()) : null;
    }

    /** The names of a definition's decorators as written, without {@code @} and arguments. */
    private static List<String> decorators(PyNode definition) {
        PyNode decorated = definition.parent();
        if (decorated == null || !decorated.is("decorated_definition")) return List.of();
        List<String> names = new ArrayList<>();
        for (PyNode decorator : decorated.namedChildren()) {
            if (!decorator.is("decorator") || decorator.namedChildren().isEmpty()) continue;
            PyNode expression = decorator.namedChildren().get(0);
            names.add((expression.is("call") ? expression.field("function") : expression).text());
        }
        return names;
    }

    /**
     * Whether every value a function returns is fixed: each {@code return} of its own body (not of the
     * functions defined in it) returns a fixed value, and it is no generator. Falling off the end returns None.
     */
    private boolean fixedReturns(PyNode definition, int depth) {
        PyNode body = definition.field("body");
        return body != null && depth < PythonFile.MAX_RESOLUTION_DEPTH && returnsFixed(body, depth + 1);
    }

    private boolean returnsFixed(PyNode node, int depth) {
        for (PyNode child : node.namedChildren()) {
            switch (child.type()) {
                case "function_definition", "class_definition", "lambda" -> {
                }
                case "yield" -> {
                    return false;
                }
                case "return_statement" -> {
                    List<PyNode> value = child.namedChildren();
                    if (!value.isEmpty() && !fixed(value.get(0), depth)) return false;
                }
                default -> {
                    if (!returnsFixed(child, depth)) return false;
                }
            }
        }
        return true;
    }

    /** The values a call passes (keyword values, what {@code *}/{@code **} unpack), or null for {@code f(x for x in y)}. */
    private static List<PyNode> arguments(PyNode call) {
        PyNode arguments = call.field("arguments");
        if (arguments == null || !arguments.is("argument_list")) return null;
        List<PyNode> args = new ArrayList<>();
        for (PyNode argument : arguments.namedChildren()) {
            if (argument.is("comment")) continue;
            args.add(argument.is("keyword_argument") ? argument.field("value")
                    : argument.is("list_splat") || argument.is("dictionary_splat") ? argument.namedChildren().get(0) : argument);
        }
        return args;
    }

    /**
     * A name every binding of which gives a fixed value: assignments of fixed values, loops over fixed
     * iterables ({@code for table, columns in TABLES.items()}), {@code name += fixed}.
     */
    private boolean fixedName(PyNode identifier, int depth) {
        List<Binding> bindings = file.resolve(identifier.text(), identifier);
        if (bindings.isEmpty()) return false;
        for (Binding binding : bindings) {
            PyNode site = binding.site();
            boolean fixed = switch (binding.kind()) {
                case ASSIGNMENT -> binding.value() != null && !identifier.within(site)
                        && (!changedInPlace(binding) || changedOnlyWithFixedValues(binding, depth))
                        && fixed(binding.value(), depth + 1);
                case OTHER -> fixed(boundBy(site), depth + 1);
                default -> false;
            };
            if (!fixed) return false;
        }
        return true;
    }

    /**
     * Whether a name is bound to a list, dict or set display the file changes in place
     * ({@code names.append(x)}, {@code table[key] = x}): then its value is not the display.
     */
    public boolean changedInPlace(Binding binding) {
        return isMutableDisplay(binding.value()) && !changesOf(binding).isEmpty();
    }

    /** A list, dict or set display: a value code can change in place after binding it. */
    public static boolean isMutableDisplay(PyNode value) {
        return value != null && (value.is("list") || value.is("dictionary") || value.is("set"));
    }

    /** The in-place changes made through a name that is this binding where it is used. */
    private List<PyNode> changesOf(Binding binding) {
        List<PyNode> changes = new ArrayList<>();
        for (PyNode change : inPlaceChanges().getOrDefault(binding.name(), List.of())) {
            PyNode container = change.is("call") ? change.field("function").field("object") : change.field("value");
            if (file.resolve(container.text(), container).contains(binding)) changes.add(change);
        }
        return changes;
    }

    /**
     * What gives a name bound without a plain assignment its value: the iterable of the loop it is the
     * target of, the right side of {@code name += value}; null for other bindings (with, except, import).
     */
    private static PyNode boundBy(PyNode target) {
        PyNode statement = target.parent();
        while (statement != null && (statement.is("pattern_list") || statement.is("tuple_pattern")
                || statement.is("list_pattern") || statement.is("parenthesized_expression"))) {
            statement = statement.parent();
        }
        if (statement == null) return null;
        if (statement.is("for_statement") || statement.is("for_in_clause")) return statement.field("right");
        if (statement.is("augmented_assignment") && target == statement.field("left")) return statement.field("right");
        return null;
    }

    private Object foldBinary(PyNode expr, int depth) {
        Object left = fold(expr.field("left"), depth + 1);
        Object right = fold(expr.field("right"), depth + 1);
        if (left == null || right == null) return null;
        String op = operator(expr);
        if (left instanceof String a && right instanceof String b && "+".equals(op)) return a + b;
        if (left instanceof String format && "%".equals(op)) {
            // A tuple is the list of values; anything else, a list display included, is the one value.
            PyNode operand = unparenthesized(expr.field("right"));
            return percentFormat(format, operand != null && operand.is("tuple") && right instanceof List<?> values
                    ? values : List.of(right));
        }
        if (left instanceof Long a && right instanceof Long b) {
            try {
                return switch (op) {
                    case "+" -> Math.addExact(a, b);
                    case "-" -> Math.subtractExact(a, b);
                    case "*" -> Math.multiplyExact(a, b);
                    case "**" -> power(a, b);
                    case "|" -> a | b;
                    case "&" -> a & b;
                    default -> null;
                };
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    private static PyNode unparenthesized(PyNode expr) {
        while (expr != null && expr.is("parenthesized_expression") && expr.namedChildren().size() == 1) {
            expr = expr.namedChildren().get(0);
        }
        return expr;
    }

    /** {@code "^%s$" % PART}: only %s and %d of strings and integers, and %%; anything else does not fold. */
    private static String percentFormat(String format, List<?> values) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (++i == format.length()) return null;
            char conversion = format.charAt(i);
            if (conversion == '%') {
                out.append('%');
                continue;
            }
            if (next == values.size()) return null;
            Object value = values.get(next++);
            if (conversion == 's' && (value instanceof String || value instanceof Long)
                    || conversion == 'd' && value instanceof Long) {
                out.append(value);
            } else {
                return null;
            }
        }
        return next == values.size() ? out.toString() : null;
    }

    /** {@code "^{}$".format(PART)}: plain {}, {0} and {name} fields of strings and integers; no format specs. */
    private Object foldFormat(PyNode call, int depth) {
        PyNode function = call.field("function");
        PyNode arguments = call.field("arguments");
        if (function == null || !function.is("attribute") || function.field("attribute") == null
                || !function.field("attribute").text().equals("format") || arguments == null
                || !(fold(function.field("object"), depth + 1) instanceof String format)) {
            return null;
        }
        List<Object> positional = new ArrayList<>();
        Map<String, Object> named = new HashMap<>();
        for (PyNode argument : arguments.namedChildren()) {
            if (argument.is("comment")) continue;
            boolean keyword = argument.is("keyword_argument");
            Object value = fold(keyword ? argument.field("value") : argument, depth + 1);
            if (!(value instanceof String || value instanceof Long)) return null;
            if (keyword) named.put(argument.field("name").text(), value);
            else positional.add(value);
        }
        StringBuilder out = new StringBuilder();
        int automatic = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < format.length() && format.charAt(i + 1) == c) {
                out.append(c);
                i++;
            } else if (c == '{') {
                int close = format.indexOf('}', i);
                if (close < 0) return null;
                String field = format.substring(i + 1, close);
                Object value;
                if (field.isEmpty()) {
                    value = automatic < positional.size() ? positional.get(automatic++) : null;
                } else if (field.chars().allMatch(Character::isDigit)) {
                    int index = Integer.parseInt(field);
                    value = index < positional.size() ? positional.get(index) : null;
                } else {
                    value = named.get(field);  // a spec, a conversion or an attribute makes no key here
                }
                if (value == null) return null;
                out.append(value);
                i = close;
            } else if (c == '}') {
                return null;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Long power(long base, long exponent) {
        if (exponent < 0 || exponent > 64) return null;
        long result = 1;
        for (long i = 0; i < exponent; i++) result = Math.multiplyExact(result, base);
        return result;
    }

    /** The operator token of a binary/unary/boolean operator node. */
    public static String operator(PyNode expr) {
        PyNode op = expr.field("operator");
        return op == null ? null : op.text();
    }

    private static Long parseInteger(String text) {
        String t = text.replace("_", "").toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("l")) t = t.substring(0, t.length() - 1);
            if (t.startsWith("0x")) return Long.parseLong(t.substring(2), 16);
            if (t.startsWith("0o")) return Long.parseLong(t.substring(2), 8);
            if (t.startsWith("0b")) return Long.parseLong(t.substring(2), 2);
            if (t.length() > 1 && t.startsWith("0") && t.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(t, 8);  // Python 2 octal, e.g. 0777
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
