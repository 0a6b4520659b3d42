package dev.secreview.audit;

import java.util.Optional;

/** One fact the code can state that a claim may deny: a declared bound, a secure default, a with statement. */
interface FactChecker {

    /**
     * The evidence ("line N: ...") that the code contradicts the claim, or empty when the claim does not
     * speak of this fact or the code agrees with it.
     *
     * @param assertion the prose of the claim that states the finding ({@link Wording#assertion})
     */
    Optional<String> contradiction(Claim claim, String assertion, CodeUnderAudit code);
}
