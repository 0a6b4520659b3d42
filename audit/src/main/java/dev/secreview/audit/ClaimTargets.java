package dev.secreview.audit;

import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.List;

/**
 * The code a claim is about: the calls at its place ({@link ClaimPlace}), narrowed to the calls it names or
 * quotes when it names or quotes any.
 */
final class ClaimTargets {

    private ClaimTargets() {
    }

    static List<Call> calls(Claim claim, PythonCode code) {
        List<LineSpan> lines = ClaimPlace.of(claim, code).spans();
        List<Call> all = code.calls();
        List<Call> onLines = all.stream().filter(c -> overlaps(c.node(), lines)).toList();
        List<Call> pool = lines.isEmpty() ? all : onLines;
        List<Call> named = pool.stream().filter(c -> claim.identifiers().stream().anyMatch(name -> names(c, name))
                || claim.codeFragments().stream().anyMatch(fragment -> code.isQuoted(c.node(), fragment))).toList();
        return named.isEmpty() ? onLines : named;
    }

    static boolean overlaps(PyNode node, List<LineSpan> lines) {
        return lines.stream().anyMatch(s -> node.startLine() <= s.last() && node.endLine() >= s.first());
    }

    /** Whether the claim's name is what the call calls, as written ({@code s.get}) or resolved ({@code requests.get}). */
    private static boolean names(Call call, String name) {
        String written = call.function() == null ? "" : call.function().text();
        String callee = call.callee() == null ? "" : call.callee();
        return written.equals(name) || callee.equals(name) || written.endsWith("." + name) || callee.endsWith("." + name);
    }
}
