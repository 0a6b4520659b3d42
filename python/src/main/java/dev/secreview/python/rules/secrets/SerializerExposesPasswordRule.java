package dev.secreview.python.rules.secrets;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Django user model's {@code password} field holds the password hash, and a model serializer or GraphQL type writes
 * every field its {@code Meta} lets through into the response. Django REST framework's {@code ModelSerializer} and
 * graphene-django's {@code DjangoObjectType} are judged by their {@code Meta}: the fields they list ({@code "__all__"},
 * a list naming {@code password}, an {@code exclude} that does not, or none at all for a GraphQL type), and what keeps
 * the field in: {@code extra_kwargs} making it write-only, or the class declaring its own {@code password} field or
 * resolver, which replaces the model's.
 */
@RuleInfo(
        id = "py-serializer-exposes-password",
        cwe = 200,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A REST framework serializer or GraphQL type of the user model lets the password field through, so "
                + "API responses carry every user's password hash, which can be cracked offline.",
        fix = "List the fields a response may show and leave password out, or keep it for writing only: "
                + "extra_kwargs = {\"password\": {\"write_only\": True}} (and hash it in create()/update() with "
                + "set_password); for a GraphQL type, fields = (...) without password, or exclude = (\"password\",).")
public final class SerializerExposesPasswordRule implements NodeRule {

    private static final String PASSWORD = "password";

    /** The kinds of class whose Meta decides what a response shows, by the last part of a base's name. */
    private enum Kind { REST_SERIALIZER, GRAPHQL_TYPE }

    @Override
    public Set<String> nodeTypes() {
        return Set.of("class_definition");
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        Kind kind = kind(node, context.file());
        if (kind == null) return;
        PyNode meta = meta(node);
        if (meta == null) return;
        PyNode model = assigned(meta, "model");
        if (model == null || !userModel(model, context.file())) return;
        if (declaresOwnPassword(node) || writeOnly(meta)) return;
        PyNode fields = assigned(meta, "fields");
        PyNode exclude = assigned(meta, "exclude");
        PyNode evidence;
        if (fields != null) {
            Optional<Object> listed = context.values().constant(fields);
            if (listed.isEmpty()) return;
            boolean all = "__all__".equals(listed.get());
            if (!all && !(listed.get() instanceof List<?> names && names.contains(PASSWORD))) return;
            evidence = fields;
        } else if (exclude != null) {
            Optional<Object> excluded = context.values().constant(exclude);
            if (excluded.isEmpty() || excluded.get() instanceof List<?> names && names.contains(PASSWORD)) return;
            evidence = exclude;
        } else if (kind == Kind.GRAPHQL_TYPE) {
            evidence = meta;  // graphene-django exposes every field when Meta lists none
        } else {
            return;  // REST framework refuses a ModelSerializer without fields or exclude
        }
        String what = kind == Kind.REST_SERIALIZER ? "REST framework serializer" : "GraphQL type";
        context.report(evidence, "The " + what + " `" + node.field("name").text() + "` of the user model `"
                + model.text() + "` lets its `password` field into responses, and Django keeps the password hash "
                + "there: whoever can read users through this API gets their hashes and can crack them offline.");
    }

    private static Kind kind(PyNode classDefinition, PythonFile file) {
        PyNode bases = classDefinition.field("superclasses");
        if (bases == null) return null;
        for (PyNode base : bases.namedChildren()) {
            String name = String.valueOf(file.qualifiedName(base));
            String last = name.substring(name.lastIndexOf('.') + 1);
            if (last.endsWith("ModelSerializer")) return Kind.REST_SERIALIZER;
            if (last.equals("DjangoObjectType")) return Kind.GRAPHQL_TYPE;
        }
        return null;
    }

    private static PyNode meta(PyNode classDefinition) {
        for (PyNode statement : statements(classDefinition)) {
            if (statement.is("class_definition") && statement.field("name").text().equals("Meta")) return statement;
        }
        return null;
    }

    /** The value a class body assigns to {@code name}, or null. */
    private static PyNode assigned(PyNode classDefinition, String name) {
        for (PyNode statement : statements(classDefinition)) {
            PyNode assignment = statement.is("expression_statement") ? statement.childOfType("assignment") : null;
            PyNode left = assignment == null ? null : assignment.field("left");
            if (left != null && left.is("identifier") && left.text().equals(name)) return assignment.field("right");
        }
        return null;
    }

    private static List<PyNode> statements(PyNode classDefinition) {
        PyNode body = classDefinition.field("body");
        return body == null ? List.of() : body.namedChildren();
    }

    /** Django's user model, or a project's: {@code get_user_model()}, {@code User}, {@code CustomUser}. */
    private static boolean userModel(PyNode model, PythonFile file) {
        if (model.is("call")) {
            PyNode function = model.field("function");
            return function != null && String.valueOf(file.qualifiedName(function)).endsWith("get_user_model");
        }
        if (!model.is("identifier") && !model.is("attribute")) return false;
        return (model.is("attribute") ? model.field("attribute").text() : model.text()).endsWith("User");
    }

    /** A field or GraphQL resolver of the class's own named password replaces the model's. */
    private static boolean declaresOwnPassword(PyNode classDefinition) {
        if (assigned(classDefinition, PASSWORD) != null) return true;
        for (PyNode statement : statements(classDefinition)) {
            PyNode function = statement.definition();
            if (function != null && function.is("function_definition")
                    && function.field("name").text().equals("resolve_" + PASSWORD)) {
                return true;
            }
        }
        return false;
    }

    /** {@code extra_kwargs = {"password": {"write_only": True}}}. */
    private static boolean writeOnly(PyNode meta) {
        PyNode extra = assigned(meta, "extra_kwargs");
        if (extra == null || !extra.is("dictionary")) return false;
        for (PyNode pair : extra.namedChildren()) {
            PyNode key = pair.is("pair") ? pair.field("key") : null;
            if (key != null && key.text().length() > 2 && key.text().substring(1, key.text().length() - 1).equals(PASSWORD)
                    && pair.field("value").text().replace(" ", "").matches("(?s).*['\"]write_only['\"]:True.*")) {
                return true;
            }
        }
        return false;
    }
}
