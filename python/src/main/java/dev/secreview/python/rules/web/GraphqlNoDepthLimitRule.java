package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A GraphQL query nests as deep as the schema's types refer to each other ({@code author { posts { author { posts ...
 * }}}}), so one small request can make the server resolve millions of objects. Where the limit is set depends on the
 * library: on the schema for Strawberry (an extension), on the view or the execution call for Graphene's and Ariadne's
 * servers (validation rules). The rule looks at the place its library sets the limit, and a project's own view class
 * or wrapper (which may set it) is not judged.
 */
@RuleInfo(
        id = "py-graphql-no-depth-limit",
        cwe = 770,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A GraphQL schema or endpoint is served with no limit on query depth or cost, so one request with "
                + "deeply nested or aliased fields makes the server resolve an unbounded number of objects.",
        fix = "Limit the depth (and, better, the cost) of every query: Strawberry "
                + "extensions=[QueryDepthLimiter(max_depth=10)], Graphene "
                + "validation_rules=[depth_limit_validator(max_depth=10)], Ariadne "
                + "validation_rules=[cost_validator(maximum_cost=1000)].")
public final class GraphqlNoDepthLimitRule implements CallRule {

    /** Strawberry takes its limits as schema extensions. */
    private static final Set<String> STRAWBERRY_SCHEMAS = Set.of("strawberry.Schema", "strawberry.schema.Schema",
            "strawberry.schema.schema.Schema", "strawberry.federation.Schema", "strawberry.federation.schema.Schema");
    /** Graphene's and Ariadne's servers take theirs as validation rules where the query is executed. */
    private static final Set<String> SERVERS = Set.of(
            "graphene_django.views.GraphQLView.as_view", "graphene_django.GraphQLView.as_view",
            "flask_graphql.GraphQLView.as_view", "flask_graphql.graphqlview.GraphQLView.as_view",
            "graphql_server.flask.GraphQLView.as_view", "graphql_server.flask.graphqlview.GraphQLView.as_view",
            "ariadne.asgi.GraphQL", "ariadne.wsgi.GraphQL", "ariadne.contrib.django.views.GraphQLView.as_view",
            "ariadne.graphql", "ariadne.graphql_sync");
    /** What a limit is called: graphql-core's and the libraries' validators and extensions, and a project's own. */
    private static final Pattern LIMIT = Pattern.compile("depth|cost|complexity", Pattern.CASE_INSENSITIVE);

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null) return;
        if (STRAWBERRY_SCHEMAS.contains(callee)) {
            if (limited(call, "extensions", context)) return;
            context.report(call.node(), "This Strawberry schema has no query depth or cost limit among its `extensions`: "
                    + "a query can nest its types (`user { friends { friends { ... } } }`) or repeat fields under "
                    + "aliases as often as it likes, and the server resolves all of it, so one request can hold a "
                    + "worker and its database for minutes.");
        } else if (SERVERS.contains(callee)) {
            if (limited(call, "validation_rules", context)) return;
            context.report(call.node(), "This GraphQL endpoint (`" + call.function().text() + "`) executes queries "
                    + "with no depth or cost rule among its `validation_rules`: a query can nest its types or repeat "
                    + "fields under aliases as often as it likes, and the server resolves all of it, so one request "
                    + "can hold a worker and its database for minutes.");
        }
    }

    /**
     * Whether the keyword {@code name} brings a limit: its text names one, or it is a variable and the module names one
     * (the list is built elsewhere in the file). Arguments unpacked from a mapping may hold it: nothing to say then.
     */
    private static boolean limited(Call call, String name, RuleContext context) {
        PyNode argument = call.keyword(name);
        if (argument == null) return call.unpacksArguments();
        if (LIMIT.matcher(argument.text()).find()) return true;
        return !argument.is("list") && !argument.is("tuple") && LIMIT.matcher(context.file().root().text()).find();
    }
}
