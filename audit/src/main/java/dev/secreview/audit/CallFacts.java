package dev.secreview.audit;

import dev.secreview.python.semantic.Call;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fact about calls: the claim is contradicted when it speaks of the fact and every call it targets
 * that the fact concerns states the opposite. One call the claim may be right about is enough to
 * leave it alone.
 */
abstract class CallFacts implements FactChecker {

    @Override
    public final Optional<String> contradiction(Claim claim, String assertion, CodeUnderAudit code) {
        if (!claims(claim, assertion)) return Optional.empty();
        List<Call> concerned = ClaimTargets.calls(claim, code).stream().filter(c -> concerns(c, code)).toList();
        if (concerned.isEmpty()) return Optional.empty();
        List<String> refutations = new ArrayList<>();
        for (Call call : concerned) {
            Optional<String> refutation = refutation(call, code);
            if (refutation.isEmpty()) return Optional.empty();
            refutations.add(refutation.get());
        }
        return Optional.of(String.join("; ", refutations));
    }

    /** Whether the claim asserts what this fact can refute. */
    abstract boolean claims(Claim claim, String assertion);

    /** Whether the call is one this fact speaks about. */
    abstract boolean concerns(Call call, CodeUnderAudit code);

    /** The evidence that the call states the opposite of the claim, or empty when it does not. */
    abstract Optional<String> refutation(Call call, CodeUnderAudit code);
}
