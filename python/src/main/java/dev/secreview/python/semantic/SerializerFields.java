package dev.secreview.python.semantic;

import dev.secreview.core.model.TextRange;
import dev.secreview.python.tree.PyNode;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a file says of Django REST framework's model serializers and the fields a client may write through them: the
 * Django models it declares with fields only the server should set (an owner, a role, a privilege flag), the
 * {@code ModelSerializer}s whose {@code Meta} takes every field ({@code fields = "__all__"}, or {@code exclude} only),
 * and the serializers a writable view or a view's own code fills from the request. Classes are matched across files
 * by their names, as they are imported under them.
 */
public final class SerializerFields {

    /** Fields that decide who owns a row or what its user may do. */
    private static final Set<String> PRIVILEGED = Set.of("owner", "user", "is_staff", "is_superuser", "is_admin", "role",
            "roles", "permissions", "user_permissions", "groups", "tenant", "organization");
    /** Django's user models bring their privilege fields with them. */
    private static final Map<String, List<String>> INHERITED = Map.of(
            "AbstractUser", List.of("is_staff", "is_superuser", "groups", "user_permissions"),
            "User", List.of("is_staff", "is_superuser", "groups", "user_permissions"),
            "PermissionsMixin", List.of("is_superuser", "groups", "user_permissions"));
    private static final Set<String> MODEL_SERIALIZERS = Set.of("ModelSerializer", "HyperlinkedModelSerializer");
    /** Generic views and mixins that create or update through their serializer. */
    private static final Set<String> WRITABLE_VIEWS = Set.of("ModelViewSet", "CreateAPIView", "UpdateAPIView",
            "ListCreateAPIView", "RetrieveUpdateAPIView", "RetrieveUpdateDestroyAPIView", "CreateModelMixin",
            "UpdateModelMixin");
    /** Serializer fields a client never writes. */
    private static final Set<String> READ_ONLY_FIELDS = Set.of("ReadOnlyField", "HiddenField", "SerializerMethodField",
            "StringRelatedField");

    /** A model and its privileged fields. */
    public record Model(String name, List<String> privileged) implements Serializable {
    }

    /**
     * A serializer that takes every field of {@code model} but those {@code excluded} and {@code readOnly}; {@code at}
     * is its {@code Meta}'s {@code fields}/{@code exclude} line.
     */
    public record Serializer(String name, String model, Set<String> excluded, Set<String> readOnly, String path,
                             TextRange at, String snippet) implements Serializable {
    }

    /** A serializer a view fills from the request, and the fields the view's {@code save(...)} sets itself. */
    public record Write(String serializer, Set<String> serverSet, String path, TextRange at) implements Serializable {
    }

    /** One file's facts. */
    public record Facts(List<Model> models, List<Serializer> serializers, List<Write> writes) implements Serializable {
        public static final Facts NONE = new Facts(List.of(), List.of(), List.of());

        public boolean isEmpty() {
            return models.isEmpty() && serializers.isEmpty() && writes.isEmpty();
        }
    }

    /** A serializer through which a writable view lets a client set privileged fields of its model. */
    public record Exposure(Serializer serializer, Set<String> fields, Write write) {
    }

    private SerializerFields() {
    }

    /** The facts of one file (nothing for a file that names no serializer or model field). */
    public static Facts of(PythonFile file) {
        String text = file.source().text();
        if (!text.contains("Serializer") && !text.contains("Field(") && !text.contains("AbstractUser")
                && !text.contains("PermissionsMixin")) {
            return Facts.NONE;
        }
        List<Model> models = new ArrayList<>();
        List<Serializer> serializers = new ArrayList<>();
        List<Write> writes = new ArrayList<>();
        file.root().forEachDescendant(node -> {
            if (node.is("class_definition") && node.field("name") != null && node.field("body") != null) {
                List<String> bases = baseNames(node);
                model(node, bases).ifPresent(models::add);
                if (bases.stream().anyMatch(MODEL_SERIALIZERS::contains)) serializer(file, node).ifPresent(serializers::add);
                if (bases.stream().anyMatch(WRITABLE_VIEWS::contains) || fillsOwnSerializer(node)) {
                    writableView(file, node).ifPresent(writes::add);
                }
            } else if (node.is("function_definition")) {
                writes.addAll(filledInFunction(file, node));
            }
        });
        return models.isEmpty() && serializers.isEmpty() && writes.isEmpty() ? Facts.NONE
                : new Facts(List.copyOf(models), List.copyOf(serializers), List.copyOf(writes));
    }

