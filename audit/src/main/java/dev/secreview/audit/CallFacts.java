package dev.secreview.audit;

import dev.secreview.python.semantic.Call;

import java.util.List;
import java.util.Optional;

/**
 * A fact about calls: the claim is refuted when it speaks of the fact and every call it targets that the
 * fact concerns states the opposite, and confirmed when every one of them states it.
 */
abstract class CallFacts implements PythonFactChecker {

    @Override
    public final Optional<Fact> judge(Claim claim, String assertion, AuditInput input, PythonCode code) {
        if (!claims(claim, assertion)) return Optional.empty();
        List<Call> concerned = ClaimTargets.calls(claim, code).stream().filter(c -> concerns(c, code)).toList();
        return Fact.ofAll(concerned, call -> refutation(call, code), call -> confirmation(call, code));
    }

    /** Whether the claim asserts what this fact can refute. */
    abstract boolean claims(Claim claim, String assertion);

    /** Whether the call is one this fact speaks about. */
    abstract boolean concerns(Call call, PythonCode code);

    /** The evidence that the call states the opposite of the claim, or empty when it does not. */
    abstract Optional<String> refutation(Call call, PythonCode code);

    /** The evidence that the call states exactly what the claim asserts, or empty (some facts are never confirmed). */
    abstract Optional<String> confirmation(Call call, PythonCode code);
}
