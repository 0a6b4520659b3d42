package dev.secreview.python.rules.reliability;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

@RuleInfo(
        id = "py-unbound-after-except",
        cwe = 457,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A local is assigned only inside a try block whose except clause carries on, and is read after the "
                + "try: when the try raises, that read fails with UnboundLocalError instead of the error being handled.",
        fix = "Give the name a value in the except clause (or before the try), or leave the function from the except "
                + "clause (return, raise, continue); put code that needs the value in the try's else clause.")
public final class UnboundAfterExceptRule implements NodeRule {
    /** Calls that end the handler as a raise does: sys.exit(), flask.abort(), self.fail(), a re-raising helper. */
    private static final Pattern EXITING_CALL = Pattern.compile(
            "^(sys\\.exit|os\\._exit|exit|quit|[\\w.]*\\babort|[\\w.]*\\.fail|[\\w.]*reraise\\w*)\\(");
    private static final Set<String> LITERALS = Set.of("none", "true", "false", "integer", "float", "string", "list",
            "dictionary", "tuple", "set");
    private static final Set<String> EXIT_STATEMENTS = Set.of("raise_statement", "return_statement",
            "continue_statement", "break_statement");

    /** The harm is a crash of this process's own request or task: in an operator's tool nobody else drives it. */
    @Override
    public boolean reviewsOperatorTools() {
        return false;
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of("try_statement");
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        PythonFile file = context.file();
        PyNode function = file.enclosingFunction(node);
        PyNode body = node.field("body");
        if (function == null || body == null) return;
        PyNode handler = fallingThroughHandler(node);
        if (handler == null) return;
        Map<String, PyNode> assigned = new LinkedHashMap<>();
        targetsIn(body, function, file).forEach(target -> assigned.putIfAbsent(target.text(), target));
        PyNode handlerBlock = handler.childOfType("block");
        for (PyNode target : targetsIn(handlerBlock, function, file)) assigned.remove(target.text());
        for (PyNode target : targetsIn(function, function, file)) {
            if (target.endOffset() <= node.startOffset()) assigned.remove(target.text());
        }
        parameterNames(function).forEach(assigned::remove);
        for (Map.Entry<String, PyNode> entry : assigned.entrySet()) {
            if (boundBeforeAnythingRaises(entry.getValue(), body)) continue;
            PyNode read = firstReadAfter(entry.getKey(), node, function, file);
            if (read == null) continue;
            context.report(read, "`" + entry.getKey() + "` gets its value only inside the `try` (line "
                    + entry.getValue().startLine() + "), and the `" + head(handler) + "` clause (line " + handler.startLine()
                    + ") goes on without giving it one: when the `try` raises, this line fails with UnboundLocalError, "
                    + "so the error the clause meant to handle turns into a crash (a 500 for a request that triggers it).");
        }
    }

    /** The first except clause that neither leaves (raise, return, continue, break, sys.exit, abort) nor re-raises. */
    private static PyNode fallingThroughHandler(PyNode tryStatement) {
        for (PyNode clause : tryStatement.namedChildren()) {
            if (!clause.is("except_clause")) continue;
            PyNode block = clause.childOfType("block");
            if (block != null && !exits(block)) return clause;
        }
        return null;
    }

    private static boolean exits(PyNode block) {
        for (PyNode statement : block.namedChildren()) {
            if (EXIT_STATEMENTS.contains(statement.type())) return true;
            if (statement.is("expression_statement") && EXITING_CALL.matcher(statement.text()).find()) return true;
            if (statement.is("with_statement") && statement.text().contains("reraise")) return true;
            if (statement.is("if_statement") && exitsOnEveryBranch(statement)) return true;
        }
        return false;
    }

    private static boolean exitsOnEveryBranch(PyNode ifStatement) {
        PyNode consequence = ifStatement.field("consequence");
        if (consequence == null || !exits(consequence)) return false;
        boolean hasElse = false;
        for (PyNode alternative : ifStatement.fields("alternative")) {
            PyNode block = alternative.field("body") != null ? alternative.field("body") : alternative.childOfType("block");
            if (block == null || !exits(block)) return false;
            hasElse |= alternative.is("else_clause");
        }
        return hasElse;
    }

    /** Names bound in {@code scope} (assignment, augmented assignment, for, with ... as, walrus, import), not in nested definitions. */
    private static List<PyNode> targetsIn(PyNode scope, PyNode function, PythonFile file) {
        List<PyNode> targets = new ArrayList<>();
        if (scope == null) return targets;
        scope.forEachDescendant(n -> {
            if (!n.is("identifier") || file.enclosingFunction(n) != function || !binds(n)) return;
            targets.add(n);
        });
        return targets;
    }

    /** Whether this identifier is a name being bound here. */
    private static boolean binds(PyNode identifier) {
        PyNode child = identifier;
        for (PyNode p = identifier.parent(); p != null; child = p, p = p.parent()) {
            switch (p.type()) {
                case "pattern_list", "tuple_pattern", "list_pattern", "parenthesized_expression", "list_splat_pattern" -> {
                }
                case "assignment", "augmented_assignment", "for_statement" -> {
                    return p.field("left") == child;
                }
                case "as_pattern_target", "named_expression" -> {
                    return p.is("as_pattern_target") || p.field("name") == child;
                }
                case "aliased_import", "dotted_name" -> {
                    return p.is("aliased_import") ? p.field("alias") == child
                            : p.parent() != null && (p.parent().is("import_statement")) && p.namedChildren().get(0) == child;
                }
                case "global_statement", "nonlocal_statement" -> {
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    private static List<String> parameterNames(PyNode function) {
        List<String> names = new ArrayList<>();
        PyNode parameters = function.field("parameters");
        if (parameters == null) return names;
        for (PyNode parameter : parameters.namedChildren()) {
            PyNode name = parameter.is("identifier") ? parameter : parameter.field("name");
            if (name == null) name = parameter.childOfType("identifier");
            if (name != null) names.add(name.text());
        }
        return names;
    }

    /** {@code v = None} as the try's first statement: nothing can raise before it, so the name is always bound. */
    private static boolean boundBeforeAnythingRaises(PyNode target, PyNode body) {
        PyNode first = body.namedChildren().isEmpty() ? null : body.namedChildren().get(0);
        PyNode assignment = target.parent();
        return first != null && assignment != null && assignment.is("assignment") && assignment.parent() == first
                && assignment.field("right") != null && LITERALS.contains(assignment.field("right").type());
    }

    /**
     * The first read of {@code name} after the try statement in the function, when nothing binds the name between
     * the try and that read (a later assignment in any branch makes the read's value unknown here: not reported).
     */
    private static PyNode firstReadAfter(String name, PyNode tryStatement, PyNode function, PythonFile file) {
        PyNode[] first = {null};
        boolean[] stop = {false};
        function.forEachDescendant(n -> {
            if (stop[0] || !n.is("identifier") || !n.text().equals(name) || n.startOffset() < tryStatement.endOffset()
                    || file.enclosingFunction(n) != function) {
                return;
            }
            if (n.parent() != null && (n.parent().is("attribute") && n.parent().field("attribute") == n
                    || n.parent().is("keyword_argument") && n.parent().field("name") == n)) {
                return;
            }
            stop[0] = true;
            if (!binds(n)) first[0] = n;
        });
        return first[0];
    }

    private static String head(PyNode handler) {
        String text = handler.text();
        int colon = text.indexOf(':');
        return (colon > 0 ? text.substring(0, colon) : text).replaceAll("\\s+", " ");
    }
}
