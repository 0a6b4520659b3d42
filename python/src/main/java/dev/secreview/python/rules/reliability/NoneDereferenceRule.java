package dev.secreview.python.rules.reliability;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Binding;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A lookup that answers None when it finds nothing (a regular expression's match, a mapping's {@code get} without
 * a default, a query's {@code first()}), used at once as if it had found something. Every such lookup is reported
 * at low confidence; the dataflow ({@code judgedBy = "none"}: the lookups' subjects, keys and receivers are the
 * kind's sinks) keeps only those whose input comes from the request, confirmed: there a client chooses the input
 * that finds nothing, and the handler crashes.
 */
@RuleInfo(
        id = "py-none-dereference",
        cwe = 476,
        severity = Severity.LOW,
        confidence = Confidence.LOW,
        judgedBy = "none",
        summary = "The result of a lookup that returns None when it finds nothing (re.match/search/fullmatch, "
                + "dict.get without a default, a query's first()/one_or_none()) is used at once, on request data: a "
                + "request that matches nothing crashes the handler.",
        fix = "Test the result before using it (`if m is None: raise webob.exc.HTTPBadRequest()`), give get() a "
                + "default, or use a lookup that fails with an error the framework turns into a 4xx (`one()` caught as "
                + "NoResultFound, `get_object_or_404`).")
public final class NoneDereferenceRule implements CallRule {
    private static final Set<String> MATCHERS = Set.of("match", "search", "fullmatch");
    private static final Set<String> QUERY_LOOKUPS = Set.of("first", "one_or_none");
    /** Exceptions that catch what using None raises: AttributeError, TypeError (subscript or call). */
    private static final Set<String> CATCHING = Set.of("AttributeError", "TypeError", "Exception", "BaseException");
    /** A request's mappings of what the client sent (webob, Flask, Django, Starlette, Pyramid). */
    private static final Set<String> REQUEST_MAPPINGS = Set.of("headers", "params", "GET", "POST", "args", "form",
            "cookies", "query_params", "matchdict", "str_params", "META");
    private static final Set<String> FORM_VALIDATIONS = Set.of("validate", "validate_on_submit", "is_valid");
    private static final Set<String> DICT_MAKERS = Set.of("dict", "collections.OrderedDict", "json.loads",
            "oslo_serialization.jsonutils.loads");
    /** Where a name is tested rather than used. */
    static final Set<String> TESTS = Set.of("if_statement", "elif_clause", "while_statement",
            "conditional_expression", "boolean_operator", "not_operator", "comparison_operator", "assert_statement");

    /** The harm is a crash of a request the client chose: an operator's tool has no such client. */
    @Override
    public boolean reviewsOperatorTools() {
        return false;
    }

    @Override
    public void visitCall(Call call, RuleContext context) {
        String lookup = lookup(call, context);
        if (lookup == null) return;
        PyNode use = dereference(call.node());
        if (use == null) use = dereferenceThroughName(call.node(), context);
        if (use == null || caught(use) || guarded(call, use, context)) return;
        String where = use.startLine() == call.node().startLine() ? "at once" : "on line " + use.startLine();
        context.report(call.node(), "`" + Snippets.shortened(call.node().text(), 60) + "` returns None when " + lookup
                + ", and its result is used " + where + " without a check (`" + Snippets.shortened(use.text(), 60)
                + "`): input that finds nothing raises AttributeError or TypeError, a 500 for the request (or a dead "
                + "worker outside a WSGI server).");
    }

    /** What makes the call return None, or null when it is not such a lookup. */
    private static String lookup(Call call, RuleContext context) {
        String name = call.name();
        String callee = call.callee();
        if (MATCHERS.contains(name)) {
            boolean regex = callee != null && (callee.equals("re." + name) || callee.equals("re.compile()." + name));
            return regex ? "the pattern does not match" : null;
        }
        if (call.receiver() == null || call.unpacksArguments() || !call.keywordArguments().isEmpty()) return null;
        if (name.equals("get") && call.positional().size() == 1) {
            return mapping(call, context) && !validatedByAForm(call, context) ? "the key is missing" : null;
        }
        if (QUERY_LOOKUPS.contains(name) && call.positional().isEmpty() && !aggregate(call.receiver(), context)) {
            return "no row matches";
        }
        return null;
    }

    /**
     * Whether {@code get} is a mapping's: the receiver is a request's mapping of client items, or a name bound only to a
     * dict (a display, a comprehension, {@code dict()}, parsed JSON). Any other {@code get} may be an API client's,
     * which raises instead of answering None (a REST manager's {@code get(id)}, an HTTP session's {@code get(url)}).
     */
    private static boolean mapping(Call call, RuleContext context) {
        PyNode receiver = call.receiver();
        String member = receiver.is("attribute") ? receiver.field("attribute").text() : receiver.text();
        // A WSGI environ's HTTP_ items are the client's headers; the rest are the server's, set by middleware.
        if (member.equals("environ")) {
            return context.values().string(call.positional().get(0)).map(key -> key.startsWith("HTTP_")).orElse(false);
        }
        if (receiver.is("attribute")) return REQUEST_MAPPINGS.contains(member);
        if (!receiver.is("identifier")) return false;
        List<Binding> bindings = context.file().resolve(receiver.text(), receiver);
        if (bindings.isEmpty()) return false;
        for (Binding binding : bindings) {
            PyNode value = binding.kind() == Binding.Kind.ASSIGNMENT ? binding.value() : null;
            if (value == null) return false;
            String made = value.is("call") ? context.file().qualifiedName(value.field("function")) : null;
            boolean dict = value.is("dictionary") || value.is("dictionary_comprehension")
                    || made != null && DICT_MAKERS.contains(made);
            if (!dict) return false;
        }
        return true;
    }

    /**
     * Whether, before the lookup, the function built a form from the same mapping and validated it (WTForms'
     * {@code validate()}/{@code validate_on_submit()}, Django's {@code is_valid()}): the form's required fields are there.
     */
    private static boolean validatedByAForm(Call call, RuleContext context) {
        PyNode function = context.file().enclosingFunction(call.node());
        if (function == null) return false;
        String mapping = call.receiver().text();
        boolean[] built = {false};
        boolean[] validated = {false};
        function.forEachDescendant(n -> {
            if (!n.is("call") || n.startOffset() >= call.node().startOffset()) return;
            Call earlier = Call.of(n, context.file());
            if (FORM_VALIDATIONS.contains(earlier.name())) validated[0] = true;
            if (earlier.positional().stream().anyMatch(a -> a.text().equals(mapping))) built[0] = true;
        });
        return built[0] && validated[0];
    }

    /**
     * Whether the query selects only aggregates ({@code func.count}, {@code func.sum}): such a query always
     * answers one row. The receiver's own text and, for a name, what the function assigns to it.
     */
    private static boolean aggregate(PyNode receiver, RuleContext context) {
        if (receiver.text().contains("func.")) return true;
        PyNode root = receiver;
        while (root.is("call") || root.is("attribute")) root = root.is("call") ? root.field("function") : root.field("object");
        if (!root.is("identifier")) return false;
        for (Binding binding : context.file().resolve(root.text(), root)) {
            if (binding.value() != null && binding.value().text().contains("func.")) return true;
        }
        return false;
    }

    /** The node that uses {@code value} as None cannot be used: its attribute, item, call or arithmetic; else null. */
    private static PyNode dereference(PyNode value) {
        PyNode parent = value.parent();
        while (parent != null && parent.is("parenthesized_expression")) {
            value = parent;
            parent = parent.parent();
        }
        if (parent == null) return null;
        // Arithmetic on None raises TypeError too, except as the values a % format fills in.
        if (parent.is("binary_operator")) {
            PyNode operator = parent.field("operator");
            boolean formatted = operator != null && operator.text().equals("%") && parent.field("right") == value;
            return formatted ? null : parent;
        }
        String field = switch (parent.type()) {
            case "attribute" -> "object";
            case "subscript" -> "value";
            case "call" -> "function";
            default -> null;
        };
        return field != null && parent.field(field) == value ? parent : null;
    }

    /**
     * {@code m = re.match(...)} whose next mention is a use as an object ({@code m.group(1)}), in a function that
     * never tests the name: the dereference, else null.
     */
    private static PyNode dereferenceThroughName(PyNode call, RuleContext context) {
        PyNode assignment = call.parent();
        if (assignment == null || !assignment.is("assignment") || assignment.field("right") != call) return null;
        PyNode target = assignment.field("left");
        PyNode function = context.file().enclosingFunction(call);
        if (target == null || !target.is("identifier") || function == null) return null;
        String name = target.text();
        List<PyNode> mentions = new ArrayList<>();
        function.forEachDescendant(n -> {
            if (n.is("identifier") && n.text().equals(name) && n != target) mentions.add(n);
        });
        PyNode next = null;
        for (PyNode mention : mentions) {
            if (tested(mention, function)) return null;
            if (mention.startOffset() > assignment.endOffset() && (next == null || mention.startOffset() < next.startOffset())) {
                next = mention;
            }
        }
        return next == null ? null : dereference(next);
    }

    /** Whether the mention is tested (stands in a condition) or handed to a call that may test it. */
    private static boolean tested(PyNode mention, PyNode function) {
        if (mention.parent() != null && mention.parent().is("argument_list")) return true;
        for (PyNode n = mention; n != function && n.parent() != null; n = n.parent()) {
            PyNode p = n.parent();
            if (TESTS.contains(p.type())) return true;
            if (dereference(n) != null || p.is("block") || p.is("expression_statement")) return false;
        }
        return false;
    }

    /** Whether the condition's text names the key: as written, or a constant key in either quote. */
    private static boolean mentions(String condition, PyNode key, RuleContext context) {
        if (condition.contains(key.text())) return true;
        return context.values().string(key)
                .map(k -> condition.contains("'" + k + "'") || condition.contains("\"" + k + "\""))
                .orElse(false);
    }

    /** Whether the use stands in the body of a try whose handler catches what using None raises. */
    private static boolean caught(PyNode use) {
        for (PyNode p = use.parent(); p != null && !p.is("function_definition"); p = p.parent()) {
            if (!p.is("try_statement") || !use.within(p.field("body"))) continue;
            for (PyNode handler : p.children()) {
                if (!handler.is("except_clause")) continue;
                List<PyNode> caught = new ArrayList<>();
                for (PyNode part : handler.namedChildren()) {
                    if (!part.is("block")) part.forEachDescendant(n -> {
                        if (n.is("identifier") || n.is("attribute")) caught.add(n);
                    });
                }
                if (caught.isEmpty() || caught.stream().anyMatch(n -> CATCHING.contains(n.text()))) return true;
            }
        }
        return false;
    }

    /**
     * Whether a condition around the use already proves the lookup finds something: the same lookup tested
     * ({@code if re.match(p, s): ... re.match(p, s).group()}), or the key tested ({@code if key in table}).
     */
    private static boolean guarded(Call call, PyNode use, RuleContext context) {
        String lookup = call.node().text();
        PyNode receiver = call.receiver();
        List<PyNode> positional = call.positional();
        PyNode key = call.name().equals("get") && positional.size() == 1 ? positional.get(0) : null;
        for (PyNode p = use.parent(); p != null && !p.is("function_definition"); p = p.parent()) {
            PyNode condition = switch (p.type()) {
                case "if_statement", "elif_clause", "while_statement", "conditional_expression" -> p.field("condition");
                case "boolean_operator" -> use.within(p.field("right")) ? p.field("left") : null;
                default -> null;
            };
            if (p.is("conditional_expression") && condition == null) condition = p.namedChildren().size() == 3
                    ? p.namedChildren().get(1) : null;
            if (condition == null || use.within(condition)) continue;
            String tested = condition.text();
            if (tested.contains(lookup)) return true;
            if (key != null && receiver != null && tested.contains(receiver.text()) && mentions(tested, key, context)) {
                return true;
            }
        }
        return false;
    }

}
