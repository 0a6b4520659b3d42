package dev.secreview.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where a claim is: the lines it gives or, when it gives none (LLM reviews often do not), the lines of what it
 * names. Those are the code it quotes, the functions, classes and {@code oslo.config} options it names, and the
 * lines where its other names occur; when it names both a function (or class) and other names, only the lines
 * of those names inside that function count. Empty when it points at nothing in the file.
 *
 * @param located whether the place was found from the names rather than given
 */
public record ClaimPlace(List<LineSpan> spans, boolean located) {

    public ClaimPlace {
        spans = List.copyOf(spans);
    }

    static ClaimPlace of(Claim claim, CodeUnderAudit code) {
        if (!claim.lines().isEmpty()) return new ClaimPlace(claim.lines(), false);
        List<LineSpan> containers = new ArrayList<>();
        TreeSet<Integer> points = new TreeSet<>();
        List<OsloOption> options = code instanceof PythonCode python ? OsloOption.in(python) : List.of();
        for (String name : claim.identifiers()) {
            List<LineSpan> definitions = code.definitionsOf(name);
            List<LineSpan> declarations = options.stream().filter(o -> o.name().equals(name))
                    .map(o -> new LineSpan(o.call().node().startLine(), o.call().node().endLine())).toList();
            containers.addAll(definitions);
            containers.addAll(declarations);
            if (definitions.isEmpty() && declarations.isEmpty()) points.addAll(code.linesOfName(name));
        }
        for (String fragment : claim.codeFragments()) points.addAll(code.linesOfCode(fragment));
        List<LineSpan> inside = points.stream().filter(line -> containers.stream().anyMatch(c -> c.contains(line)))
                .map(LineSpan::of).toList();
        List<LineSpan> spans = !inside.isEmpty() ? inside
                : !containers.isEmpty() ? containers
                : points.stream().map(LineSpan::of).toList();
        return new ClaimPlace(spans.stream().distinct().sorted(Comparator.comparingInt(LineSpan::first)).toList(), true);
    }

    public boolean isEmpty() {
        return spans.isEmpty();
    }

    /** Whether a line is in the place or at most {@code tolerance} lines from it. */
    boolean near(int line, int tolerance) {
        return spans.stream().anyMatch(s -> line >= s.first() - tolerance && line <= s.last() + tolerance);
    }

    /** "line 31", "lines 30-32", "lines 46, 47". */
    @Override
    public String toString() {
        boolean one = spans.size() == 1 && spans.get(0).first() == spans.get(0).last();
        return (one ? "line " : "lines ") + spans.stream().map(LineSpan::toString).collect(Collectors.joining(", "));
    }
}
