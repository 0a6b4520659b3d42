package dev.secreview.audit;

import dev.secreview.core.model.Finding;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The audit of every claim of one review against one code file, in review order, with the static review's
 * findings of that file: what the review found of them (recall), how many of its claims are among them
 * (precision), and which it missed.
 */
public record AuditReport(String codePath, List<AuditedClaim> claims, List<Finding> staticFindings) {

    public AuditReport {
        claims = List.copyOf(claims);
        staticFindings = List.copyOf(staticFindings);
    }

    public long count(Verdict verdict) {
        return claims.stream().filter(c -> c.verdict() == verdict).count();
    }

    /** Supported claims over all claims, 0..1; a review without claims has nothing unsupported, so 1. */
    public double supportedShare() {
        return claims.isEmpty() ? 1.0 : (double) count(Verdict.SUPPORTED) / claims.size();
    }

    public boolean allSupported() {
        return claims.stream().allMatch(AuditedClaim::accepted);
    }

    /** The static findings no claim speaks of (same CWE or pillar, at its place), in report order. */
    public List<Finding> misses() {
        return staticFindings.stream().filter(f -> claims.stream().noneMatch(c -> c.matches().contains(f))).toList();
    }

    /** Claims that speak of a static finding over all claims; empty for a review without claims. */
    public OptionalDouble precision() {
        if (claims.isEmpty()) return OptionalDouble.empty();
        return OptionalDouble.of((double) claims.stream().filter(c -> !c.matches().isEmpty()).count() / claims.size());
    }

    /** Static findings some claim speaks of over all static findings; empty when the static review found nothing. */
    public OptionalDouble recall() {
        if (staticFindings.isEmpty()) return OptionalDouble.empty();
        return OptionalDouble.of((double) (staticFindings.size() - misses().size()) / staticFindings.size());
    }
}
