package dev.secreview.python.rules.files;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "py-toctou-path-check",
        cwe = 367,
        severity = Severity.LOW,
        confidence = Confidence.MEDIUM,
        summary = "A path is checked (os.path.exists, os.access, ...) and then used by name, so it can change in between.",
        fix = "Do the operation and handle its failure instead of checking first: `os.makedirs(d, exist_ok=True)`; "
                + "`try: os.remove(f) except FileNotFoundError: pass`; `open(p, \"x\")` to create only if absent; for "
                + "permission checks open first and inspect the descriptor with os.fstat().")
public final class ToctouPathCheckRule implements NodeRule {
    private static final Set<String> CHECKS = Set.of("os.path.exists", "os.path.isfile", "os.path.isdir",
            "os.path.lexists", "os.path.islink", "os.access");

    /**
     * Operations that look a path up again: argument position, keyword, and whether the operation
     * needs the path to exist ({@code N}) or creates it ({@code C}); {@code open} depends on its mode.
     */
    private static final Map<String, String[]> OPERATIONS = Map.ofEntries(
            Map.entry("open", new String[]{"0:file:O"}), Map.entry("io.open", new String[]{"0:file:O"}),
            Map.entry("codecs.open", new String[]{"0:filename:O"}),
            Map.entry("os.remove", new String[]{"0:path:N"}), Map.entry("os.unlink", new String[]{"0:path:N"}),
            Map.entry("os.rmdir", new String[]{"0:path:N"}), Map.entry("os.removedirs", new String[]{"0:name:N"}),
            Map.entry("os.chmod", new String[]{"0:path:N"}), Map.entry("os.chown", new String[]{"0:path:N"}),
            Map.entry("shutil.rmtree", new String[]{"0:path:N"}),
            Map.entry("os.mkdir", new String[]{"0:path:C"}), Map.entry("os.makedirs", new String[]{"0:name:C"}),
            Map.entry("os.symlink", new String[]{"1:dst:C"}),
            Map.entry("os.rename", new String[]{"0:src:N", "1:dst:C"}),
            Map.entry("os.replace", new String[]{"0:src:N", "1:dst:C"}),
            Map.entry("shutil.copy", new String[]{"0:src:N", "1:dst:C"}),
            Map.entry("shutil.copy2", new String[]{"0:src:N", "1:dst:C"}),
            Map.entry("shutil.copyfile", new String[]{"0:src:N", "1:dst:C"}),
            Map.entry("shutil.copytree", new String[]{"0:src:N", "1:dst:C"}),
            Map.entry("shutil.move", new String[]{"0:src:N", "1:dst:C"}));

    /**
     * A path check: {@code present} when the code that follows runs only if the path exists, false when
     * it runs only if it is absent; {@code permission} for {@code os.access} with R_OK/W_OK/X_OK.
     */
    private record Check(Call call, boolean present, boolean permission, String path) {
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of("if_statement", "elif_clause");
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        PyNode condition = node.field("condition");
        PyNode consequence = node.field("consequence");
        if (condition == null || consequence == null) return;
        List<Check> checks = new ArrayList<>();
        collectChecks(condition, false, context.file(), checks);
        if (checks.isEmpty() || insideHandlingTry(node) || underLock(node, context)) return;
        boolean hasAlternative = node.is("if_statement") && node.field("alternative") != null;
        for (Check check : checks) {
            if (hasAlternative && check.call().calls("os.path.isdir", "os.path.isfile", "os.path.islink")) {
                continue;  // `if isdir(p): rmtree(p) else: unlink(p)` picks the operation by type
            }
            Call use = firstUse(consequence, check, check.present(), context);
            if (use == null && !check.present() && !check.permission() && node.is("if_statement") && !hasAlternative
                    && exitsEarly(consequence)) {
                // if not os.path.exists(p): return   followed by   os.remove(p)
                for (PyNode next = nextSibling(node); next != null && use == null; next = nextSibling(next)) {
                    if (isCompound(next) && !next.is("with_statement")) continue;
                    PyNode region = next.is("with_statement") ? next.childOfType("with_clause") : next;
                    if (region != null) use = firstUse(region, check, true, context);
                }
            }
            if (use != null) {
                report(check, use, context);
                return;
            }
        }
    }

