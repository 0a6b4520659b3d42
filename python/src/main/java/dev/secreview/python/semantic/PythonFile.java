package dev.secreview.python.semantic;

import dev.secreview.core.model.SourceFile;
import dev.secreview.python.tree.PyNode;
import dev.secreview.python.tree.PyTree;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The semantic model of one Python file, built in one walk and only read by rules: scopes and
 * the bindings in them (imports with their aliases, assignments, parameters, definitions), so that
 * an expression resolves to the qualified name of what it refers to ({@code from subprocess import
 * Popen as P; P(...)} is a call of {@code subprocess.Popen}), and constants fold.
 */
public final class PythonFile {
    /** How many assignments resolution follows before giving up (aliases of aliases, cycles). */
    static final int MAX_RESOLUTION_DEPTH = 8;

    private static final Set<String> BUILTINS = Set.of("eval", "exec", "compile", "open", "input", "__import__",
            "getattr", "setattr", "print", "format", "str", "int", "float", "bool", "bytes", "len", "list", "dict",
            "set", "tuple", "repr", "hash", "id", "iter", "next", "map", "filter", "zip", "range", "sorted", "type",
            "isinstance", "super", "object", "vars", "globals", "locals", "memoryview", "bytearray");

    private final PyTree tree;
    private final Map<PyNode, Scope> scopes = new IdentityHashMap<>();
    private final CodeRole role;
    /** Read once, for the rule that reports within the file and for the facts the whole-tree phase joins. */
    private Boolean namesLimiter;
    private SerializerFields.Facts serializerFields;

    public PythonFile(PyTree tree) {
        this.tree = tree;
        this.role = CodeRole.of(tree.source().projectPath());
        new ScopeBuilder(scopes).build(tree.root());
    }

    public PyTree tree() {
        return tree;
    }

    public SourceFile source() {
        return tree.source();
    }

    public PyNode root() {
        return tree.root();
    }

    /** Whether the file is test code (tests may legitimately do what production code must not). */
    public boolean isTestFile() {
        return role == CodeRole.TEST;
    }

    /** What the file is for: service code, an operator tool or test code (from its path in the project). */
    public CodeRole role() {
        return role;
    }

    /** Whether the file's code names a limiter or a count of failed attempts ({@link RateLimiting}). */
    public boolean namesLimiter() {
        if (namesLimiter == null) namesLimiter = RateLimiting.named(this);
        return namesLimiter;
    }

    /** The models, serializers and writing views the file declares ({@link SerializerFields}). */
    public SerializerFields.Facts serializerFields() {
        if (serializerFields == null) serializerFields = SerializerFields.of(this);
        return serializerFields;
    }

    /** The innermost scope whose body holds {@code node}. A def's own name belongs to the enclosing scope. */
    public Scope scopeOf(PyNode node) {
        for (PyNode p = node.parent(); p != null; p = p.parent()) {
            Scope scope = scopes.get(p);
            if (scope != null && !isNameOfDefinition(node, p)) return scope;
        }
        return scopes.get(tree.root());
    }

    /** The scope a module, class, function or lambda node opens. */
    public Scope scope(PyNode definition) {
        return scopes.get(definition);
    }

    /** Whether {@code node} is (inside) the name of a def/class, which binds in the enclosing scope. */
    static boolean isNameOfDefinition(PyNode node, PyNode definition) {
        if (!definition.is("function_definition") && !definition.is("class_definition")) return false;
        PyNode name = definition.field("name");
        return name != null && node.within(name);
    }

    /** The enclosing function definition of {@code node}, or null at module or class level. */
    public PyNode enclosingFunction(PyNode node) {
        return node.ancestor("function_definition");
    }

    /**
     * The bindings {@code name} has where {@code at} stands, following Python's rules: the local
     * scope, then enclosing functions and the module (class bodies are not visible from methods).
     */
    public List<Binding> resolve(String name, PyNode at) {
        Scope start = scopeOf(at);
        for (Scope scope = start; scope != null; scope = scope.parent()) {
            if (scope.isClass() && scope != start) continue;
            List<Binding> found = scope.bindings(name);
            if (!found.isEmpty()) return found;
        }
        return List.of();
    }

    /**
     * The dotted name an expression refers to, with imports and aliases resolved: {@code h.md5}
     * after {@code import hashlib as h} is {@code hashlib.md5}. A call's result is written with
     * {@code ()}: {@code s.get} after {@code s = requests.Session()} is {@code requests.Session().get}.
     * Builtins resolve to their plain name ({@code eval}) unless shadowed. Null when unknown.
     */
    public String qualifiedName(PyNode expression) {
        return qualifiedName(expression, 0);
    }

