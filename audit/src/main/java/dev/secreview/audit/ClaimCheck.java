package dev.secreview.audit;

/** One check of a claim; {@link ClaimAuditor} runs them in order and the first that fails decides the verdict. */
interface ClaimCheck {

    Outcome check(Claim claim, AuditInput input);
}