    private static void collectChecks(PyNode expr, boolean negated, PythonFile file, List<Check> out) {
        switch (expr.type()) {
            case "call" -> {
                Call call = Call.of(expr, file);
                if (!call.calls(CHECKS.toArray(new String[0]))) return;
                PyNode path = call.argument(0, "path");
                if (path == null) return;
                boolean permission = false;
                if (call.calls("os.access")) {
                    PyNode mode = call.argument(1, "mode");
                    // os.access(p, os.F_OK) is an existence test, not a permission check
                    permission = mode == null || !mode.text().contains("F_OK");
                }
                out.add(new Check(call, !negated, permission, normalize(path.text())));
            }
            case "not_operator" -> {
                PyNode argument = expr.field("argument");
                if (argument != null) collectChecks(argument, !negated, file, out);
            }
            case "boolean_operator" -> {
                // Only `a and b` keeps each operand's meaning (and only outside a `not`).
                if (negated || !"and".equals(String.valueOf(opText(expr)))) return;
                collectChecks(expr.field("left"), false, file, out);
                collectChecks(expr.field("right"), false, file, out);
            }
            case "parenthesized_expression" -> {
                List<PyNode> inner = expr.namedChildren();
                if (inner.size() == 1) collectChecks(inner.get(0), negated, file, out);
            }
            default -> {
            }
        }
    }

