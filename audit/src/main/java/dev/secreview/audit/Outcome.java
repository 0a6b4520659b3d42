package dev.secreview.audit;

import java.util.List;

/**
 * What one check found: whether the claim failed it, the evidence (one sentence per thing compared),
 * and whether something the claim names concretely (a line, a name, a piece of code) was confirmed.
 */
record Outcome(boolean failed, List<String> evidence, boolean confirmsSomething) {

    Outcome {
        evidence = List.copyOf(evidence);
    }

    static Outcome passed(List<String> evidence) {
        return new Outcome(false, evidence, false);
    }

    static Outcome confirmed(List<String> evidence) {
        return new Outcome(false, evidence, true);
    }

    static Outcome failed(List<String> evidence) {
        return new Outcome(true, evidence, false);
    }
}
