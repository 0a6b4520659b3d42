package dev.secreview.audit;

import java.util.Optional;

/**
 * A fact only Python code states, read from its syntax tree and semantic model: an {@code oslo.config} option's
 * bounds and default, a with statement, a registration, what a help text says a value means.
 */
interface PythonFactChecker {

    /**
     * Whether the code confirms or refutes the claim, with the evidence; empty when the claim does not speak
     * of this fact or the code does not settle it.
     *
     * @param assertion the prose of the claim that states the finding ({@link Wording#assertion})
     * @param code      the audited file, which is Python
     */
    Optional<Fact> judge(Claim claim, String assertion, AuditInput input, PythonCode code);
}
