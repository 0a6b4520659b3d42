package dev.secreview.python.rules.files;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "py-toctou-path-check",
        cwe = 367,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A path is checked and then used by name while someone else can change it in between: it lies in a "
                + "world-writable directory, or the check decides on its permissions, owner or being a symlink.",
        fix = "Let the operation check the object it actually uses: create with `open(p, \"x\")` (O_CREAT | O_EXCL) or "
                + "a tempfile name in shared directories; open with O_NOFOLLOW and inspect the descriptor with "
                + "os.fstat(), then os.fchmod/os.fchown it; or switch to the user's identity so the open itself is checked.")
public final class ToctouPathCheckRule implements NodeRule {
    private static final Set<String> EXISTENCE_CHECKS = Set.of("os.path.exists", "os.path.isfile", "os.path.isdir",
            "os.path.lexists");
    /** The fields of a stat result that say who may do what with the file. */
    private static final Set<String> ACCESS_FIELDS = Set.of("st_uid", "st_gid", "st_mode");
    /** {@code stat.S_IS*} tests of {@code st_mode} ask for the file type, not for its permissions. */
    private static final String[] TYPE_TESTS = {"stat.S_ISDIR", "stat.S_ISREG", "stat.S_ISLNK", "stat.S_ISFIFO",
            "stat.S_ISSOCK", "stat.S_ISCHR", "stat.S_ISBLK"};

    /** Why someone other than this process can act between the check and the use. */
    private enum Window {
        /** {@code os.access} with R_OK/W_OK/X_OK: a permission decision. */
        PERMISSION,
        /** {@code os.stat(p).st_uid/st_gid/st_mode} compared: an ownership or mode decision. */
        OWNERSHIP,
        /** {@code os.path.islink}: the check only matters if others can put a symlink there. */
        SYMLINK,
        /** An existence check on a path in a directory every local user can write. */
        SHARED_DIRECTORY
    }

    /**
     * An operation that looks a path up again: the argument, whether it creates the path, and whether it
     * follows a symlink at the path to the file it points to. {@code open} creates when its mode writes.
     */
    private record Operation(int position, String keyword, boolean creates, boolean followsLinks) {
    }

    private static final Map<String, List<Operation>> OPERATIONS = Map.ofEntries(
            Map.entry("open", List.of(new Operation(0, "file", false, true))),
            Map.entry("io.open", List.of(new Operation(0, "file", false, true))),
            Map.entry("codecs.open", List.of(new Operation(0, "filename", false, true))),
            Map.entry("os.chmod", List.of(new Operation(0, "path", false, true))),
            Map.entry("os.chown", List.of(new Operation(0, "path", false, true))),
            Map.entry("os.remove", List.of(new Operation(0, "path", false, false))),
            Map.entry("os.unlink", List.of(new Operation(0, "path", false, false))),
            Map.entry("os.rmdir", List.of(new Operation(0, "path", false, false))),
            Map.entry("os.removedirs", List.of(new Operation(0, "name", false, false))),
            Map.entry("shutil.rmtree", List.of(new Operation(0, "path", false, false))),
            Map.entry("os.mkdir", List.of(new Operation(0, "path", true, false))),
            Map.entry("os.makedirs", List.of(new Operation(0, "name", true, false))),
            Map.entry("os.symlink", List.of(new Operation(1, "dst", true, false))),
            Map.entry("os.rename", List.of(new Operation(0, "src", false, false), new Operation(1, "dst", true, false))),
            Map.entry("os.replace", List.of(new Operation(0, "src", false, false), new Operation(1, "dst", true, false))),
            Map.entry("shutil.copy", List.of(new Operation(0, "src", false, true), new Operation(1, "dst", true, true))),
            Map.entry("shutil.copy2", List.of(new Operation(0, "src", false, true), new Operation(1, "dst", true, true))),
            Map.entry("shutil.copyfile", List.of(new Operation(0, "src", false, true), new Operation(1, "dst", true, true))),
            Map.entry("shutil.copytree", List.of(new Operation(0, "src", false, true), new Operation(1, "dst", true, false))),
            Map.entry("shutil.move", List.of(new Operation(0, "src", false, false), new Operation(1, "dst", true, false))));

