package dev.secreview.audit;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.dataflow.model.TaintKind;
import dev.secreview.python.taint.PythonModels;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kind of harm tainted data does that a claim speaks of, when the dataflow judges that kind: by the
 * claim's CWE (that of a kind, or one below it such as CWE-564 below CWE-89), else by the words of a claim
 * without a CWE ("SQL injection", "XSS").
 */
record DefectKind(TaintKind kind) {

    private static final Map<Pattern, Integer> WORDS = Map.of(
            Pattern.compile("(?i)\\bSQL\\s*(?:injection|i)\\b"), 89,
            Pattern.compile("(?i)\\b(?:OS\\s+|shell\\s+)?command\\s+injection\\b"), 78,
            Pattern.compile("(?i)\\bcross[- ]site\\s+scripting\\b|\\bXSS\\b"), 79,
            Pattern.compile("(?i)\\b(?:path|directory)\\s+traversal\\b"), 22,
            Pattern.compile("(?i)\\bSSRF\\b|\\bserver[- ]side\\s+request\\s+forgery\\b"), 918,
            Pattern.compile("(?i)\\bopen\\s+redirect"), 601,
            Pattern.compile("(?i)\\bcode\\s+injection\\b"), 94,
            Pattern.compile("(?i)\\bLDAP\\s+injection\\b"), 90,
            Pattern.compile("(?i)\\bXPath\\s+injection\\b"), 643,
            Pattern.compile("(?i)\\bheader\\s+injection\\b|\\bresponse\\s+splitting\\b"), 113);
    private static final int ANCESTRY_DEPTH = 6;

    static Optional<DefectKind> of(Claim claim, CweCatalog catalog) {
        List<TaintKind> kinds = PythonModels.get().kinds();
        Optional<TaintKind> kind = claim.cwe() != null
                ? kinds.stream().filter(k -> selfOrAncestors(claim.cwe(), catalog).contains(k.cwe())).findFirst()
                : WORDS.entrySet().stream().filter(w -> w.getKey().matcher(Wording.assertion(claim)).find())
                        .flatMap(w -> kinds.stream().filter(k -> k.cwe() == w.getValue())).findFirst();
        return kind.map(DefectKind::new);
    }

    int cwe() {
        return kind.cwe();
    }

    /** Whether a sink of the static review is one of this kind. */
    boolean at(StaticReview.Sink sink) {
        return sink.cwe() == kind.cwe();
    }

    private static Set<Integer> selfOrAncestors(int cwe, CweCatalog catalog) {
        Set<Integer> found = new HashSet<>();
        Deque<int[]> todo = new ArrayDeque<>(List.of(new int[]{cwe, 0}));
        while (!todo.isEmpty()) {
            int[] next = todo.poll();
            if (!found.add(next[0]) || next[1] == ANCESTRY_DEPTH) continue;
            catalog.find(next[0]).ifPresent(e -> e.researchParents().forEach(p -> todo.add(new int[]{p, next[1] + 1})));
        }
        return found;
    }
}
