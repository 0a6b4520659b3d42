package dev.secreview.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fact an {@code oslo.config} option declaration states: the claim is contradicted when it speaks of
 * the fact and every option it is about states the opposite.
 */
abstract class OsloOptionFacts implements FactChecker {

    @Override
    public final Optional<String> contradiction(Claim claim, String assertion, CodeUnderAudit code) {
        if (!claims(assertion)) return Optional.empty();
        List<OsloOption> options = OsloOption.targetedBy(claim, assertion, code);
        if (options.isEmpty()) return Optional.empty();
        List<String> refutations = new ArrayList<>();
        for (OsloOption option : options) {
            Optional<String> refutation = refutation(option, code);
            if (refutation.isEmpty()) return Optional.empty();
            refutations.add(refutation.get());
        }
        return Optional.of(String.join("; ", refutations));
    }

    /** Whether the claim asserts what this fact can refute. */
    abstract boolean claims(String assertion);

    /** The evidence that the option's declaration states the opposite of the claim, or empty. */
    abstract Optional<String> refutation(OsloOption option, CodeUnderAudit code);
}
