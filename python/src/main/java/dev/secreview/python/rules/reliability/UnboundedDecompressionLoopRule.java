package dev.secreview.python.rules.reliability;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A decompressor drained in a loop: {@code out = d.decompress(data, max_length)} then {@code data =
 * d.unconsumed_tail} until nothing is left. The max_length bounds each piece, not the whole: the loop hands on
 * everything a small compressed input expands to, unless it counts what it has produced and stops at a limit.
 */
@RuleInfo(
        id = "py-unbounded-decompression",
        cwe = 409,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "Compressed data is decompressed in a loop that feeds the unconsumed tail back until none is left, "
                + "and nothing counts the total output against a limit, so a small compressed body expands to "
                + "gigabytes (a decompression bomb).",
        fix = "Add up the length of each decompressed piece and stop (raise, reject the request) once the total "
                + "passes a limit, such as the largest body the service accepts; or decompress once with a "
                + "max_length and reject the input when an unconsumed tail remains.")
public final class UnboundedDecompressionLoopRule implements NodeRule {
    private static final Set<String> LOOPS = Set.of("while_statement", "for_statement");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("call");
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        Call call = Call.of(node, context.file());
        if (!call.name().equals("decompress") || call.receiver() == null || !boundedPiece(call)) return;
        PyNode loop = node.ancestor("while_statement", "for_statement", "function_definition");
        if (loop == null || !LOOPS.contains(loop.type())) return;
        PyNode assignment = node.parent();
        if (assignment == null || !assignment.is("assignment") || assignment.field("left") == null
                || !assignment.field("left").is("identifier") && !assignment.field("left").is("attribute")) {
            return;
        }
        String decompressor = call.receiver().text();
        String output = assignment.field("left").text();
        if (!drainsTail(loop, decompressor)) return;
        PyNode function = context.file().enclosingFunction(node);
        if (countsOutput(function == null ? loop : function, output)) return;
        PyNode handOff = handOff(loop, assignment, output);
        context.report(handOff == null ? node : handOff, "`" + Snippets.shortened(node.text(), 60) + "` is called "
                + "again on `" + decompressor + ".unconsumed_tail` until the input is used up, and `" + output
                + "` is passed on each time with no count of the total against a limit: max_length bounds one piece, "
                + "not the whole, so a few kilobytes of compressed data are expanded into gigabytes.");
    }

    /** {@code d.decompress(data, n)} or {@code d.decompress(data, max_length=n)}: a piece of bounded size. */
    private static boolean boundedPiece(Call call) {
        return call.positional().size() == 2 || call.positional().size() == 1 && call.keyword("max_length") != null;
    }

    /** The loop assigns {@code decompressor.unconsumed_tail} to the data it decompresses next. */
    private static boolean drainsTail(PyNode loop, String decompressor) {
        boolean[] found = {false};
        loop.forEachDescendant(n -> {
            if (!n.is("assignment") || n.field("right") == null) return;
            PyNode right = n.field("right");
            found[0] |= right.is("attribute") && right.field("attribute") != null
                    && right.field("attribute").text().equals("unconsumed_tail")
                    && right.field("object") != null && right.field("object").text().equals(decompressor);
        });
        return found[0];
    }

    /** A running total of the output: {@code total += len(out)}, or a comparison of {@code len(out)} with something. */
    private static boolean countsOutput(PyNode scope, String output) {
        String length = "len(" + output + ")";
        boolean[] found = {false};
        scope.forEachDescendant(n -> {
            if (n.is("augmented_assignment") && n.field("right") != null && n.field("right").text().contains(length)) {
                found[0] = true;
            } else if (n.is("comparison_operator") && n.text().contains(length)) {
                found[0] = true;
            }
        });
        return found[0];
    }

    /** The first statement after the decompression that passes the output on: a call given it, or an append to a buffer. */
    private static PyNode handOff(PyNode loop, PyNode assignment, String output) {
        List<PyNode> uses = new ArrayList<>();
        loop.forEachDescendant(n -> {
            if (n.startOffset() <= assignment.endOffset()) return;
            if (n.is("call")) {
                PyNode arguments = n.field("arguments");
                if (arguments != null && arguments.namedChildren().stream().anyMatch(a -> a.text().equals(output))) uses.add(n);
            } else if (n.is("augmented_assignment") && n.field("right") != null && n.field("right").text().equals(output)) {
                uses.add(n);
            }
        });
        return uses.stream().min((a, b) -> Integer.compare(a.startOffset(), b.startOffset())).orElse(null);
    }
}
