package dev.secreview.audit;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.cwe.CweEntry;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The CWE id exists and is a weakness in use: not a category or view, not deprecated. */
final class CweKindCheck implements ClaimCheck {

    private final CweCatalog catalog;

    CweKindCheck(CweCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Outcome check(Claim claim, AuditInput input) {
        if (claim.cwe() == null) return Outcome.passed(List.of("no CWE id given"));
        Optional<CweEntry> found = catalog.find(claim.cwe());
        if (found.isEmpty()) {
            return Outcome.failed(Verdict.NOT_A_WEAKNESS, List.of("CWE-" + claim.cwe() + " is not in the CWE " + catalog.version() + " catalog"));
        }
        CweEntry entry = found.get();
        if (!entry.isWeakness()) {
            String kind = entry.kind().name().charAt(0) + entry.kind().name().substring(1).toLowerCase(Locale.ROOT);
            return Outcome.failed(Verdict.NOT_A_WEAKNESS, List.of("CWE-" + entry.id() + " is a " + kind + ", not a weakness (" + entry.name()
                    + ", status " + entry.status() + ")"));
        }
        if (entry.isDeprecated()) {
            return Outcome.failed(Verdict.NOT_A_WEAKNESS, List.of("CWE-" + entry.id() + " is a " + entry.status().toLowerCase(Locale.ROOT)
                    + " weakness (" + entry.name() + ")"));
        }
        return Outcome.passed(List.of("CWE-" + entry.id() + " is a " + entry.abstraction() + " weakness"));
    }
}
