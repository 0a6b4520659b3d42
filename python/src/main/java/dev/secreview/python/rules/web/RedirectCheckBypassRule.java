package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The two ways a hand-written "only redirect within this site" check lets another site through, both fixed in real
 * applications' post-login redirects: the check parses the URL and looks only at its path (an absolute URL to another
 * host with an allowed path passes), or it drops the scheme and host and reassembles the rest (`////evil.example`
 * parses with an empty host and the path `//evil.example`, which a browser follows to another site).
 */
@RuleInfo(
        id = "py-redirect-check-bypass",
        cwe = 601,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A check meant to keep a redirect on this site looks only at the path of the parsed URL, or removes "
                + "its scheme and host and reassembles the rest: `https://evil.example/allowed/path` or "
                + "`////evil.example` passes, and the user is sent to another site.",
        fix = "Use the framework's check, which looks at scheme and host (Django's url_has_allowed_host_and_scheme(); "
                + "in Flask, accept only a path: urlsplit(url).netloc == '' and scheme == '' and not "
                + "url.startswith(('//', '/\\\\'))), or keep a table of allowed destinations and redirect by key.",
        altNames = {})
public final class RedirectCheckBypassRule implements NodeRule {

    private static final Set<String> PARSERS = Set.of("urllib.parse.urlparse", "urllib.parse.urlsplit",
            "urlparse.urlparse", "urlparse.urlsplit", "six.moves.urllib.parse.urlparse", "six.moves.urllib.parse.urlsplit");
    private static final Set<String> UNPARSERS = Set.of("urllib.parse.urlunparse", "urllib.parse.urlunsplit",
            "urlparse.urlunparse", "urlparse.urlunsplit", "six.moves.urllib.parse.urlunparse",
            "six.moves.urllib.parse.urlunsplit");
    /** The parts of a parsed URL that say where it goes; reading any of them is looking at the host. */
    private static final Set<String> HOST_PARTS = Set.of("netloc", "hostname", "scheme", "port", "username",
            "password");
    /** Words of a function or parameter name that say the value is where the user is sent next. */
    private static final Set<String> DESTINATION_WORDS = Set.of("next", "redirect", "redirects", "return", "came",
            "target", "destination", "continue", "goto", "forward");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("function_definition");
    }

    @Override
    public void visitNode(PyNode function, RuleContext context) {
        Set<PyNode> reported = new HashSet<>();
        for (PyNode parse : calls(function, PARSERS, context)) {
            String bound = boundName(parse);
            PyNode parsed = Call.of(parse, context.file()).argument(0, "url");
            if (bound == null || parsed == null || !parsed.is("identifier")
                    || !Identifiers.parameterNames(function).contains(parsed.text())) {
                continue;
            }
            // Where the user goes next, by the parameter's name: the current request's own URL is reduced the same
            // way (Flask-Login's make_next_param) without being a destination.
            PyNode unparse = destination(parsed.text()) ? hostRemovedAndReassembled(function, bound, context) : null;
            if (unparse != null) {
                if (!reported.add(unparse)) continue;
                context.report(unparse, "`" + Snippets.shortened(unparse.text(), 60) + "` rebuilds the URL without its "
                        + "scheme and host, but what remains can still start with `//`: `////evil.example` parses with "
                        + "an empty host and the path `//evil.example`, and a browser follows that protocol-relative "
                        + "URL to another site. Nothing checks the result before it is used.");
            } else if (checksOnlyThePath(function, parse, bound, context)) {
                context.report(parse, "`" + name(function) + "` decides whether the redirect target is safe from the "
                        + "path of `" + bound + "` alone and never looks at its scheme or host: "
                        + "`https://evil.example" + "/an/allowed/path` has an allowed path and sends the user to "
                        + "another site.");
            }
        }
    }

    /**
     * The call that reassembles the parsed URL after the host was emptied ({@code parts[1] = ""} then
     * {@code urlunsplit(parts)}, {@code urlunsplit(["", "", parts[2], ...])}, {@code parsed._replace(netloc="")}),
     * when the function does not check the result before using it.
     */
    private static PyNode hostRemovedAndReassembled(PyNode function, String parts, RuleContext context) {
        boolean emptiedInPlace = hostItemEmptied(function, parts, context);
        for (PyNode unparse : calls(function, UNPARSERS, context)) {
            PyNode argument = Call.of(unparse, context.file()).argument(0, null);
            if (argument == null) continue;
            boolean hostless = argument.is("identifier") && argument.text().equals(parts) && emptiedInPlace
                    || (argument.is("list") || argument.is("tuple")) && hostlessLiteral(argument, context)
                    || argument.is("call") && replacesHost(argument, parts, context);
            if (hostless && !checkedAfterwards(function, unparse)) return unparse;
        }
        return null;
    }

    /** {@code parts[1] = ""}: the host item of a split URL set to empty text. */
    private static boolean hostItemEmptied(PyNode function, String parts, RuleContext context) {
        boolean[] found = {false};
        function.forEachDescendant(node -> {
            if (!node.is("assignment")) return;
            PyNode left = node.field("left");
            PyNode right = node.field("right");
            if (left == null || right == null || !left.is("subscript")) return;
            PyNode object = left.field("value");
            PyNode index = left.field("subscript");
            if (object != null && object.text().equals(parts) && index != null && index.text().equals("1")
                    && context.values().string(right).map(String::isEmpty).orElse(false)) {
                found[0] = true;
            }
        });
        return found[0];
    }

    /** {@code ["", "", parts[2], parts[3], parts[4]]}: scheme and host given as empty text. */
    private static boolean hostlessLiteral(PyNode literal, RuleContext context) {
        List<PyNode> items = literal.namedChildren();
        return items.size() >= 2 && context.values().string(items.get(1)).map(String::isEmpty).orElse(false);
    }

    /** {@code parsed._replace(netloc="")}, as the argument of urlunparse. */
    private static boolean replacesHost(PyNode call, String parsed, RuleContext context) {
        PyNode callee = call.field("function");
        if (callee == null || !callee.is("attribute") || callee.field("object") == null
                || !callee.field("object").text().equals(parsed) || !callee.field("attribute").text().equals("_replace")) {
            return false;
        }
        PyNode netloc = Call.of(call, context.file()).keyword("netloc");
        return netloc != null && context.values().string(netloc).map(String::isEmpty).orElse(false);
    }

    /**
     * The reassembled value is tested before use: its name appears in a condition other than a bare truth test
     * ({@code if not url}), such as {@code url.startswith("//")} or {@code is_safe(url)}.
     */
    private static boolean checkedAfterwards(PyNode function, PyNode unparse) {
        PyNode assignment = unparse.parent();
        if (assignment == null || !assignment.is("assignment") || assignment.field("left") == null
                || !assignment.field("left").is("identifier")) {
            return false;
        }
        String result = assignment.field("left").text();
        boolean[] checked = {false};
        function.forEachDescendant(node -> {
            if (node.startOffset() <= unparse.endOffset() || !node.is("identifier") || !node.text().equals(result)) return;
            PyNode condition = conditionContaining(node);
            if (condition == null) return;
            PyNode around = node.parent();
            boolean bareTruth = around == condition || around.is("not_operator") || around.is("boolean_operator");
            if (!bareTruth) checked[0] = true;
        });
        return checked[0];
    }

    private static PyNode conditionContaining(PyNode node) {
        for (PyNode at = node; at.parent() != null; at = at.parent()) {
            PyNode parent = at.parent();
            if ((parent.is("if_statement") || parent.is("elif_clause") || parent.is("while_statement")
                    || parent.is("assert_statement")) && at == parent.field("condition")) {
                return at;
            }
            if (parent.is("conditional_expression") && parent.namedChildren().size() == 3
                    && at == parent.namedChildren().get(1)) {
                return at;
            }
            if (parent.is("function_definition") || parent.is("block")) return null;
        }
        return null;
    }

    /**
     * A check of a destination parameter (by the name of the function or of the parameter) that returns a truth value,
     * reads the path of the parsed URL and none of its host parts, and hands the parsed URL to nothing else.
     */
    private static boolean checksOnlyThePath(PyNode function, PyNode parse, String parsed, RuleContext context) {
        PyNode argument = Call.of(parse, context.file()).argument(0, "url");
        if (!destination(name(function)) && !destination(argument.text())) return false;
        boolean[] path = {false};
        boolean[] elsewhere = {false};
        function.forEachDescendant(node -> {
            if (!node.is("identifier") || !node.text().equals(parsed) || node.within(parse)) return;
            PyNode parent = node.parent();
            if (parent.is("attribute") && parent.field("object") == node) {
                String part = parent.field("attribute").text();
                if (part.equals("path")) path[0] = true;
                else if (HOST_PARTS.contains(part) || part.equals("_replace") || part.equals("geturl")) elsewhere[0] = true;
            } else if (!(parent.is("assignment") && parent.field("left") == node)) {
                elsewhere[0] = true;   // indexed, unpacked or handed on whole: what is checked is out of sight
            }
        });
        return path[0] && !elsewhere[0] && returnsTruth(function);
    }

    private static boolean returnsTruth(PyNode function) {
        boolean[] truth = {false};
        function.forEachDescendant(node -> {
            if (!node.is("return_statement") || node.namedChildren().isEmpty()) return;
            PyNode value = node.namedChildren().get(0);
            if (value.is("true") || value.is("false") || value.is("comparison_operator") || value.is("not_operator")) {
                truth[0] = true;
            }
        });
        return truth[0];
    }

    private static boolean destination(String name) {
        return name != null && Identifiers.words(name).stream().anyMatch(DESTINATION_WORDS::contains);
    }

    /** {@code parsed = urlparse(url)} or {@code parts = list(urlsplit(url))}: the name the parse is bound to. */
    private static String boundName(PyNode parse) {
        PyNode value = parse;
        PyNode parent = parse.parent();
        if (parent != null && parent.is("argument_list") && parent.parent() != null && parent.parent().is("call")
                && parent.parent().field("function") != null && parent.parent().field("function").text().equals("list")) {
            value = parent.parent();
            parent = value.parent();
        }
        if (parent == null || !parent.is("assignment") || parent.field("right") != value) return null;
        PyNode left = parent.field("left");
        return left != null && left.is("identifier") ? left.text() : null;
    }

    /** Calls in the function's own body (not in functions nested in it) to one of the names. */
    private static List<PyNode> calls(PyNode function, Set<String> names, RuleContext context) {
        List<PyNode> found = new ArrayList<>();
        function.forEachDescendant(node -> {
            if (!node.is("call") || node.ancestor("function_definition") != function) return;
            String callee = Call.of(node, context.file()).callee();
            if (callee != null && names.contains(callee)) found.add(node);
        });
        return found;
    }

    private static String name(PyNode function) {
        return Optional.ofNullable(function.field("name")).map(PyNode::text).orElse("");
    }
}
