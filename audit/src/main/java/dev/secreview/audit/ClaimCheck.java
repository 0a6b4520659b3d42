package dev.secreview.audit;

/** One check of a claim; {@link ClaimAuditor} runs them in order and the first that fails decides the verdict. */
interface ClaimCheck {

    /** The verdict a claim gets when it fails this check. */
    Verdict failure();

    Outcome check(Claim claim, CodeUnderAudit code);
}
