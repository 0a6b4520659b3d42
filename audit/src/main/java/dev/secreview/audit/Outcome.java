package dev.secreview.audit;

import java.util.List;

/**
 * What one check found: the verdict when the claim failed it (null when it passed), the evidence (one
 * sentence per thing compared), and whether something the claim names concretely (a line, a name, a piece
 * of code) was confirmed.
 */
record Outcome(Verdict failure, List<String> evidence, boolean confirmsSomething) {

    Outcome {
        evidence = List.copyOf(evidence);
    }

    static Outcome passed(List<String> evidence) {
        return new Outcome(null, evidence, false);
    }

    static Outcome confirmed(List<String> evidence) {
        return new Outcome(null, evidence, true);
    }

    static Outcome failed(Verdict verdict, List<String> evidence) {
        return new Outcome(verdict, evidence, false);
    }

    boolean failed() {
        return failure != null;
    }
}
