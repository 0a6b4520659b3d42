package dev.secreview.audit;

import java.util.Optional;

/**
 * One fact the code can state that a claim may assert or deny: a declared bound, a secure default, a with
 * statement, a registration, what a help text says a value means.
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
