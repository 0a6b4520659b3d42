package dev.secreview.audit;

import dev.secreview.core.model.Finding;

import java.util.List;

/**
 * A claim with the auditor's verdict and the evidence behind it: one sentence per check made, saying exactly
 * what was compared (e.g. "CWE-711 is a View, not a weakness"). {@code place} is where the claim is (given or
 * located from the names it gives); {@code matches} are the static review's findings it speaks of (same CWE or
 * pillar at that place), whatever its verdict.
 */
public record AuditedClaim(Claim claim, Verdict verdict, List<String> evidence, ClaimPlace place, List<Finding> matches) {

    public AuditedClaim {
        evidence = List.copyOf(evidence);
        matches = List.copyOf(matches);
    }

    /** Only a supported claim is accepted; every other verdict, an unverified one too, is not silently trusted. */
    public boolean accepted() {
        return verdict == Verdict.SUPPORTED;
    }
}