    /**
     * A check on a path: {@code shown} is what the message quotes; {@code whenTrue} when the guarded code runs
     * only if the checking call returned true ({@code if os.path.islink(p)}), false when only if it returned
     * false ({@code if not os.path.exists(p)}); {@code location} is the shared directory of a
     * {@link Window#SHARED_DIRECTORY} check.
     */
    private record Check(Window window, PyNode shown, boolean whenTrue, PyNode path,
                         SharedDirectories.Location location) {
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
        collectChecks(condition, false, context, checks);
        collectStatDecisions(condition, context, checks);
        if (checks.isEmpty()) return;
        // Code after `if <check>: return` runs with the check's outcome reversed; that says which outcome only
        // when the condition is that one check, and does not matter for permission and ownership decisions.
        boolean exitsBeforeRest = node.is("if_statement") && node.field("alternative") == null
                && exitsEarly(consequence) && (checks.stream().allMatch(ToctouPathCheckRule::polarityFree)
                || checks.size() == 1 && unwrap(condition) == checks.get(0).shown());
        for (Check check : checks) {
            Call use = firstUse(consequence, check, check.whenTrue(), context);
            for (PyNode next = exitsBeforeRest ? nextSibling(node) : null; next != null && use == null;
                 next = nextSibling(next)) {
                if (isCompound(next) && !next.is("with_statement")) continue;
                PyNode region = next.is("with_statement") ? next.childOfType("with_clause") : next;
                if (region != null) use = firstUse(region, check, !check.whenTrue(), context);
            }
            if (use != null) {
                report(check, use, context);
                return;
            }
        }
    }

    private static boolean polarityFree(Check check) {
        return check.window() == Window.PERMISSION || check.window() == Window.OWNERSHIP;
    }

    /** The expression under any {@code not} and parentheses. */
    private static PyNode unwrap(PyNode expr) {
        while (expr != null && (expr.is("not_operator") || expr.is("parenthesized_expression"))) {
            expr = expr.is("not_operator") ? expr.field("argument")
                    : expr.namedChildren().size() == 1 ? expr.namedChildren().get(0) : null;
        }
        return expr;
    }

    private static void collectChecks(PyNode expr, boolean negated, RuleContext context, List<Check> out) {
        switch (expr.type()) {
            case "call" -> {
                Call call = Call.of(expr, context.file());
                PyNode path = call.argument(0, "path");
                if (path == null) return;
                if (call.calls("os.access")) {
                    PyNode mode = call.argument(1, "mode");
                    // os.access(p, os.F_OK) is an existence test, not a permission check
                    if (mode == null || !mode.text().contains("F_OK")) {
                        out.add(new Check(Window.PERMISSION, expr, !negated, path, null));
                        return;
                    }
                } else if (call.calls("os.path.islink")) {
                    out.add(new Check(Window.SYMLINK, expr, !negated, path, null));
                    return;
                } else if (call.callee() == null || !EXISTENCE_CHECKS.contains(call.callee())) {
                    return;
                }
                // A fixed name in a shared directory is py-hardcoded-tmp-path's finding wherever it is used.
                Optional<String> fixed = SharedDirectories.constantPath(path, context);
                if (fixed.isPresent() && SharedDirectories.inSharedDirectory(fixed.get())) return;
                SharedDirectories.Location location = SharedDirectories.locate(path, context);
                if (location != null) out.add(new Check(Window.SHARED_DIRECTORY, expr, !negated, path, location));
            }
            case "not_operator" -> {
                PyNode argument = expr.field("argument");
                if (argument != null) collectChecks(argument, !negated, context, out);
            }
            case "boolean_operator" -> {
                // Only `a and b` keeps each operand's meaning (and only outside a `not`).
                PyNode op = expr.field("operator");
                if (negated || op == null || !op.text().equals("and")) return;
                collectChecks(expr.field("left"), false, context, out);
                collectChecks(expr.field("right"), false, context, out);
            }
            case "parenthesized_expression" -> {
                List<PyNode> inner = expr.namedChildren();
                if (inner.size() == 1) collectChecks(inner.get(0), negated, context, out);
            }
            default -> {
            }
        }
    }

