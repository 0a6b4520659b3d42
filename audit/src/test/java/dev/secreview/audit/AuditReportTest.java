package dev.secreview.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditReportTest {

    private static AuditedClaim audited(int index, Verdict verdict) {
        Claim claim = new Claim(index, "claim " + index, null, null, null, null, null, null, null, null);
        return new AuditedClaim(claim, verdict, List.of());
    }

    @Test
    void countsAndShare() {
        AuditReport report = new AuditReport("x.py", List.of(audited(1, Verdict.GROUNDED), audited(2, Verdict.UNVERIFIED),
                audited(3, Verdict.GROUNDED), audited(4, Verdict.CONTRADICTED)));

        assertEquals(2, report.count(Verdict.GROUNDED));
        assertEquals(1, report.count(Verdict.UNVERIFIED));
        assertEquals(0, report.count(Verdict.BAD_LINE));
        assertEquals(0.5, report.groundedShare());
        assertFalse(report.allGrounded());
    }

    @Test
    void onlyGroundedClaimsAreAccepted() {
        for (Verdict verdict : Verdict.values()) {
            assertEquals(verdict == Verdict.GROUNDED, audited(1, verdict).accepted(), verdict.name());
        }
    }

    @Test
    void aReviewWithoutClaimsHasNothingUngrounded() {
        AuditReport empty = new AuditReport("x.py", List.of());
        assertTrue(empty.allGrounded());
        assertEquals(1.0, empty.groundedShare());
    }

    @Test
    void absentListsOfAClaimAreEmpty() {
        Claim claim = new Claim(1, null, null, null, null, null, null, null, null, null);
        assertEquals(List.of(), claim.lines());
        assertEquals(List.of(), claim.codeFragments());
        assertEquals(List.of(), claim.identifiers());
        assertEquals("", claim.title());
    }
}
