package dev.secreview.python.lowering;

import dev.secreview.core.model.TextRange;
import dev.secreview.dataflow.ir.FunctionBuilder;
import dev.secreview.dataflow.ir.ClassInfo;
import dev.secreview.dataflow.ir.Function;
import dev.secreview.dataflow.ir.SourceModule;
import dev.secreview.python.semantic.Binding;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lowers a Python file to the dataflow IR: its top-level code and every function and method become
 * {@link Function}s (qualified as the module, classes and enclosing functions spell them), its
 * classes {@link ClassInfo}s, and its module-level literals the module's constants.
 */
public final class PythonLowering {
    private final PythonFile file;
    private final Values values;
    private final String moduleName;
    private final List<Function> functions = new ArrayList<>();
    private final List<ClassInfo> classes = new ArrayList<>();

    private PythonLowering(PythonFile file, Values values, String moduleName) {
        this.file = file;
        this.values = values;
        this.moduleName = moduleName;
    }

    /** Lowers the file; {@code values} is the file's constant folding, shared with the pattern rules. */
    public static SourceModule lower(PythonFile file, Values values) {
        PythonLowering lowering = new PythonLowering(file, values, moduleName(file.source().projectPath()));
        return lowering.lowerModule();
    }

    /**
     * {@code src/app/views.py} is {@code src.app.views}; a package's {@code __init__.py} is the package. Named from the
     * path inside the project, so that the review of a tree does not depend on the folder it was started from.
     */
    static String moduleName(String projectPath) {
        String path = projectPath.replace('\\', '/');
        while (path.startsWith("./") || path.startsWith("../") || path.startsWith("/")) {
            path = path.substring(path.indexOf('/') + 1);
        }
        path = path.replaceAll("\\.pyw?$", "");
        if (path.endsWith("/__init__")) path = path.substring(0, path.length() - "/__init__".length());
        return path.replace('/', '.').replace('-', '_');
    }

    private SourceModule lowerModule() {
        PyNode root = file.root();
        String name = moduleName + "." + SourceModule.TOP_LEVEL;
        functions.add(lowerBody(name, root, List.of(), List.of(), null, Map.of(), firstLine(), root, Map.of()));
        Map<String, Object> constants = new LinkedHashMap<>();
        Map<String, String> instances = new LinkedHashMap<>();
        moduleBindings(root, constants, instances);
        return new SourceModule(file.source(), moduleName, functions, classes, constants, instances);
    }

    /** Lowers a function definition (and, through the statement lowering, the definitions inside it). */
    void lowerFunction(PyNode definition, String qualifiedName, String owner, List<String> decorators) {
        List<String> parameters = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        Set<String> readBy = new LinkedHashSet<>(decorators);
        Map<String, PyNode> dependencies = new LinkedHashMap<>();
        PyNode params = definition.field("parameters");
        if (params != null) {
            for (PyNode parameter : params.namedChildren()) {
                String parameterName = parameterName(parameter);
                if (parameterName == null) continue;
                parameters.add(parameterName);
                PyNode annotation = parameter.field("type");
                List<PyNode> metadata = annotatedMetadata(annotation);
                String typeName = metadata.isEmpty() ? typeName(annotation) : qualifiedName(annotatedType(annotation));
                if (typeName != null) types.put(parameterName, typeName);
                List<PyNode> declarations = new ArrayList<>(metadata);
                if (parameter.field("value") != null) declarations.add(parameter.field("value"));
                for (PyNode declaration : declarations) {
                    String declared = fastApiDeclaration(declaration);
                    if (declared == null) continue;
                    readBy.add(declared);
                    PyNode dependency = dependency(declaration, declared);
                    if (dependency != null) dependencies.put(parameterName, dependency);
                }
            }
        }
        routeConverterTypes(definition).forEach(types::putIfAbsent);
        PyNode name = definition.field("name");
        functions.add(lowerBody(qualifiedName, definition.field("body"), parameters, List.copyOf(readBy), owner, types,
                name == null ? definition.range() : name.range(), definition, dependencies));
    }

    /** FastAPI's declarations of where a parameter's value comes from ({@code q: str = Query(None)}). */
    private static final Set<String> FASTAPI_DECLARATIONS =
            Set.of("Query", "Path", "Body", "Header", "Cookie", "Form", "File", "Depends", "Security");