    /** Whether the check sits in the body of a {@code try} with handlers (in the same function), which copes with a lost race. */
    private static boolean insideHandlingTry(PyNode node) {
        for (PyNode child = node, p = node.parent(); p != null; child = p, p = p.parent()) {
            if (p.is("function_definition") || p.is("class_definition") || p.is("lambda")) return false;
            if (p.is("try_statement") && "body".equals(child.field()) && p.childOfType("except_clause") != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether check and use run under a lock: inside {@code with ...lock...:} in the same function, or in a
     * function decorated with {@code @lockutils.synchronized(...)} and the like. Other processes that take
     * the same lock cannot race it.
     */
    private static boolean underLock(PyNode node, RuleContext context) {
        for (PyNode p = node.parent(); p != null; p = p.parent()) {
            if (p.is("with_statement")) {
                PyNode clause = p.childOfType("with_clause");
                if (clause != null && clause.text().toLowerCase(java.util.Locale.ROOT).contains("lock")) return true;
            }
            if (p.is("function_definition")) {
                PyNode decorated = p.parent();
                if (decorated != null && decorated.is("decorated_definition")) {
                    for (PyNode decorator : decorated.namedChildren()) {
                        if (!decorator.is("decorator")) continue;
                        String text = decorator.text().toLowerCase(java.util.Locale.ROOT);
                        if (text.contains("synchronized") || text.contains("lock")) return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    private static boolean isCompound(PyNode statement) {
        return switch (statement.type()) {
            case "if_statement", "for_statement", "while_statement", "try_statement", "with_statement",
                    "function_definition", "class_definition", "decorated_definition", "match_statement" -> true;
            default -> false;
        };
    }

    private static String opText(PyNode booleanOperator) {
        PyNode op = booleanOperator.field("operator");
        return op == null ? null : op.text();
    }

    /**
     * The first operation on the checked path in {@code region} that the check's outcome makes racy:
     * with the path known present, an operation that needs it; with it known absent, one that creates it;
     * after a permission check, any. Code that handles its own failure does not count.
     */
    private static Call firstUse(PyNode region, Check check, boolean present, RuleContext context) {
        List<PyNode> stack = new ArrayList<>();
        stack.add(region);
        while (!stack.isEmpty()) {
            PyNode node = stack.remove(stack.size() - 1);
            if (node.is("function_definition") || node.is("lambda") || node.is("class_definition")) continue;
            if (node.is("try_statement") && node.childOfType("except_clause") != null) continue;
            if (node.is("call")) {
                Call call = Call.of(node, context.file());
                if (call.callee() != null && OPERATIONS.containsKey(call.callee()) && !handlesRace(call, context)) {
                    Character role = roleOnPath(call, check.path(), context);
                    if (role != null && (check.permission() || (present ? role == 'N' : role == 'C'))) return call;
                }
            }
            for (int i = node.childCount() - 1; i >= 0; i--) stack.add(node.child(i));
        }
        return null;
    }

    /** 'N' when the call needs {@code path} to exist, 'C' when it creates it, null when it does not use it. */
    private static Character roleOnPath(Call call, String path, RuleContext context) {
        for (String spec : OPERATIONS.get(call.callee())) {
            String[] parts = spec.split(":");
            PyNode argument = call.argument(Integer.parseInt(parts[0]), parts[1]);
            if (argument == null || !normalize(argument.text()).equals(path)) continue;
            char role = parts[2].charAt(0);
            if (role == 'O') {
                if (isReadOpen(call, context)) return 'N';
                return writesOrCreates(call, context) ? Character.valueOf('C') : null;
            }
            return role;
        }
        return null;
    }

    /** {@code makedirs(d, exist_ok=True)} and {@code open(p, "x")} already cope with the other process winning. */
    private static boolean handlesRace(Call call, RuleContext context) {
        if (call.calls("os.makedirs")) return context.values().isTrue(call.argument(2, "exist_ok"));
        if (call.calls("open", "io.open", "codecs.open")) {
            Optional<String> mode = context.values().string(call.argument(1, "mode"));
            return mode.isPresent() && mode.get().contains("x");
        }
        return false;
    }

    private static boolean isReadOpen(Call call, RuleContext context) {
        PyNode mode = call.argument(1, "mode");
        if (mode == null) return true;
        Optional<String> m = context.values().string(mode);
        return m.isPresent() && !m.get().matches(".*[wax+].*");
    }

    private static boolean writesOrCreates(Call call, RuleContext context) {
        Optional<String> m = context.values().string(call.argument(1, "mode"));
        return m.isPresent() && m.get().matches(".*[wa].*");
    }

    private static boolean exitsEarly(PyNode block) {
        List<PyNode> statements = block.namedChildren();
        if (statements.isEmpty()) return false;
        // `raise` is left out: `if not exists(p): raise NotFound(p)` translates the error the operation would
        // raise anyway, and losing the race only changes the exception type.
        String last = statements.get(statements.size() - 1).type();
        return last.equals("return_statement") || last.equals("continue_statement") || last.equals("break_statement");
    }

    private static PyNode nextSibling(PyNode node) {
        PyNode parent = node.parent();
        if (parent == null) return null;
        List<PyNode> siblings = parent.namedChildren();
        int index = -1;
        for (int i = 0; i < siblings.size(); i++) {
            if (siblings.get(i) == node) index = i;
        }
        return index >= 0 && index + 1 < siblings.size() ? siblings.get(index + 1) : null;
    }

    private static String normalize(String text) {
        return text.replaceAll("\\s+", "");
    }

    private void report(Check check, Call use, RuleContext context) {
        String written = check.call().node().text().replaceAll("\\s+", " ");
        String checkText = "`" + (written.length() > 60 ? check.call().callee() + "(...)" : written) + "`";
        int checkLine = check.call().node().startLine();
        String op = use.callee();
        String path = "`" + check.call().argument(0, "path").text() + "`";
        String opText = "`" + op + "`";
        if (check.permission()) {
            context.report(use.node(), checkText + " on line " + checkLine + " checks the path with the real user's "
                    + "rights, but " + opText + " looks " + path + " up again by name: in between it can be swapped "
                    + "for a symlink to a file the check would have refused.", Severity.MEDIUM, Confidence.MEDIUM,
                    "Drop the os.access() check: open the file first (os.open with O_NOFOLLOW where it matters) and "
                            + "check the opened descriptor with os.fstat(), or switch to the user's identity "
                            + "(os.seteuid/os.setegid) so the open itself is checked.");
            return;
        }
        String tail = " on line " + checkLine + " and " + opText + " are two separate steps on " + path + "; ";
        switch (op) {
            case "os.makedirs", "os.mkdir" -> {
                boolean makedirs = op.equals("os.makedirs");
                context.report(use.node(), checkText + tail + "if another process or thread creates it in between "
                        + "(two workers starting at once), " + opText + " raises FileExistsError and this code fails.",
                        Severity.LOW, Confidence.MEDIUM, makedirs
                                ? "Drop the check and call `os.makedirs(" + use.argument(0, "name").text() + ", exist_ok=True)`."
                                : "Drop the check and wrap the call: `try: os.mkdir(path) except FileExistsError: pass`.");
            }
            case "os.remove", "os.unlink", "os.rmdir", "os.removedirs", "shutil.rmtree" -> context.report(use.node(),
                    checkText + tail + "if something else removes it in between, " + opText
                            + " raises FileNotFoundError and this code fails.", Severity.LOW, Confidence.MEDIUM,
                    "Drop the check and handle the absent case: `try: os.remove(path) except FileNotFoundError: pass` "
                            + "(or `Path(path).unlink(missing_ok=True)`).");
            case "open", "io.open", "codecs.open" -> {
                Character role = roleOnPath(use, check.path(), context);
                if (role != null && role == 'C') {
                    context.report(use.node(), checkText + tail + "another process can create the file, or a symlink "
                            + "with that name, in between, and " + opText + " then truncates or writes through it.",
                            Severity.MEDIUM, Confidence.MEDIUM, "Create it atomically instead of checking first: "
                                    + "`open(path, \"x\")` (O_CREAT | O_EXCL) fails if anything is already there.");
                } else {
                    context.report(use.node(), checkText + tail + "if the file is removed or replaced in between, "
                            + opText + " raises FileNotFoundError or reads a different file.", Severity.LOW,
                            Confidence.LOW, "Open it directly and handle the absent case: "
                                    + "`try: f = open(path) except FileNotFoundError: ...`.");
                }
            }
            default -> {
                Character role = roleOnPath(use, check.path(), context);
                String risk = role != null && role == 'C'
                        ? "another process can create something at that path in between, and " + opText
                                + " then fails or writes through it."
                        : "by the time " + opText + " looks the path up again it can be gone, or be a different "
                                + "file or a symlink.";
                context.report(use.node(), checkText + tail + risk, Severity.LOW, Confidence.MEDIUM);
            }
        }
    }
}
