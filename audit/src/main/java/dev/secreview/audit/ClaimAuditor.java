package dev.secreview.audit;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.model.SourceFile;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks each claim of a review against the CWE catalog and the code it is about. The checks run in
 * this order and the first that fails gives the verdict: the CWE is a weakness in use
 * ({@link Verdict#NOT_A_WEAKNESS}), named correctly ({@link Verdict#MISNAMED_CWE}), the lines exist and
 * hold what the claim quotes ({@link Verdict#BAD_LINE}), the names, code and constructs exist
 * ({@link Verdict#UNKNOWN_SYMBOL}), and no fact of the code denies the claim ({@link Verdict#CONTRADICTED}).
 * A claim that passes is {@link Verdict#GROUNDED} only if some line or code it names was found;
 * otherwise nothing could be checked and it is {@link Verdict#UNVERIFIED}. Thread-safe.
 */
public final class ClaimAuditor {

    private final List<ClaimCheck> checks;

    public ClaimAuditor(CweCatalog catalog) {
        this.checks = List.of(new CweKindCheck(catalog), new CweNameCheck(catalog), new LineCheck(),
                new SymbolCheck(), new ConstructCheck(), new FactCheck());
    }

    /** Audits the claims against a file; a file with syntax errors is audited as far as it parses. */
    public AuditReport audit(SourceFile code, List<Claim> claims) {
        return audit(CodeUnderAudit.parse(code), claims);
    }

    public AuditReport audit(CodeUnderAudit code, List<Claim> claims) {
        return new AuditReport(code.source().displayPath(), claims.stream().map(c -> audit(c, code)).toList());
    }

    private AuditedClaim audit(Claim claim, CodeUnderAudit code) {
        List<String> evidence = new ArrayList<>();
        boolean confirmed = false;
        for (ClaimCheck check : checks) {
            Outcome outcome = check.check(claim, code);
            evidence.addAll(outcome.evidence());
            if (outcome.failed()) return new AuditedClaim(claim, check.failure(), evidence);
            confirmed |= outcome.confirmsSomething();
        }
        if (confirmed) return new AuditedClaim(claim, Verdict.GROUNDED, evidence);
        evidence.add("the claim names no line and no code of the file, so nothing in it could be checked");
        return new AuditedClaim(claim, Verdict.UNVERIFIED, evidence);
    }
}
