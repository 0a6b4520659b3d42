package dev.secreview.audit;

import java.util.List;

/**
 * A claim with the auditor's verdict and the evidence behind it: one sentence per check made, saying
 * exactly what was compared (e.g. "CWE-711 is a Category, not a weakness").
 */
public record AuditedClaim(Claim claim, Verdict verdict, List<String> evidence) {

    public AuditedClaim {
        evidence = List.copyOf(evidence);
    }

    /** Only a grounded claim is accepted; an unverified one is not silently trusted. */
    public boolean accepted() {
        return verdict == Verdict.GROUNDED;
    }
}