    private String qualifiedName(PyNode expr, int depth) {
        if (expr == null || depth > MAX_RESOLUTION_DEPTH) return null;
        switch (expr.type()) {
            case "identifier": {
                List<Binding> bindings = resolve(expr.text(), expr);
                if (bindings.isEmpty()) return BUILTINS.contains(expr.text()) ? expr.text() : null;
                String common = null;
                for (Binding b : bindings) {
                    String qn = switch (b.kind()) {
                        case IMPORT -> b.qualifiedName();
                        case ASSIGNMENT -> b.value() == expr ? null : qualifiedName(b.value(), depth + 1);
                        default -> null;
                    };
                    if (qn == null || (common != null && !common.equals(qn))) return null;
                    common = qn;
                }
                return common;
            }
            case "attribute": {
                String base = qualifiedName(expr.field("object"), depth);
                PyNode attribute = expr.field("attribute");
                return base == null || attribute == null ? null : base + "." + attribute.text();
            }
            case "call": {
                String callee = qualifiedName(expr.field("function"), depth);
                return callee == null ? null : callee + "()";
            }
            case "parenthesized_expression": {
                List<PyNode> inner = expr.namedChildren();
                return inner.size() == 1 ? qualifiedName(inner.get(0), depth) : null;
            }
            default:
                return null;
        }
    }

    /**
     * Every qualified name an expression may refer to, resolved as {@link #qualifiedName} does but with one
     * candidate per binding when its root name is bound several times, each to a known name, as in the
     * fallback idioms {@code try: import cPickle as pickle / except ImportError: import pickle} and
     * {@code if hasattr(yaml, "CSafeLoader"): base = yaml.CSafeLoader / else: base = yaml.SafeLoader},
     * and both names of {@code getattr(yaml, "CSafeLoader", yaml.SafeLoader)}. Empty when any candidate is
     * unknown, so a caller may rely on the set being complete.
     */
    public Set<String> qualifiedNames(PyNode expression) {
        return qualifiedNames(expression, 0);
    }

    private Set<String> qualifiedNames(PyNode expression, int depth) {
        if (expression == null || depth > MAX_RESOLUTION_DEPTH) return Set.of();
        if (expression.is("call") && "getattr".equals(qualifiedName(expression.field("function")))) {
            return getattrNames(expression, depth);
        }
        Deque<String> tail = new ArrayDeque<>();
        PyNode node = expression;
        while (node != null && node.is("attribute")) {
            PyNode attribute = node.field("attribute");
            if (attribute == null) return Set.of();
            tail.push(attribute.text());
            node = node.field("object");
        }
        List<Binding> bindings = node != null && node.is("identifier") ? resolve(node.text(), node) : List.of();
        if (bindings.isEmpty()) {
            String known = qualifiedName(expression);
            return known == null ? Set.of() : Set.of(known);
        }
        String suffix = tail.isEmpty() ? "" : "." + String.join(".", tail);
        Set<String> names = new LinkedHashSet<>();
        for (Binding binding : bindings) {
            Set<String> each = switch (binding.kind()) {
                case IMPORT -> Set.of(binding.qualifiedName());
                case ASSIGNMENT -> binding.value() == node ? Set.of() : qualifiedNames(binding.value(), depth + 1);
                default -> Set.of();
            };
            if (each.isEmpty()) return Set.of();
            for (String name : each) names.add(name + suffix);
        }
        return names;
    }

    /** {@code getattr(module, "name")} is {@code module.name}; with a default, the default's names too. */
    private Set<String> getattrNames(PyNode call, int depth) {
        PyNode arguments = call.field("arguments");
        List<PyNode> args = arguments == null ? List.of() : arguments.namedChildren();
        if (args.size() < 2 || args.size() > 3 || !args.get(1).is("string")
                || StringLiteral.hasInterpolation(args.get(1))) {
            return Set.of();
        }
        String owner = qualifiedName(args.get(0));
        if (owner == null) return Set.of();
        Set<String> names = new LinkedHashSet<>();
        names.add(owner + "." + StringLiteral.value(args.get(1)));
        if (args.size() == 3) {
            Set<String> fallback = qualifiedNames(args.get(2), depth + 1);
            if (fallback.isEmpty()) return Set.of();
            names.addAll(fallback);
        }
        return names;
    }

    /**
     * The call that produced the value of {@code expression}, following names bound once (also by
     * {@code with call(...) as name}): for {@code s = requests.Session(); s.get(...)} the receiver
     * {@code s} was made by {@code requests.Session()}. Null when it cannot be told.
     */
    public PyNode constructorCall(PyNode expression) {
        PyNode expr = expression;
        for (int depth = 0; expr != null && depth < MAX_RESOLUTION_DEPTH; depth++) {
            if (expr.is("call")) return expr;
            if (expr.is("parenthesized_expression")) {
                List<PyNode> inner = expr.namedChildren();
                expr = inner.size() == 1 ? inner.get(0) : null;
            } else if (expr.is("identifier")) {
                List<Binding> bindings = resolve(expr.text(), expr);
                if (bindings.size() != 1 || bindings.get(0).kind() != Binding.Kind.ASSIGNMENT
                        || expr.within(bindings.get(0).site())) {
                    return null;
                }
                expr = bindings.get(0).value();
            } else {
                return null;
            }
        }
        return null;
    }

    /** Whether any import in the file brings in {@code module} or one of its submodules. */
    public boolean imports(String module) {
        for (Scope scope : scopes.values()) {
            if (scope.importsModule(module)) return true;
        }
        return false;
    }
}
