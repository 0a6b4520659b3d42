package dev.secreview.audit;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.model.Finding;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks each claim of a review against the CWE catalog, the code it is about and the engine's static review
 * of that code. First what the claim must get right, in order, the first failure giving the verdict: the CWE
 * is a weakness in use ({@link Verdict#NOT_A_WEAKNESS}) named correctly ({@link Verdict#MISNAMED_CWE}), the
 * lines exist and hold what the claim quotes ({@link Verdict#BAD_LINE}), the names, code and constructs, and the
 * APIs its fix names, exist ({@link Verdict#UNKNOWN_SYMBOL}) in the file or the library they come from, which can
 * be read ({@link Verdict#UNVERIFIED}). Then the evidence: a fact of the code that denies the claim
 * ({@link Verdict#CONTRADICTED}); a finding of the static review at the claim's place, or a fact that states
 * what the claim asserts ({@link Verdict#SUPPORTED}); a claim that points at nothing in the file could not be
 * checked ({@link Verdict#UNVERIFIED}); anything else is {@link Verdict#UNSUPPORTED}, with what was checked.
 * Only a supported claim is accepted. Thread-safe.
 */
public final class ClaimAuditor {

    private final List<ClaimCheck> checks;
    private final StaticMatches staticMatches;
    private final WhatWasChecked whatWasChecked;

    public ClaimAuditor(CweCatalog catalog) {
        this.checks = List.of(new CweKindCheck(catalog), new CweNameCheck(catalog), new LineCheck(),
                new SymbolCheck(), new ConstructCheck(), new FixApiCheck());
        this.staticMatches = new StaticMatches(catalog);
        this.whatWasChecked = new WhatWasChecked(catalog);
    }

    public AuditReport audit(AuditInput input, List<Claim> claims) {
        return new AuditReport(input.code().source().displayPath(), claims.stream().map(c -> audit(c, input)).toList(),
                input.staticReview().findings());
    }

    private AuditedClaim audit(Claim claim, AuditInput input) {
        ClaimPlace place = ClaimPlace.of(claim, input.code());
        List<Finding> matches = staticMatches.of(claim, place, input.code(), input.staticReview());
        List<String> evidence = new ArrayList<>();
        boolean namesSomething = false;
        for (ClaimCheck check : checks) {
            Outcome outcome = check.check(claim, input);
            evidence.addAll(outcome.evidence());
            if (outcome.failed()) return new AuditedClaim(claim, outcome.failure(), evidence, place, matches);
            namesSomething |= outcome.confirmsSomething();
        }
        if (place.located() && !place.isEmpty()) evidence.add("the claim gives no line; what it names is on " + place);
        Verdict verdict = weigh(claim, input, place, matches, namesSomething, evidence);
        return new AuditedClaim(claim, verdict, evidence, place, matches);
    }

    /** The verdict of a claim that passed every check, from the evidence for and against it (added to {@code evidence}). */
    private Verdict weigh(Claim claim, AuditInput input, ClaimPlace place, List<Finding> matches, boolean namesSomething,
                          List<String> evidence) {
        List<Fact> facts = Facts.judge(claim, input);
        if (facts.stream().anyMatch(Fact::refutes)) {
            facts.forEach(refutation -> evidence.add(refutation.evidence()));
            return Verdict.CONTRADICTED;
        }
        matches.forEach(f -> evidence.add("the static review reports it: " + StaticMatches.describe(f)));
        facts.forEach(confirmation -> evidence.add(confirmation.evidence()));
        if (!matches.isEmpty() || !facts.isEmpty()) return Verdict.SUPPORTED;
        if (!namesSomething && place.isEmpty()) {
            evidence.add("the claim names no line and no code of the file, so nothing in it could be checked");
            return Verdict.UNVERIFIED;
        }
        evidence.addAll(whatWasChecked.of(claim, place, input));
        return Verdict.UNSUPPORTED;
    }
}
