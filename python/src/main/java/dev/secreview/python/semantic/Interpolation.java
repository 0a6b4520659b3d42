package dev.secreview.python.semantic;

import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values inserted into a string that is assembled at run time: for {@code "... %s" % name},
 * {@code f"... {name}"}, {@code "..." + name}, {@code "...".format(name)} or {@code ",".join(names)}
 * the parts are {@code [name]} / {@code [names]}, while the constant text goes to {@link Result#literal}.
 * Follows local names through their assignments, including {@code q += "..." + x}, so a query built
 * in a variable first is seen. Knows two idioms that insert no outside text: numeric {@code %d}
 * conversions and placeholder lists such as {@code ",".join(["%s"] * len(ids))}.
 */
public final class Interpolation {
    private static final int MAX_DEPTH = 10;
    /**
     * How many expressions one question may look at. A name reassigned in many branches has many
     * reaching values, each with names of its own: without a budget that fans out exponentially.
     */
    private static final int MAX_STEPS = 5_000;
    private static final Pattern CONVERSION = Pattern.compile(
            "%(?:\\(([^)]*)\\))?[#0\\- +]*(\\*|\\d+)?(?:\\.(\\*|\\d+))?[hlL]?([diouxXeEfFgGcrsa%])");
    private static final Set<String> NUMERIC_CONVERSIONS = Set.of("d", "i", "o", "u", "x", "X", "e", "E", "f",
            "F", "g", "G");
    private static final Set<String> NUMERIC_BUILTINS = Set.of("int", "float", "len", "bool", "abs", "round", "ord");

    private Interpolation() {
    }

    /** What a string expression is made of. */
    public static final class Result {
        private final List<PyNode> parts = new ArrayList<>();
        private final StringBuilder literal = new StringBuilder();

        /** The non-constant expressions inserted into the string, in source order. */
        public List<PyNode> parts() {
            return Collections.unmodifiableList(parts);
        }

        /**
         * The inserted parts that can carry outside text: not numbers, and not accepted by
         * {@code neutralised} (a quoting or escaping call the caller knows).
         */
        public List<PyNode> riskyParts(PythonFile file, java.util.function.Predicate<PyNode> neutralised) {
            List<PyNode> risky = new ArrayList<>();
            for (PyNode part : parts) {
                if (!isNumeric(part, file) && !neutralised.test(part)) risky.add(part);
            }
            return risky;
        }

        /** The constant text of the string, concatenated (approximate: for wording and keyword checks). */
        public String literal() {
            return literal.toString();
        }

        private void merge(Result other) {
            parts.addAll(other.parts);
            literal.append(other.literal);
        }
    }

    /**
     * The parts of {@code expr} when it is a string the analysis sees being made (a constant, or a
     * string built from constant text and other values); null when it is not (a parameter, a call's
     * result): then nothing is known about how it was made.
     */
    public static Result of(PyNode expr, PythonFile file, Values values) {
        Result result = new Result();
        Set<PyNode> visiting = Collections.newSetFromMap(new IdentityHashMap<>());
        return new Walker(file, values, visiting).collect(expr, result, 0) ? result : null;
    }

    /**
     * The parts a printf-style template fills in from {@code args} ({@code template % args}), when the
     * template is known text that is not itself an expression here, such as a translated message:
     * values for numeric conversions ({@code %d}) are not parts.
     */
    public static Result ofFormat(String template, PyNode args, PythonFile file, Values values) {
        Result result = new Result();
        Set<PyNode> visiting = Collections.newSetFromMap(new IdentityHashMap<>());
        new Walker(file, values, visiting).formatArguments(template, args, result, 0);
        return result;
    }

    /**
     * The bindings of the name {@code use} that can reach it, approximately: when they are in the use's own
     * scope, those written before it, minus any that a later plain assignment overwrites on every path
     * (one in a block that also holds the use). {@code q = f"... {a}"; run(q); q = "..." + b; run(q)}
     * then sees only the first value at the first call. Without such bindings, all of them.
     */
    public static List<Binding> reachingBindings(PyNode use, PythonFile file) {
        List<Binding> bindings = file.resolve(use.text(), use);
        if (bindings.size() < 2) return bindings;
        Scope scope = file.scopeOf(use);
        List<Binding> before = new ArrayList<>();
        for (Binding binding : bindings) {
            if (file.scopeOf(binding.site()) != scope) return bindings;
            if (use.within(binding.site())) continue;  // q = q + x: the q on the right is an earlier value
            if (binding.site().startOffset() < use.startOffset()) before.add(binding);
        }
        if (before.isEmpty()) return bindings;
        List<Binding> live = new ArrayList<>();
        for (Binding earlier : before) {
            boolean overwritten = false;
            for (Binding later : before) {
                if (later != earlier && later.kind() == Binding.Kind.ASSIGNMENT
                        && later.site().startOffset() > earlier.site().startOffset() && dominates(later.site(), use)) {
                    overwritten = true;
                    break;
                }
            }
            if (!overwritten) live.add(earlier);
        }
        return live;
    }

    /** Whether a plain assignment statement runs before {@code use} on every path: its block holds the use. */
    private static boolean dominates(PyNode assignment, PyNode use) {
        if (!assignment.is("assignment")) return false;
        PyNode statement = assignment.parent();
        if (statement == null || !statement.is("expression_statement")) return false;
        PyNode block = statement.parent();
        return block != null && use.within(block);
    }

    /** Whether a part is a number by construction: {@code int(x)}, {@code len(items)}, a numeric literal. */
    public static boolean isNumeric(PyNode part, PythonFile file) {
        part = definition(part, file);
        if (part == null) return false;
        if (part.is("integer") || part.is("float")) return true;
        if (!part.is("call")) return false;
        PyNode function = part.field("function");
        return function != null && function.is("identifier") && NUMERIC_BUILTINS.contains(function.text())
                && file.resolve(function.text(), function).isEmpty();
    }

    /**
     * The resolved name of the function a part calls ({@code shlex.quote}), its plain name when unresolved,
     * or null; a name assigned once from a call ({@code ident = quote_name(t)}) counts as that call.
     */
    public static String calledName(PyNode part, PythonFile file) {
        part = definition(part, file);
        if (part == null || !part.is("call")) return null;
        PyNode function = part.field("function");
        if (function == null) return null;
        String qualified = file.qualifiedName(function);
        if (qualified != null) return qualified;
        if (function.is("attribute")) {
            PyNode attribute = function.field("attribute");
            return attribute == null ? null : attribute.text();
        }
        return function.text();
    }

    /** For a name assigned exactly once, the assigned expression; otherwise the part itself. */
    private static PyNode definition(PyNode part, PythonFile file) {
        if (part == null || !part.is("identifier")) return part;
        List<Binding> bindings = file.resolve(part.text(), part);
        if (bindings.size() == 1 && bindings.get(0).kind() == Binding.Kind.ASSIGNMENT && bindings.get(0).value() != null
                && !part.within(bindings.get(0).site())) {
            return bindings.get(0).value();
        }
        return part;
    }

    /** The parts as a short list for a message: {@code `name`, `request.args["id"]`}. */
    public static String names(List<PyNode> parts) {
        List<String> names = new ArrayList<>();
        for (PyNode part : parts) {
            String text = part.text().replaceAll("\\s+", " ");
            if (text.length() > 50) text = text.substring(0, 47) + "...";
            if (!names.contains(text)) names.add(text);
            if (names.size() == 4) break;
        }
        return "`" + String.join("`, `", names) + "`";
    }

    /** A short quote of an expression's text for a message. */
    public static String quote(PyNode expr) {
        String text = expr.text().replaceAll("\\s+", " ");
        return "`" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "`";
    }

    private static final class Walker {
        private final PythonFile file;
        private final Values values;
        private final Set<PyNode> visiting;
        private int steps;

        Walker(PythonFile file, Values values, Set<PyNode> visiting) {
            this.file = file;
            this.values = values;
            this.visiting = visiting;
        }

        /** Adds what {@code expr} is made of to {@code out}; false when it is not a string seen being made. */
        boolean collect(PyNode expr, Result out, int depth) {
            if (expr == null || depth > MAX_DEPTH || ++steps > MAX_STEPS) return false;
            Optional<String> constant = values.string(expr);
            if (constant.isPresent()) {
                out.literal.append(constant.get());
                return true;
            }
            switch (expr.type()) {
                case "string": {
                    for (PyNode child : expr.children()) {
                        if (child.is("string_content") || child.is("escape_sequence")) {
                            out.literal.append(child.text());
                        } else if (child.is("interpolation")) {
                            insert(child.field("expression"), out, depth);
                        }
                    }
                    return true;
                }
                case "concatenated_string": {
                    for (PyNode part : expr.namedChildren()) {
                        if (!collect(part, out, depth + 1)) insert(part, out, depth);
                    }
                    return true;
                }
                case "parenthesized_expression": {
                    List<PyNode> inner = expr.namedChildren();
                    return inner.size() == 1 && collect(inner.get(0), out, depth + 1);
                }
                case "conditional_expression": {
                    List<PyNode> branches = expr.namedChildren();
                    if (branches.size() != 3) return false;
                    Result yes = new Result();
                    Result no = new Result();
                    if (!collect(branches.get(0), yes, depth + 1) || !collect(branches.get(2), no, depth + 1)) {
                        return false;
                    }
                    out.merge(yes);
                    out.merge(no);
                    return true;
                }
                case "binary_operator":
                    return binary(expr, out, depth);
                case "call":
                    return call(expr, out, depth);
                case "identifier":
                    return identifier(expr, out, depth);
                default:
                    return false;
            }
        }

        private boolean binary(PyNode expr, Result out, int depth) {
            String op = Values.operator(expr);
            PyNode left = expr.field("left");
            PyNode right = expr.field("right");
            if ("+".equals(op)) {
                Result l = new Result();
                Result r = new Result();
                boolean leftText = collect(left, l, depth + 1);
                boolean rightText = collect(right, r, depth + 1);
                if (!leftText && !rightText) return false;
                if (leftText) out.merge(l); else insert(left, out, depth);
                if (rightText) out.merge(r); else insert(right, out, depth);
                return true;
            }
            if ("%".equals(op)) {
                Result l = new Result();
                if (!collect(left, l, depth + 1)) return false;
                out.merge(l);
                formatArguments(values.string(left).orElse(null), right, out, depth);
                return true;
            }
            return false;
        }

        /** The right operand of {@code template % args}; numeric conversions ({@code %d}) insert no text. */
        private void formatArguments(String template, PyNode args, Result out, int depth) {
            List<String> positional = new ArrayList<>();
            Map<String, String> named = new LinkedHashMap<>();
            boolean known = template != null && conversions(template, positional, named);
            if (args == null) return;
            if (args.is("tuple")) {
                List<PyNode> items = args.namedChildren();
                for (int i = 0; i < items.size(); i++) {
                    boolean numeric = known && i < positional.size() && NUMERIC_CONVERSIONS.contains(positional.get(i));
                    if (!numeric) insert(items.get(i), out, depth);
                }
            } else if (args.is("dictionary")) {
                for (PyNode pair : args.namedChildren()) {
                    if (pair.is("pair")) {
                        Optional<String> key = values.string(pair.field("key"));
                        boolean numeric = known && key.isPresent()
                                && NUMERIC_CONVERSIONS.contains(named.getOrDefault(key.get(), ""));
                        if (!numeric) insert(pair.field("value"), out, depth);
                    } else {
                        insert(pair, out, depth);
                    }
                }
            } else {
                boolean numeric = known && positional.size() == 1 && named.isEmpty()
                        && NUMERIC_CONVERSIONS.contains(positional.get(0));
                if (!numeric) insert(args, out, depth);
            }
        }

        private boolean call(PyNode expr, Result out, int depth) {
            PyNode function = expr.field("function");
            if (function == null || !function.is("attribute")) return false;
            PyNode attribute = function.field("attribute");
            String method = attribute == null ? "" : attribute.text();
            if (!method.equals("format") && !method.equals("join")) return false;
            Result object = new Result();
            if (!collect(function.field("object"), object, depth + 1)) return false;
            out.merge(object);
            PyNode arguments = expr.field("arguments");
            if (arguments == null) return true;
            List<PyNode> args = arguments.namedChildren();
            if (method.equals("format")) {
                for (PyNode arg : args) {
                    if (arg.is("keyword_argument")) {
                        insert(arg.field("value"), out, depth);
                    } else if (arg.is("list_splat") || arg.is("dictionary_splat")) {
                        insert(arg.namedChildren().isEmpty() ? arg : arg.namedChildren().get(0), out, depth);
                    } else {
                        insert(arg, out, depth);
                    }
                }
            } else if (!args.isEmpty()) {
                joined(args.get(0), out, depth);
            }
            return true;
        }

        /** The argument of {@code sep.join(...)}. */
        private void joined(PyNode iterable, Result out, int depth) {
            switch (iterable.type()) {
                case "list", "tuple", "set" -> {
                    for (PyNode item : iterable.namedChildren()) insert(item, out, depth);
                }
                case "generator_expression", "list_comprehension", "set_comprehension" ->
                        insert(iterable.field("body"), out, depth);
                case "binary_operator" -> {
                    // ["%s"] * len(ids), "?" * n: a run of placeholders, no outside text.
                    boolean repeat = "*".equals(Values.operator(iterable))
                            && (values.isConstant(iterable.field("left")) || values.isConstant(iterable.field("right")));
                    if (!repeat) insert(iterable, out, depth);
                }
                case "identifier" -> {
                    // parts = [...]; parts.append(x): the items and what was appended
                    List<PyNode> elements = values.isConstant(iterable) ? null : values.elements(iterable);
                    if (elements == null) insert(iterable, out, depth);
                    else for (PyNode element : elements) insert(element, out, depth);
                }
                default -> insert(iterable, out, depth);
            }
        }

        private boolean identifier(PyNode expr, Result out, int depth) {
            List<Binding> bindings = reachingBindings(expr, file);
            Result local = new Result();
            boolean text = false;
            for (Binding binding : bindings) {
                PyNode site = binding.site();
                if (!visiting.add(site)) continue;
                try {
                    if (binding.kind() == Binding.Kind.ASSIGNMENT && binding.value() != null && !expr.within(site)) {
                        Result assigned = new Result();
                        if (collect(binding.value(), assigned, depth + 1)) {
                            text = true;
                            local.merge(assigned);
                        }
                    } else if (binding.kind() == Binding.Kind.OTHER) {
                        PyNode augmented = site.parent();
                        if (augmented != null && augmented.is("augmented_assignment") && augmented.field("left") == site
                                && "+=".equals(Values.operator(augmented))) {
                            insert(augmented.field("right"), local, depth);
                        }
                    }
                } finally {
                    visiting.remove(site);
                }
            }
            if (text) out.merge(local);
            return text;
        }

        /** A value inserted into a string: constants add nothing, built strings add their own parts. */
        private void insert(PyNode value, Result out, int depth) {
            if (value == null || values.isConstant(value)) return;
            Result inner = new Result();
            if (depth < MAX_DEPTH && collect(value, inner, depth + 1)) {
                out.merge(inner);
            } else {
                out.parts.add(value);
            }
        }
    }

    /**
     * The conversion types of a printf-style template, positional ({@code %s}) or named
     * ({@code %(id)d}); false when they cannot be matched to arguments ({@code %*d}).
     */
    private static boolean conversions(String template, List<String> positional, Map<String, String> named) {
        Matcher m = CONVERSION.matcher(template);
        while (m.find()) {
            String type = m.group(4);
            if (type.equals("%")) continue;
            if ("*".equals(m.group(2)) || "*".equals(m.group(3))) return false;
            if (m.group(1) != null) {
                named.put(m.group(1), type);
            } else {
                positional.add(type);
            }
        }
        return true;
    }
}