    /**
     * {@code fastapi.Query} for a call of FastAPI's {@code Query} (imported from {@code fastapi} or its {@code params}
     * modules), else null. Only FastAPI reads these, so a function declaring one is one FastAPI calls with the
     * request's data: a route, or a dependency of one. They are counted among the function's decorators, which is
     * what the models' {@code entry} lines read.
     */
    private String fastApiDeclaration(PyNode node) {
        if (node == null || !node.is("call")) return null;
        String callee = qualifiedName(node.field("function"));
        if (callee == null || !callee.startsWith("fastapi.")) return null;
        String simple = callee.substring(callee.lastIndexOf('.') + 1);
        return FASTAPI_DECLARATIONS.contains(simple) ? "fastapi." + simple : null;
    }

    /**
     * The callable FastAPI calls for the parameter's value ({@code Depends(current_user)}), or null; {@code Depends()}
     * with none builds the annotated class from the request, which stays the request's data.
     */
    private static PyNode dependency(PyNode declaration, String declared) {
        if (!declared.equals("fastapi.Depends") && !declared.equals("fastapi.Security")) return null;
        PyNode arguments = declaration.field("arguments");
        if (arguments == null) return null;
        for (PyNode argument : arguments.namedChildren()) {
            if (argument.is("keyword_argument")) {
                PyNode keyword = argument.field("name");
                if (keyword != null && keyword.text().equals("dependency")) return argument.field("value");
            } else if (!argument.is("comment")) {
                return argument;
            }
        }
        return null;
    }

    /** The metadata of {@code Annotated[T, Query(), ...]} (every element after the type), else none. */
    private List<PyNode> annotatedMetadata(PyNode annotation) {
        List<PyNode> elements = annotatedElements(annotation);
        return elements.size() < 2 ? List.of() : elements.subList(1, elements.size());
    }

    /** The {@code T} of {@code Annotated[T, ...]}. */
    private PyNode annotatedType(PyNode annotation) {
        PyNode type = annotatedElements(annotation).get(0);
        return type.is("type") && !type.namedChildren().isEmpty() ? type.namedChildren().get(0) : type;
    }

    /** The elements of an {@code Annotated[...]} annotation, as the parser gives them (generic type or subscript). */
    private List<PyNode> annotatedElements(PyNode annotation) {
        if (annotation == null || annotation.namedChildren().isEmpty()) return List.of();
        PyNode type = annotation.namedChildren().get(0);
        PyNode head;
        List<PyNode> elements = new ArrayList<>();
        if (type.is("generic_type") && type.namedChildren().size() == 2) {
            head = type.namedChildren().get(0);
            for (PyNode element : type.namedChildren().get(1).namedChildren()) {
                elements.add(element.is("type") && !element.namedChildren().isEmpty() ? element.namedChildren().get(0) : element);
            }
        } else if (type.is("subscript")) {
            head = type.field("value");
            elements.addAll(type.fields("subscript"));
        } else {
            return List.of();
        }
        String name = qualifiedName(head);
        boolean annotated = name != null && (name.equals("typing.Annotated") || name.equals("typing_extensions.Annotated"));
        return annotated && !elements.isEmpty() ? elements : List.of();
    }

    /** {@code dependencies}: parameters the framework fills with what a callable returns, called first. */
    private Function lowerBody(String qualifiedName, PyNode body, List<String> parameters, List<String> decorators,
                               String owner, Map<String, String> types, TextRange range, PyNode scopeNode,
                               Map<String, PyNode> dependencies) {
        FunctionBuilder builder = new FunctionBuilder();
        if (body != null) {
            StatementLowering statements = new StatementLowering(this, file, builder, scopeNode, qualifiedName);
            dependencies.forEach(statements::assignCallOf);
            statements.block(body);
        }
        TextRange end = body == null ? range : lastLine(body);
        return new Function(qualifiedName, parameters, builder.build(end), decorators, owner, types, range);
    }

    /** A Werkzeug route placeholder with a converter that admits only numbers or UUIDs: {@code <int:book_id>}. */
    private static final Pattern TYPED_PLACEHOLDER = Pattern.compile("<(int|float|uuid)(?:\\([^)]*\\))?:(\\w+)>");

    /**
     * The parameters a route decorator's path types by its converter ({@code @app.route("/b/<int:book_id>")}): the
     * framework passes them as an int, a float or a UUID, never as the client's text.
     */
    private static Map<String, String> routeConverterTypes(PyNode definition) {
        Map<String, String> types = new HashMap<>();
        PyNode decorated = definition.parent();
        if (decorated == null || !decorated.is("decorated_definition")) return types;
        for (PyNode decorator : decorated.children()) {
            if (!decorator.is("decorator")) continue;
            decorator.forEachDescendant(node -> {
                if (!node.is("string")) return;
                Matcher m = TYPED_PLACEHOLDER.matcher(node.text());
                while (m.find()) types.put(m.group(2), m.group(1).equals("uuid") ? "uuid.UUID" : m.group(1));
            });
        }
        return types;
    }

