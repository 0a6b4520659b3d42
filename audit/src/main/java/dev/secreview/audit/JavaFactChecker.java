package dev.secreview.audit;

import java.util.Optional;

/** A fact only Java code states, read from JavaParser's tree: a resource a try-with-resources statement closes. */
interface JavaFactChecker {

    /**
     * Whether the code confirms or refutes the claim, with the evidence; empty when the claim does not speak
     * of this fact or the code does not settle it.
     *
     * @param assertion the prose of the claim that states the finding ({@link Wording#assertion})
     * @param code      the audited file, which is Java
     */
    Optional<Fact> judge(Claim claim, String assertion, AuditInput input, JavaCode code);
}
