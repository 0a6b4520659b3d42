package dev.secreview.python.rules.access;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.tree.PyNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A data-access function that is handed the project, tenant, owner or user to scope its query by and never reads
 * it returns every project's rows: its callers believe the scoping is done there, so nobody does it.
 */
@RuleInfo(
        id = "py-unused-scope-parameter",
        cwe = 639,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A function that queries a database takes a project_id, tenant_id, owner or user_id to scope the "
                + "query and never reads it: the query returns every project's rows to a caller that trusts it to "
                + "filter.",
        fix = "Filter the query by the parameter (.filter_by(project_id=project_id)), or drop the parameter so that "
                + "callers see the function does not scope.",
        altNames = {})
public final class UnusedScopeParameterRule implements NodeRule {

    /** Parameters whose only purpose in a data-access function is to scope what it reads or writes. */
    private static final Set<String> SCOPE_PARAMETERS = Set.of("project_id", "tenant_id", "owner", "owner_id",
            "user_id");
    /** Methods that build or narrow a query: SQLAlchemy's session and query, Django's managers and querysets. */
    private static final Set<String> QUERY_METHODS = Set.of("query", "filter", "filter_by", "where");
    /** Functions that build a query: OpenStack's model_query helpers. */
    private static final Set<String> QUERY_FUNCTIONS = Set.of("model_query", "_model_query");
    /** Names that read every local at once: a parameter may be used through them. */
    private static final Set<String> READ_ALL_LOCALS = Set.of("locals", "vars");
    /** Decorators of methods that declare an interface rather than implement it. */
    private static final Set<String> INTERFACE_DECORATORS = Set.of("abstractmethod", "abc.abstractmethod",
            "property", "overload", "typing.overload");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("function_definition");
    }

    @Override
    public void visitNode(PyNode function, RuleContext context) {
        PyNode body = function.field("body");
        if (body == null || stub(body) || declaresInterface(function)) return;
        List<PyNode> scoping = scopeParameters(function);
        if (scoping.isEmpty()) return;
        Set<String> read = new HashSet<>();
        boolean[] queries = {false};
        boolean[] readsAllLocals = {false};
        body.forEachDescendant(node -> {
            if (node.is("identifier") && (readsAName(node) || ofRequestContext(node))) read.add(node.text());
            if (node.is("call")) {
                queries[0] |= buildsQuery(node, context);
                readsAllLocals[0] |= node.field("function") != null && node.field("function").is("identifier")
                        && READ_ALL_LOCALS.contains(node.field("function").text());
            }
        });
        if (!queries[0] || readsAllLocals[0]) return;
        for (PyNode parameter : scoping) {
            if (read.contains(parameter.text())) continue;
            context.report(parameter, "`" + parameter.text() + "` is handed to `" + function.field("name").text()
                    + "`, which queries the database and never reads it: the query is not scoped to that "
                    + scopeNoun(parameter.text()) + ", so callers that rely on it get every one's rows.");
        }
    }

    /** An identifier that reads a name: not the attribute of {@code Model.project_id}, not the keyword of {@code filter_by(project_id=1)}. */
    private static boolean readsAName(PyNode identifier) {
        PyNode parent = identifier.parent();
        if (parent == null) return true;
        if (parent.is("attribute")) return !"attribute".equals(identifier.field());
        return !(parent.is("keyword_argument") && "name".equals(identifier.field()));
    }

    /** {@code project_id} of {@code context.project_id}: the query is scoped by the caller's context instead. */
    private static boolean ofRequestContext(PyNode identifier) {
        PyNode parent = identifier.parent();
        if (parent == null || !parent.is("attribute") || !"attribute".equals(identifier.field())) return false;
        PyNode object = parent.field("object");
        return object != null && object.is("identifier") && RequestContexts.isContextName(object.text());
    }

    /** The parameter names (identifier nodes) among the scoping ones, with or without a default or annotation. */
    private static List<PyNode> scopeParameters(PyNode function) {
        PyNode parameters = function.field("parameters");
        if (parameters == null) return List.of();
        return parameters.namedChildren().stream()
                .map(p -> p.is("identifier") ? p : p.field("name") != null ? p.field("name") : p.childOfType("identifier"))
                .filter(name -> name != null && name.is("identifier") && SCOPE_PARAMETERS.contains(name.text()))
                .toList();
    }

    /** {@code session.query(...)}, {@code q.filter_by(...)}, {@code model_query(...)}, {@code sa.select(...)}; not {@code select.select} nor {@code soup.select}. */
    private static boolean buildsQuery(PyNode call, RuleContext context) {
        PyNode function = call.field("function");
        if (function == null) return false;
        String qualified = context.file().qualifiedName(function);
        // SQLAlchemy's select, not the I/O multiplexer's or an HTML parser's
        if (qualified != null && qualified.startsWith("sqlalchemy.") && qualified.endsWith(".select")) return true;
        if (function.is("identifier")) return QUERY_FUNCTIONS.contains(function.text());
        return function.is("attribute") && function.field("attribute") != null
                && (QUERY_METHODS.contains(function.field("attribute").text())
                || QUERY_FUNCTIONS.contains(function.field("attribute").text()));
    }

    /** A body of a docstring, {@code pass}, {@code ...}, a {@code raise} or a constant return: nothing is queried. */
    private static boolean stub(PyNode body) {
        List<PyNode> statements = body.namedChildren().stream()
                .filter(s -> !s.is("comment"))
                .filter(s -> !(s.is("expression_statement") && s.namedChildren().size() == 1
                        && (s.namedChildren().get(0).is("string") || s.namedChildren().get(0).is("ellipsis"))))
                .toList();
        if (statements.isEmpty()) return true;
        if (statements.size() != 1) return false;
        PyNode only = statements.get(0);
        return only.is("pass_statement") || only.is("raise_statement")
                || only.is("return_statement") && (only.namedChildren().isEmpty() || constant(only.namedChildren().get(0)));
    }

    private static boolean constant(PyNode expr) {
        return expr.is("none") || expr.is("true") || expr.is("false") || expr.is("integer") || expr.is("string")
                || (expr.is("list") || expr.is("dictionary") || expr.is("tuple")) && expr.namedChildren().isEmpty();
    }

    private static boolean declaresInterface(PyNode function) {
        PyNode decorated = function.parent();
        if (decorated == null || !decorated.is("decorated_definition")) return false;
        for (PyNode child : decorated.namedChildren()) {
            if (!child.is("decorator") || child.namedChildren().isEmpty()) continue;
            if (INTERFACE_DECORATORS.contains(child.namedChildren().get(0).text())) return true;
        }
        return false;
    }

    private static String scopeNoun(String parameter) {
        return switch (parameter) {
            case "user_id" -> "user";
            case "owner", "owner_id" -> "owner";
            case "tenant_id" -> "tenant";
            default -> "project";
        };
    }
}
