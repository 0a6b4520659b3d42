package dev.secreview.audit;

import java.util.List;

/** The audit of every claim of one review against one code file, in review order. */
public record AuditReport(String codePath, List<AuditedClaim> claims) {

    public AuditReport {
        claims = List.copyOf(claims);
    }

    public long count(Verdict verdict) {
        return claims.stream().filter(c -> c.verdict() == verdict).count();
    }

    /** Grounded claims over all claims, 0..1; a review without claims has nothing ungrounded, so 1. */
    public double groundedShare() {
        return claims.isEmpty() ? 1.0 : (double) count(Verdict.GROUNDED) / claims.size();
    }

    public boolean allGrounded() {
        return claims.stream().allMatch(AuditedClaim::accepted);
    }
}
