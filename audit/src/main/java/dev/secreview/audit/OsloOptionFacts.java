package dev.secreview.audit;

import java.util.Optional;

/**
 * A fact an {@code oslo.config} option declaration states: the claim is refuted when it speaks of the fact
 * and every option it is about states the opposite, confirmed when every one states it.
 */
abstract class OsloOptionFacts implements PythonFactChecker {

    @Override
    public final Optional<Fact> judge(Claim claim, String assertion, AuditInput input, PythonCode code) {
        if (!claims(assertion)) return Optional.empty();
        return Fact.ofAll(OsloOption.targetedBy(claim, assertion, code), o -> refutation(o, code), o -> confirmation(o, code));
    }

    /** Whether the claim asserts what this fact can refute. */
    abstract boolean claims(String assertion);

    /** The evidence that the option's declaration states the opposite of the claim, or empty. */
    abstract Optional<String> refutation(OsloOption option, PythonCode code);

    /** The evidence that the option's declaration states exactly what the claim asserts, or empty. */
    abstract Optional<String> confirmation(OsloOption option, PythonCode code);
}