    /**
     * Decisions on the owner, group or permission bits of a path: {@code os.stat(p).st_uid} (or of a name bound to
     * {@code os.stat(p)}/{@code os.lstat(p)}) anywhere in the condition. Either outcome of such a decision is a
     * judgement on the file that the use no longer looks at.
     */
    private static void collectStatDecisions(PyNode condition, RuleContext context, List<Check> out) {
        condition.forEachDescendant(node -> {
            if (!node.is("attribute")) return;
            PyNode attribute = node.field("attribute");
            if (attribute == null || !ACCESS_FIELDS.contains(attribute.text())) return;
            if (attribute.text().equals("st_mode") && insideTypeTest(node, condition, context)) return;
            PyNode made = context.file().constructorCall(node.field("object"));
            if (made == null) return;
            Call stat = Call.of(made, context.file());
            PyNode path = stat.argument(0, "path");
            if (stat.calls("os.stat", "os.lstat") && path != null) {
                out.add(new Check(Window.OWNERSHIP, node, true, path, null));
            }
        });
    }

    private static boolean insideTypeTest(PyNode node, PyNode condition, RuleContext context) {
        for (PyNode p = node.parent(); p != null && p != condition.parent(); p = p.parent()) {
            if (p.is("call") && Call.of(p, context.file()).calls(TYPE_TESTS)) return true;
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

    /**
     * The first operation on the checked path in {@code region} that someone else can subvert, given what the
     * check established there ({@code callWasTrue}): after a permission or ownership decision, any; after a
     * symlink check that found none, one that follows symlinks; after an existence check in a shared directory
     * that found nothing, one that creates the file through the name.
     */
    private static Call firstUse(PyNode region, Check check, boolean callWasTrue, RuleContext context) {
        if ((check.window() == Window.SYMLINK || check.window() == Window.SHARED_DIRECTORY) && callWasTrue) return null;
        String path = normalize(check.path().text());
        List<PyNode> stack = new ArrayList<>();
        stack.add(region);
        while (!stack.isEmpty()) {
            PyNode node = stack.remove(stack.size() - 1);
            if (node.is("function_definition") || node.is("lambda") || node.is("class_definition")) continue;
            if (node.is("call") && usesUnsafely(Call.of(node, context.file()), check.window(), path, context)) {
                return Call.of(node, context.file());
            }
            for (int i = node.childCount() - 1; i >= 0; i--) stack.add(node.child(i));
        }
        return null;
    }

    private static boolean usesUnsafely(Call call, Window window, String path, RuleContext context) {
        List<Operation> operations = call.callee() == null ? null : OPERATIONS.get(call.callee());
        if (operations == null || createsExclusively(call, context)) return false;
        for (Operation operation : operations) {
            PyNode argument = call.argument(operation.position(), operation.keyword());
            if (argument == null || !normalize(argument.text()).equals(path)) continue;
            boolean follows = operation.followsLinks() && !context.values().isFalse(call.keyword("follow_symlinks"));
            return switch (window) {
                case PERMISSION, OWNERSHIP -> true;
                case SYMLINK -> follows;
                case SHARED_DIRECTORY -> follows && (operation.creates() || opensForWriting(call, context));
            };
        }
        return false;
    }

    /** {@code open(p, "x")} is O_CREAT | O_EXCL: it fails on anything already there, a symlink included. */
    private static boolean createsExclusively(Call call, RuleContext context) {
        if (!call.calls("open", "io.open", "codecs.open")) return false;
        return context.values().string(call.argument(1, "mode")).filter(m -> m.contains("x")).isPresent();
    }

    private static boolean opensForWriting(Call call, RuleContext context) {
        if (!call.calls("open", "io.open", "codecs.open")) return false;
        return context.values().string(call.argument(1, "mode")).filter(m -> m.matches(".*[wa].*")).isPresent();
    }

    /** Whether a block ends by leaving: {@code return}, {@code continue}, {@code break} or {@code raise}. */
    private static boolean exitsEarly(PyNode block) {
        List<PyNode> statements = block.namedChildren();
        if (statements.isEmpty()) return false;
        String last = statements.get(statements.size() - 1).type();
        return last.equals("return_statement") || last.equals("continue_statement") || last.equals("break_statement")
                || last.equals("raise_statement");
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

    private static String quote(PyNode node, String shortForm) {
        String written = node.text().replaceAll("\\s+", " ");
        return "`" + (written.length() > 60 ? shortForm : written) + "`";
    }

    private void report(Check check, Call use, RuleContext context) {
        PyNode shown = check.shown();
        String checkText = quote(shown, shown.is("call") ? Call.of(shown, context.file()).callee() + "(...)"
                : "..." + shown.field("attribute").text());
        int checkLine = shown.startLine();
        String op = "`" + use.callee() + "`";
        String path = quote(check.path(), "the path");
        switch (check.window()) {
            case PERMISSION -> context.report(use.node(), checkText + " on line " + checkLine + " checks the path "
                    + "with the real user's rights, but " + op + " looks " + path + " up again by name: in between "
                    + "it can be swapped for a symlink to a file the check would have refused.", Severity.MEDIUM,
                    Confidence.MEDIUM, "Drop the os.access() check: open the file first (os.open with O_NOFOLLOW "
                            + "where it matters) and check the opened descriptor with os.fstat(), or switch to the "
                            + "user's identity (os.seteuid/os.setegid) so the open itself is checked.");
            case OWNERSHIP -> {
                String what = switch (shown.field("attribute").text()) {
                    case "st_uid" -> "owner";
                    case "st_gid" -> "group";
                    default -> "permission bits";
                };
                context.report(use.node(), checkText + " on line " + checkLine + " decides on the " + what + " of "
                        + path + ", but " + op + " looks it up again by name: whoever can write its directory can "
                        + "swap in a symlink or another file in between, and the decision no longer holds for what "
                        + op + " uses.", Severity.MEDIUM, Confidence.MEDIUM, "Open it first (os.open with "
                        + "O_NOFOLLOW) and check the opened descriptor with os.fstat(); change it through the "
                        + "descriptor too (os.fchmod, os.fchown, os.fdopen).");
            }
            case SYMLINK -> context.report(use.node(), checkText + " on line " + checkLine + " makes sure " + path
                    + " is not a symlink, but " + op + " looks it up again and follows symlinks: the check matters "
                    + "only if someone else can write that directory, and they can put a symlink there in between, "
                    + "so " + op + " reaches the file it points to.", Severity.MEDIUM, Confidence.HIGH,
                    "Refuse symlinks in the operation itself: `os.open(path, flags | os.O_NOFOLLOW)` and work on the "
                            + "descriptor (os.fdopen, os.fchmod, os.fchown), or pass `follow_symlinks=False` to "
                            + "os.chmod/os.chown.");
            case SHARED_DIRECTORY -> {
                SharedDirectories.Location location = check.location();
                String directory = location.literal() ? "`" + location.directory() + "`"
                        : "the temporary directory (`" + location.directory() + "`, /tmp unless TMPDIR says otherwise)";
                context.report(use.node(), checkText + " on line " + checkLine + " found no file at " + path + " and "
                        + op + " then creates it by name; it lies in " + directory + ", where every local user can "
                        + "create files: one who plants a symlink there in between makes " + op + " write through "
                        + "it into a file of their choosing.", Severity.MEDIUM,
                        location.literal() ? Confidence.HIGH : Confidence.MEDIUM,
                        "Create it atomically instead of checking first: `open(path, \"x\")` (O_CREAT | O_EXCL fails "
                                + "on anything already there, a symlink included), or take a name nobody can "
                                + "predict from tempfile.mkstemp() or tempfile.NamedTemporaryFile().");
            }
        }
    }
}