    /** The qualified name of an annotation: imported, or a class of this module. */
    String typeName(PyNode annotation) {
        if (annotation == null) return null;
        PyNode type = annotation.namedChildren().isEmpty() ? annotation : annotation.namedChildren().get(0);
        return qualifiedName(type);
    }

    /** The qualified name of a (dotted) name: imported, or defined in this module. */
    private String qualifiedName(PyNode name) {
        if (name == null) return null;
        String qualified = file.qualifiedName(name);
        if (qualified == null && name.is("identifier")) {
            boolean definedHere = file.resolve(name.text(), name).stream()
                    .anyMatch(b -> b.kind() == dev.secreview.python.semantic.Binding.Kind.DEFINITION);
            if (definedHere) qualified = moduleName + "." + name.text();
        }
        return qualified;
    }

    /**
     * A class, with the names its body binds: to constants ({@code table = "nodes"}) or to anything else,
     * lists and dicts included (they are state its methods may change in place).
     */
    void addClass(PyNode definition, String qualifiedName, List<String> bases, Map<String, String> attributeTypes) {
        Map<String, Object> constants = new HashMap<>();
        Set<String> others = new HashSet<>();
        Map<String, String> calls = new HashMap<>();
        values.attributes().classBody(definition).forEach((name, value) -> {
            Object constant = value == null || Values.isMutableDisplay(value) ? null : literal(value);
            if (constant != null) constants.put(name, constant);
            else others.add(name);
            String called = constant == null && value != null && value.is("call") ? qualifiedName(value.field("function")) : null;
            if (called != null) calls.put(name, called);
        });
        classes.add(new ClassInfo(qualifiedName, bases, attributeTypes, constants, others, Set.of(), calls));
    }

    /** The IR constant a literal expression folds to, or null. */
    Object literal(PyNode expression) {
        return values.constant(expression).map(Literals::toConstant).orElse(null);
    }

    String moduleName() {
        return moduleName;
    }

    private static String parameterName(PyNode parameter) {
        switch (parameter.type()) {
            case "identifier":
                return parameter.text();
            case "typed_parameter": {
                PyNode inner = parameter.namedChildren().isEmpty() ? null : parameter.namedChildren().get(0);
                return inner == null ? null : parameterName(inner);
            }
            case "default_parameter":
            case "typed_default_parameter": {
                PyNode inner = parameter.field("name");
                return inner == null ? null : inner.text();
            }
            case "list_splat_pattern": {
                PyNode inner = parameter.namedChildren().isEmpty() ? null : parameter.namedChildren().get(0);
                return inner == null ? null : "*" + inner.text();
            }
            case "dictionary_splat_pattern": {
                PyNode inner = parameter.namedChildren().isEmpty() ? null : parameter.namedChildren().get(0);
                return inner == null ? null : "**" + inner.text();
            }
            default:
                return null;
        }
    }

    /**
     * Names bound once at module level that this file does not change in place: to a literal, what other modules may
     * read as constants (a tuple, a lookup table); to a call of a name ({@code calibre_db = CalibreDB()}), an object
     * other modules import and call the methods of. Filled into {@code constants} and {@code instances}.
     */
    private void moduleBindings(PyNode root, Map<String, Object> constants, Map<String, String> instances) {
        for (PyNode statement : root.namedChildren()) {
            if (!statement.is("expression_statement") || statement.namedChildren().isEmpty()) continue;
            PyNode assignment = statement.namedChildren().get(0);
            if (!assignment.is("assignment")) continue;
            PyNode left = assignment.field("left");
            PyNode right = assignment.field("right");
            if (left == null || right == null || !left.is("identifier")) continue;
            // An empty list or dict is a container other modules fill (a registry, a session store).
            boolean container = Values.isMutableDisplay(right) && right.namedChildren().isEmpty();
            Object value = container ? null : literal(right);
            String called = value == null && right.is("call") ? qualifiedName(right.field("function")) : null;
            if (value == null && called == null) continue;
            List<Binding> bindings = file.resolve(left.text(), left);
            if (bindings.size() != 1 || values.changedInPlace(bindings.get(0))) continue;
            String name = moduleName + "." + left.text();
            if (value != null) constants.put(name, value);
            else instances.put(name, called);
        }
    }

    private static TextRange firstLine() {
        return new TextRange(1, 1, 1, 1);
    }

    private static TextRange lastLine(PyNode body) {
        TextRange r = body.range();
        return new TextRange(r.endLine(), 1, r.endLine(), 1);
    }
}
