package dev.secreview.audit;

import java.util.Optional;

/**
 * One fact the code of any language can state that a claim may assert or deny: that no data can reach a sink of the
 * claimed kind. The facts of Python's syntax are {@link PythonFactChecker}s.
 */
interface FactChecker {

    /**
     * Whether the code confirms or refutes the claim, with the evidence; empty when the claim does not speak
     * of this fact or the code does not settle it.
     *
     * @param assertion the prose of the claim that states the finding ({@link Wording#assertion})
     */
    Optional<Fact> judge(Claim claim, String assertion, AuditInput input);
}
