package dev.secreview.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** What a fact checker found: the code confirms the claim or refutes it, and the evidence ("path:line `code` ..."). */
record Fact(boolean refutes, String evidence) {

    static Fact refuting(String evidence) {
        return new Fact(true, evidence);
    }

    static Fact confirming(String evidence) {
        return new Fact(false, evidence);
    }

    /**
     * The fact about several targets of one claim (the options or calls it is about): refuted when every
     * target refutes it, confirmed when every target confirms it. One target the claim may be right
     * about is enough to leave it unrefuted, and one it may be wrong about to leave it unconfirmed.
     */
    static <T> Optional<Fact> ofAll(List<T> targets, Function<T, Optional<String>> refutation,
                                    Function<T, Optional<String>> confirmation) {
        if (targets.isEmpty()) return Optional.empty();
        return all(targets, refutation).map(Fact::refuting).or(() -> all(targets, confirmation).map(Fact::confirming));
    }

    private static <T> Optional<String> all(List<T> targets, Function<T, Optional<String>> evidence) {
        List<String> found = new ArrayList<>();
        for (T target : targets) {
            Optional<String> one = evidence.apply(target);
            if (one.isEmpty()) return Optional.empty();
            found.add(one.get());
        }
        return Optional.of(String.join("; ", found));
    }
}
