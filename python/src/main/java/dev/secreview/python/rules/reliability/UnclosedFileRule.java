package dev.secreview.python.rules.reliability;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "py-unclosed-file",
        cwe = 772,
        severity = Severity.LOW,
        confidence = Confidence.MEDIUM,
        summary = "A file or socket opened in a function is never closed and its handle is not handed on.",
        fix = "Open it in a `with` block so it is closed on every path, including exceptions: "
                + "`with open(path) as f: data = f.read()`; for a socket, `with socket.create_connection(addr) as s:` "
                + "or close it in `finally:`.")
public final class UnclosedFileRule implements CallRule {
    /** Not in operator tools: a one-shot command exits and its handles close with it. */
    @Override
    public boolean reviewsOperatorTools() {
        return false;
    }

    private static final Set<String> OPENERS = Set.of("open", "io.open", "codecs.open", "gzip.open", "bz2.open",
            "lzma.open", "socket.socket", "socket.create_connection", "tempfile.TemporaryFile",
            "tempfile.NamedTemporaryFile", "tempfile.SpooledTemporaryFile", "os.fdopen");
    private static final Set<String> CLOSERS = Set.of("close", "detach", "__exit__");
    private static final String RUNTIMES = "it stays open while an exception's traceback keeps the frame alive, "
            + "and on PyPy until a garbage-collection cycle, so a long-running service can run out of file descriptors";

    @Override
    public void visitCall(Call call, RuleContext context) {
        if (!call.calls(OPENERS.toArray(new String[0]))) return;
        PyNode node = call.node();
        PyNode parent = node.parent();
        if (parent == null) return;
        PyNode function = context.file().enclosingFunction(node);
        if (function == null) return;
        // A handle used within one expression (`open(p).read()`, `for line in open(p):`) lives on the
        // interpreter's value stack only: CPython releases it when the expression ends, even when it raises.
        // A handle bound to a name stays open while a traceback keeps the frame alive.

        // f = open(path) with f never closed nor handed on
        if (!parent.is("assignment") || !"right".equals(node.field())) return;
        PyNode target = parent.field("left");
        if (target == null || !target.is("identifier")) return;
        String name = target.text();
        if (declaredNonLocal(function, name) || escapesOrCloses(function, name, target)) return;
        context.report(node, "`" + name + " = " + Snippets.shortened(node.text(), 60) + "` in `" + functionName(function)
                + "()` is never closed, used in `with`, returned or handed to another call; " + RUNTIMES + ".");
    }

    /** Whether any use of {@code name} in the function closes the handle or may pass its ownership on. */
    private static boolean escapesOrCloses(PyNode function, String name, PyNode binding) {
        List<PyNode> uses = new ArrayList<>();
        PyNode body = function.field("body");
        if (body == null) return true;
        body.forEachDescendant(n -> {
            if (n.is("identifier") && n.text().equals(name) && n != binding) uses.add(n);
        });
        for (PyNode use : uses) {
            if (!isHarmlessUse(use, function)) return true;
        }
        return false;
    }

    /**
     * A use that neither closes nor hands the handle on: {@code f.read()}, {@code f.write(x)}, {@code if f:},
     * another assignment to the name. Anything else (close, with, return, yield, an argument, an alias, a
     * container, a nested function) counts as handled.
     */
    private static boolean isHarmlessUse(PyNode use, PyNode function) {
        if (use.ancestor("function_definition", "lambda", "class_definition") != function) return false;
        PyNode parent = use.parent();
        if (parent == null) return false;
        if (parent.is("attribute") && "object".equals(use.field())) {
            PyNode attribute = parent.field("attribute");
            return attribute != null && !CLOSERS.contains(attribute.text());
        }
        if (parent.is("attribute") && "attribute".equals(use.field())) return true;  // x.f is another thing
        if (parent.is("keyword_argument") && "name".equals(use.field())) return true;
        if (parent.is("assignment") && "left".equals(use.field())) return true;
        if (parent.is("for_statement") && "right".equals(use.field())) return true;  // for line in f:
        if (parent.is("not_operator") || parent.is("if_statement") || parent.is("while_statement")
                || parent.is("comparison_operator") || parent.is("boolean_operator")) {
            return true;
        }
        return false;
    }

    private static boolean declaredNonLocal(PyNode function, String name) {
        boolean[] found = {false};
        function.forEachDescendant(n -> {
            if ((n.is("global_statement") || n.is("nonlocal_statement"))) {
                for (PyNode id : n.namedChildren()) {
                    if (id.text().equals(name)) found[0] = true;
                }
            }
        });
        return found[0];
    }

    private static String functionName(PyNode function) {
        PyNode name = function.field("name");
        return name == null ? "?" : name.text();
    }
}