    /** The serializers of {@code facts} through which a writable view lets a client set privileged model fields. */
    public static List<Exposure> exposures(List<Facts> facts) {
        Map<String, Set<String>> privileged = new HashMap<>();
        Map<String, List<Write>> writes = new HashMap<>();
        for (Facts f : facts) {
            for (Model model : f.models()) privileged.computeIfAbsent(model.name(), k -> new LinkedHashSet<>()).addAll(model.privileged());
            for (Write write : f.writes()) writes.computeIfAbsent(write.serializer(), k -> new ArrayList<>()).add(write);
        }
        List<Exposure> exposures = new ArrayList<>();
        for (Facts f : facts) {
            for (Serializer serializer : f.serializers()) {
                List<Write> uses = writes.getOrDefault(serializer.name(), List.of());
                Set<String> fields = new LinkedHashSet<>(privileged.getOrDefault(serializer.model(), Set.of()));
                fields.removeAll(serializer.excluded());
                fields.removeAll(serializer.readOnly());
                // a field every writing view sets itself in save(...) is the server's, whatever the client sends
                for (Write use : uses) {
                    Set<String> exposed = new LinkedHashSet<>(fields);
                    exposed.removeAll(use.serverSet());
                    if (!exposed.isEmpty()) {
                        exposures.add(new Exposure(serializer, exposed, use));
                        break;
                    }
                }
            }
        }
        return exposures;
    }

    private static List<String> baseNames(PyNode cls) {
        PyNode superclasses = cls.field("superclasses");
        if (superclasses == null) return List.of();
        return superclasses.namedChildren().stream().map(Identifiers::lastName).filter(n -> !n.isEmpty()).toList();
    }

    /** A class that declares privileged model fields ({@code owner = models.ForeignKey(...)}) or inherits Django's. */
    private static Optional<Model> model(PyNode cls, List<String> bases) {
        Set<String> privileged = new LinkedHashSet<>();
        for (String base : bases) privileged.addAll(INHERITED.getOrDefault(base, List.of()));
        for (PyNode statement : cls.field("body").namedChildren()) {
            PyNode assignment = assignment(statement);
            if (assignment == null) continue;
            PyNode target = assignment.field("left");
            PyNode value = assignment.field("right");
            if (target != null && target.is("identifier") && PRIVILEGED.contains(target.text()) && value != null
                    && value.is("call") && modelField(Identifiers.lastName(value.field("function")))) {
                privileged.add(target.text());
            }
        }
        boolean isModel = !privileged.isEmpty() && (bases.stream().anyMatch(INHERITED::containsKey)
                || bases.stream().anyMatch(b -> b.endsWith("Model") && !MODEL_SERIALIZERS.contains(b)));
        return isModel ? Optional.of(new Model(cls.field("name").text(), List.copyOf(privileged))) : Optional.empty();
    }

    private static boolean modelField(String constructor) {
        return constructor.endsWith("Field") || constructor.equals("ForeignKey");
    }

    /** A {@code ModelSerializer} whose {@code Meta} takes every field of its model (all, or all but those excluded). */
    private static Optional<Serializer> serializer(PythonFile file, PyNode cls) {
        PyNode meta = null;
        Set<String> readOnly = new HashSet<>();
        for (PyNode statement : cls.field("body").namedChildren()) {
            PyNode definition = statement.definition();
            if (definition != null && definition.is("class_definition") && definition.field("name") != null
                    && definition.field("name").text().equals("Meta")) {
                meta = definition;
            }
            PyNode assignment = assignment(statement);
            if (assignment != null && assignment.field("left") != null && assignment.field("left").is("identifier")
                    && readOnlyField(assignment.field("right"))) {
                readOnly.add(assignment.field("left").text());
            }
        }
        if (meta == null || meta.field("body") == null) return Optional.empty();
        String model = null;
        PyNode takesAll = null;
        boolean listsFields = false;
        Set<String> excluded = new HashSet<>();
        for (PyNode statement : meta.field("body").namedChildren()) {
            PyNode assignment = assignment(statement);
            if (assignment == null || assignment.field("left") == null || assignment.field("right") == null) continue;
            PyNode value = assignment.field("right");
            switch (assignment.field("left").text()) {
                case "model" -> model = Identifiers.lastName(value);
                case "fields" -> {
                    if (value.is("string") && "__all__".equals(StringLiteral.value(value))) takesAll = statement;
                    else listsFields = true;
                }
                case "exclude" -> {
                    takesAll = takesAll == null ? statement : takesAll;
                    excluded.addAll(strings(value));
                }
                case "read_only_fields" -> readOnly.addAll(strings(value));
                case "extra_kwargs" -> readOnly.addAll(readOnlyByKeywords(value));
                default -> { }
            }
        }
        if (model == null || model.isEmpty() || takesAll == null || listsFields) return Optional.empty();
        return Optional.of(new Serializer(cls.field("name").text(), model, Set.copyOf(excluded), Set.copyOf(readOnly),
                file.source().displayPath(), takesAll.range(), file.source().line(takesAll.startLine()).strip()));
    }

