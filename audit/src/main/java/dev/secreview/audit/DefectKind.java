package dev.secreview.audit;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.dataflow.model.TaintKind;
import dev.secreview.dataflow.model.TaintModels;

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

    /** In the order they are tried: the first kind a claim without a CWE names is its kind. */
    private static final List<Map.Entry<Pattern, Integer>> WORDS = List.of(
            Map.entry(Pattern.compile("(?i)\\bSQL\\s*(?:injection|i)\\b"), 89),
            Map.entry(Pattern.compile("(?i)\\b(?:OS\\s+|shell\\s+)?command\\s+injection\\b"), 78),
            Map.entry(Pattern.compile("(?i)\\bcross[- ]site\\s+scripting\\b|\\bXSS\\b"), 79),
            Map.entry(Pattern.compile("(?i)\\b(?:path|directory)\\s+traversal\\b"), 22),
            Map.entry(Pattern.compile("(?i)\\bSSRF\\b|\\bserver[- ]side\\s+request\\s+forgery\\b"), 918),
            Map.entry(Pattern.compile("(?i)\\bopen\\s+redirect"), 601),
            Map.entry(Pattern.compile("(?i)\\bcode\\s+injection\\b"), 94),
            Map.entry(Pattern.compile("(?i)\\bLDAP\\s+injection\\b"), 90),
            Map.entry(Pattern.compile("(?i)\\bXPath\\s+injection\\b"), 643),
            Map.entry(Pattern.compile("(?i)\\bheader\\s+injection\\b|\\bresponse\\s+splitting\\b"), 113));
    /**
     * Names of calls, in Python and Java, that may be sinks of a kind though the models do not know their receiver
     * ({@code db.execute} on a connection from an unknown helper, {@code dao.executeQuery} on a field of a type of
     * another file): where one is, the absence of a known sink proves nothing.
     */
    private static final Map<Integer, Pattern> SINK_LIKE = Map.ofEntries(
            Map.entry(89, Pattern.compile("execute\\w*|executemany|executescript|raw|text|query\\w*|extra|prepare\\w*|addBatch"
                    + "|update|batchUpdate|create\\w*Query")),
            Map.entry(78, Pattern.compile("system|popen|Popen|run|call|check_call|check_output|spawn\\w*|exec\\w*|getoutput"
                    + "|start|command|ProcessBuilder")),
            Map.entry(79, Pattern.compile("render\\w*|make_response|Response|HttpResponse|write|Markup|mark_safe|print\\w*"
                    + "|append|format")),
            Map.entry(22, Pattern.compile("open|send_file|send_from_directory|remove|unlink|rmtree|copy\\w*|move|rename|"
                    + "FileResponse|extract\\w*|makedirs|mkdir\\w*|File\\w*|get|of|resolve|new\\w*Stream|new\\w*Reader"
                    + "|new\\w*Writer|read\\w*|write\\w*|delete\\w*|create\\w*|transferTo")),
            Map.entry(918, Pattern.compile("get|post|put|patch|delete|head|request|urlopen|urlretrieve|fetch|URL|URI|create"
                    + "|openConnection|openStream|exchange|\\w+ForObject|\\w+ForEntity|send\\w*|execute")),
            Map.entry(601, Pattern.compile("redirect|HttpResponseRedirect|start_response|sendRedirect|setHeader|addHeader")),
            Map.entry(94, Pattern.compile("eval|exec|compile|Template|from_string|invoke|forName|newInstance|loadClass|parseExpression")),
            Map.entry(502, Pattern.compile("loads?|load_all|decode|unpickle|Unpickler|readObject|readUnshared|fromXML|ObjectInputStream")),
            Map.entry(90, Pattern.compile("search\\w*|lookup")),
            Map.entry(643, Pattern.compile("xpath|XPath|ETXPath|select|iter_select|compile|evaluate")),
            Map.entry(113, Pattern.compile("start_response|add_header|set_cookie|header\\w*|setHeader|addHeader|addCookie|Cookie")),
            Map.entry(117, Pattern.compile("debug|info|warning|warn|error|exception|critical|log|fine\\w*|trace|severe")));
    private static final int ANCESTRY_DEPTH = 6;

    static Optional<DefectKind> of(Claim claim, CweCatalog catalog, TaintModels models) {
        if (claim.cwe() != null) return of(claim.cwe(), catalog, models);
        return WORDS.stream().filter(w -> w.getKey().matcher(Wording.assertion(claim)).find())
                .flatMap(w -> models.kinds().stream().filter(k -> k.cwe() == w.getValue()))
                .findFirst().map(DefectKind::new);
    }

    /** The kind of a CWE: the kind's own, or one below it. */
    static Optional<DefectKind> of(int cwe, CweCatalog catalog, TaintModels models) {
        Set<Integer> lineage = selfOrAncestors(cwe, catalog);
        return models.kinds().stream().filter(k -> lineage.contains(k.cwe())).findFirst().map(DefectKind::new);
    }

    int cwe() {
        return kind.cwe();
    }

    /**
     * Whether a call may be a sink of this kind by its name alone; for kinds without such names (what the server
     * trusts, what it stores), every call may be.
     */
    boolean mayBeSink(String calledName) {
        Pattern names = SINK_LIKE.get(kind.cwe());
        return names == null || names.matcher(calledName).matches();
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
