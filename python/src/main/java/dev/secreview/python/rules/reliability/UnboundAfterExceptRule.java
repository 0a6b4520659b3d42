package dev.secreview.python.rules.reliability;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Identifiers;
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
    /** Logging and printing: calls that never leave the handler. */
    private static final Pattern LOGGING_CALL = Pattern.compile(
            "^(print|(self\\.)?_?(log|logger|LOG|LOGGER|logging|_LOG)\\.\\w+|warnings\\.warn|_|gettext)\\(");
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
        PyNode handler = fallingThroughHandler(node, context.fileState(() -> functionsByName(file)));
        if (handler == null || finallyRaises(node)) return;
        Map<String, PyNode> assigned = new LinkedHashMap<>();
        targetsIn(body, function, file).forEach(target -> assigned.putIfAbsent(target.text(), target));
        PyNode handlerBlock = handler.childOfType("block");
        for (PyNode target : targetsIn(handlerBlock, function, file)) assigned.remove(target.text());
        for (PyNode target : targetsIn(function, function, file)) {
            if (target.endOffset() <= node.startOffset()) assigned.remove(target.text());
        }
        Identifiers.parameterNames(function).forEach(assigned::remove);
        PyNode last = lastStatement(body);
        for (Map.Entry<String, PyNode> entry : assigned.entrySet()) {
            if (last == null || !entry.getValue().within(last) || insideWith(entry.getValue(), body)
                    || boundBeforeAnythingRaises(entry.getValue(), body)) {
                continue;
            }
            PyNode read = firstReadAfter(entry.getKey(), node, function, file);
            if (read == null || guardedByHandlerState(handlerBlock, node, read, function, file)) continue;
            context.report(read, "`" + entry.getKey() + "` gets its value only inside the `try` (line "
                    + entry.getValue().startLine() + "), and the `" + head(handler) + "` clause (line " + handler.startLine()
                    + ") goes on without giving it one: when the `try` raises, this line fails with UnboundLocalError, "
                    + "so the error the clause meant to handle turns into a crash (a 500 for a request that triggers it).");
        }
    }

    /** The first except clause that neither leaves (raise, return, continue, break, sys.exit, abort) nor re-raises. */
    private static PyNode fallingThroughHandler(PyNode tryStatement, Map<String, List<PyNode>> functions) {
        for (PyNode clause : tryStatement.namedChildren()) {
            if (!clause.is("except_clause")) continue;
            PyNode block = clause.childOfType("block");
            if (block != null && onlyLogs(block, functions) && !exits(block, functions, 0)) return clause;
        }
        return null;
    }

    /**
     * Whether the clause visibly carries on: it only logs, prints, passes or records a message, or branches between
     * that and leaving. A call to anything else may be a helper that raises, so such a clause is not judged.
     */
    private static boolean onlyLogs(PyNode block, Map<String, List<PyNode>> functions) {
        for (PyNode statement : block.namedChildren()) {
            boolean fine = switch (statement.type()) {
                case "pass_statement" -> true;
                case "expression_statement" -> {
                    PyNode inner = statement.namedChildren().isEmpty() ? statement : statement.namedChildren().get(0);
                    PyNode value = inner.is("assignment") && inner.field("right") != null ? inner.field("right") : inner;
                    yield !value.text().contains("(") || LOGGING_CALL.matcher(value.text()).find();
                }
                case "if_statement" -> branches(statement).stream().allMatch(b -> exits(b, functions, 0) || onlyLogs(b, functions));
                default -> EXIT_STATEMENTS.contains(statement.type())
                        || statement.is("with_statement") && statement.text().contains("reraise");
            };
            if (!fine) return false;
        }
        return true;
    }

    /** The blocks of an {@code if}: its own, each {@code elif}'s and the {@code else}'s. */
    static List<PyNode> branches(PyNode ifStatement) {
        List<PyNode> blocks = new ArrayList<>();
        if (ifStatement.field("consequence") != null) blocks.add(ifStatement.field("consequence"));
        for (PyNode alternative : ifStatement.fields("alternative")) {
            PyNode block = alternative.field("body") != null ? alternative.field("body") : alternative.childOfType("block");
            if (block != null) blocks.add(block);
        }
        return blocks;
    }

    /**
     * {@code except Fault as ex: response = ex} then {@code if response: return response}: the clause records what
     * happened in a name that an {@code if} between the try and the read tests, so the read may never run after it.
     */
    private static boolean guardedByHandlerState(PyNode handlerBlock, PyNode tryStatement, PyNode read, PyNode function,
                                                 PythonFile file) {
        Set<String> recorded = new java.util.HashSet<>();
        targetsIn(handlerBlock, function, file).forEach(t -> recorded.add(t.text()));
        if (recorded.isEmpty()) return false;
        boolean[] guarded = {false};
        function.forEachDescendant(n -> {
            if (guarded[0] || !(n.is("if_statement") || n.is("elif_clause") || n.is("while_statement"))
                    || n.startOffset() < tryStatement.endOffset() || n.startOffset() > read.startOffset()) {
                return;
            }
            PyNode condition = n.field("condition");
            if (condition == null) return;
            condition.forEachDescendant(c -> {
                if (c.is("identifier") && recorded.contains(c.text())) guarded[0] = true;
            });
        });
        return guarded[0];
    }

    /** {@code finally: if err: raise ...}: the finally clause may raise what the handler recorded. */
    private static boolean finallyRaises(PyNode tryStatement) {
        PyNode clause = tryStatement.childOfType("finally_clause");
        return clause != null && clause.text().contains("raise");
    }

    private static boolean exits(PyNode block, Map<String, List<PyNode>> functions, int depth) {
        for (PyNode statement : block.namedChildren()) {
            if (EXIT_STATEMENTS.contains(statement.type())) return true;
            if (statement.is("expression_statement") && (EXITING_CALL.matcher(statement.text()).find()
                    || callsAlwaysRaising(statement, functions, depth))) {
                return true;
            }
            if (statement.is("with_statement") && statement.text().contains("reraise")) return true;
            if (statement.is("if_statement") && exitsOnEveryBranch(statement, functions, depth)) return true;
        }
        return false;
    }

    private static boolean exitsOnEveryBranch(PyNode ifStatement, Map<String, List<PyNode>> functions, int depth) {
        PyNode consequence = ifStatement.field("consequence");
        if (consequence == null || !exits(consequence, functions, depth)) return false;
        boolean hasElse = false;
        for (PyNode alternative : ifStatement.fields("alternative")) {
            PyNode block = alternative.field("body") != null ? alternative.field("body") : alternative.childOfType("block");
            if (block == null || !exits(block, functions, depth)) return false;
            hasElse |= alternative.is("else_clause");
        }
        return hasElse;
    }

    /**
     * {@code process_over_quota(...)} or {@code self._raise_error(...)}: a call to a function of this file whose
     * body always leaves by raising (a helper that builds and raises the API error).
     */
    private static boolean callsAlwaysRaising(PyNode statement, Map<String, List<PyNode>> functions, int depth) {
        PyNode call = statement.namedChildren().isEmpty() ? null : statement.namedChildren().get(0);
        if (depth > 2 || call == null || !call.is("call") || call.field("function") == null) return false;
        PyNode function = call.field("function");
        String name = function.is("identifier") ? function.text()
                : function.is("attribute") && function.field("object") != null
                        && Set.of("self", "cls").contains(function.field("object").text()) && function.field("attribute") != null
                        ? function.field("attribute").text() : null;
        if (name == null) return false;
        for (PyNode definition : functions.getOrDefault(name, List.of())) {
            PyNode body = definition.field("body");
            if (body != null && alwaysRaises(body, functions, depth + 1)) return true;
        }
        return false;
    }

    /** The file's function definitions by name, made once per file: handlers look their helpers up in it. */
    private static Map<String, List<PyNode>> functionsByName(PythonFile file) {
        Map<String, List<PyNode>> functions = new java.util.HashMap<>();
        file.root().forEachDescendant(n -> {
            if (n.is("function_definition") && n.field("name") != null) {
                functions.computeIfAbsent(n.field("name").text(), k -> new ArrayList<>()).add(n);
            }
        });
        return functions;
    }

    /** Whether every way out of the block is a raise (its last statement raises, or an if whose branches all do). */
    private static boolean alwaysRaises(PyNode block, Map<String, List<PyNode>> functions, int depth) {
        List<PyNode> statements = block.namedChildren();
        if (statements.isEmpty()) return false;
        for (PyNode statement : statements) {
            if (statement.is("return_statement")) return false;
        }
        PyNode last = statements.get(statements.size() - 1);
        return last.is("raise_statement") || last.is("if_statement") && exitsOnEveryBranch(last, functions, depth)
                && !last.text().contains("return");
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

    /**
     * The statement the try ends with. A name bound there is unbound whatever statement of the try raised; one bound
     * earlier is usually bound before the call that raises, so only names bound in the last statement are judged.
     */
    private static PyNode lastStatement(PyNode block) {
        List<PyNode> statements = block.namedChildren();
        return statements.isEmpty() ? null : statements.get(statements.size() - 1);
    }

    /** Bound inside a {@code with} block of the try: the context manager's exit can raise after the binding. */
    private static boolean insideWith(PyNode target, PyNode tryBody) {
        for (PyNode p = target.parent(); p != null && p != tryBody; p = p.parent()) {
            if (p.is("with_statement")) return true;
        }
        return false;
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
