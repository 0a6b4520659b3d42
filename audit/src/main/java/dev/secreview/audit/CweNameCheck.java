package dev.secreview.audit;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.cwe.CweEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The name the claim gives its CWE is the official one, and the pillar it names is the CWE's CWE-1000 pillar. */
final class CweNameCheck implements ClaimCheck {

    private final CweCatalog catalog;

    CweNameCheck(CweCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Outcome check(Claim claim, AuditInput input) {
        List<String> evidence = new ArrayList<>();
        Optional<CweEntry> entry = claim.cwe() == null ? Optional.empty() : catalog.find(claim.cwe());
        if (entry.isPresent() && claim.cweName() != null) {
            if (!CweNames.matches(claim.cweName(), entry.get())) {
                return Outcome.failed(Verdict.MISNAMED_CWE, List.of("'" + claim.cweName() + "' is not the name of " + entry.get().label()));
            }
            evidence.add("'" + claim.cweName() + "' matches the official name of CWE-" + entry.get().id());
        }
        if (claim.pillar() != null) {
            Optional<String> wrongPillar = entry.isPresent() ? wrongPillar(entry.get(), claim.pillar()) : notAPillar(claim.pillar());
            if (wrongPillar.isPresent()) return Outcome.failed(Verdict.MISNAMED_CWE, List.of(wrongPillar.get()));
            evidence.add("CWE-" + claim.pillar() + " is the CWE-1000 pillar"
                    + entry.map(e -> " of CWE-" + e.id()).orElse(""));
        }
        return Outcome.passed(evidence);
    }

    private Optional<String> wrongPillar(CweEntry entry, int claimed) {
        Optional<CweEntry> real = catalog.pillarOf(entry.id());
        if (real.isEmpty()) return Optional.of("CWE-" + entry.id() + " is under no CWE-1000 pillar, not CWE-" + claimed);
        if (real.get().id() == claimed) return Optional.empty();
        return Optional.of("the CWE-1000 pillar of CWE-" + entry.id() + " is " + real.get().label() + ", not CWE-" + claimed);
    }

    private Optional<String> notAPillar(int claimed) {
        return catalog.pillars().stream().anyMatch(p -> p.id() == claimed) ? Optional.empty()
                : Optional.of("CWE-" + claimed + " is not a CWE-1000 pillar");
    }
}