    /** {@code owner = serializers.ReadOnlyField(...)}, {@code owner = PrimaryKeyRelatedField(read_only=True)}. */
    private static boolean readOnlyField(PyNode value) {
        if (value == null || !value.is("call")) return false;
        if (READ_ONLY_FIELDS.contains(Identifiers.lastName(value.field("function")))) return true;
        return keyword(value, "read_only").map(k -> k.text().equals("True")).orElse(false);
    }

    /** The names {@code extra_kwargs = {"owner": {"read_only": True}}} makes read-only. */
    private static Set<String> readOnlyByKeywords(PyNode dictionary) {
        Set<String> names = new HashSet<>();
        if (!dictionary.is("dictionary")) return names;
        for (PyNode pair : dictionary.namedChildren()) {
            PyNode key = pair.field("key");
            PyNode value = pair.field("value");
            if (key == null || !key.is("string") || value == null || !value.is("dictionary")) continue;
            for (PyNode option : value.namedChildren()) {
                PyNode name = option.field("key");
                PyNode flag = option.field("value");
                if (name != null && name.is("string") && "read_only".equals(StringLiteral.value(name))
                        && flag != null && flag.text().equals("True")) {
                    names.add(StringLiteral.value(key));
                }
            }
        }
        return names;
    }

    /** A generic view or viewset that creates or updates through its {@code serializer_class}. */
    private static Optional<Write> writableView(PythonFile file, PyNode cls) {
        for (PyNode statement : cls.field("body").namedChildren()) {
            PyNode assignment = assignment(statement);
            if (assignment != null && assignment.field("left") != null && assignment.field("right") != null
                    && assignment.field("left").text().equals("serializer_class")) {
                String serializer = Identifiers.lastName(assignment.field("right"));
                if (serializer.isEmpty()) return Optional.empty();
                return Optional.of(new Write(serializer, savedKeywords(cls), file.source().displayPath(),
                        cls.field("name").range()));
            }
        }
        return Optional.empty();
    }

    /** A view whose own code fills its serializer from the request ({@code self.get_serializer(data=request.data)}). */
    private static boolean fillsOwnSerializer(PyNode cls) {
        boolean[] found = {false};
        cls.field("body").forEachDescendant(node -> {
            if (node.is("call") && node.field("function") != null && !found[0]) {
                String callee = Identifiers.lastName(node.field("function"));
                found[0] = (callee.equals("get_serializer") || callee.equals("serializer_class"))
                        && keyword(node, "data").isPresent();
            }
        });
        return found[0];
    }

    /** Serializers a function fills from the request's data ({@code NoteSerializer(data=request.data)}). */
    private static List<Write> filledInFunction(PythonFile file, PyNode function) {
        List<Write> writes = new ArrayList<>();
        Set<String> serverSet = savedKeywords(function);
        PyNode body = function.field("body");
        if (body == null) return writes;
        body.forEachDescendant(node -> {
            if (!node.is("call") || node.field("function") == null) return;
            String callee = Identifiers.lastName(node.field("function"));
            if (callee.endsWith("Serializer") && keyword(node, "data").isPresent()) {
                writes.add(new Write(callee, serverSet, file.source().displayPath(), node.range()));
            }
        });
        return writes;
    }

    /** The fields a {@code save(...)} call in {@code scope} sets itself ({@code serializer.save(owner=self.request.user)}). */
    private static Set<String> savedKeywords(PyNode scope) {
        Set<String> names = new HashSet<>();
        scope.forEachDescendant(node -> {
            if (!node.is("call") || node.field("function") == null
                    || !Identifiers.lastName(node.field("function")).equals("save") || node.field("arguments") == null) {
                return;
            }
            for (PyNode argument : node.field("arguments").namedChildren()) {
                if (argument.is("keyword_argument") && argument.field("name") != null) names.add(argument.field("name").text());
            }
        });
        return Set.copyOf(names);
    }

    private static Optional<PyNode> keyword(PyNode call, String name) {
        PyNode arguments = call.field("arguments");
        if (arguments == null) return Optional.empty();
        for (PyNode argument : arguments.namedChildren()) {
            if (argument.is("keyword_argument") && argument.field("name") != null
                    && argument.field("name").text().equals(name)) {
                return Optional.ofNullable(argument.field("value"));
            }
        }
        return Optional.empty();
    }

    /** The strings of a tuple or list literal. */
    private static List<String> strings(PyNode sequence) {
        List<String> values = new ArrayList<>();
        if (!sequence.is("tuple") && !sequence.is("list")) return values;
        for (PyNode element : sequence.namedChildren()) {
            if (element.is("string") && !StringLiteral.hasInterpolation(element)) values.add(StringLiteral.value(element));
        }
        return values;
    }

    /** The assignment an expression statement holds, or null. */
    private static PyNode assignment(PyNode statement) {
        if (!statement.is("expression_statement") || statement.namedChildren().isEmpty()) return null;
        PyNode inner = statement.namedChildren().get(0);
        return inner.is("assignment") ? inner : null;
    }
}
