package dev.secreview.audit;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.TextRange;
import dev.secreview.core.rule.RuleMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditReportTest {

    private static final Finding SQL = finding(89, 31);
    private static final Finding XSS = finding(79, 47);

    private static Finding finding(int cwe, int line) {
        RuleMetadata rule = new RuleMetadata("py-rule-" + cwe, cwe, Severity.HIGH, Confidence.HIGH, "summary", "fix", List.of());
        return new Finding(rule, "app.py", new TextRange(line, 1, line, 10), "code", "message", "fix", Severity.HIGH,
                Confidence.HIGH, null);
    }

    private static AuditedClaim audited(int index, Verdict verdict, Finding... matches) {
        Claim claim = new Claim(index, "claim " + index, null, null, null, null, null, null, null, null);
        return new AuditedClaim(claim, verdict, List.of(), new ClaimPlace(List.of(), false), List.of(matches));
    }

    @Test
    void countsAndShare() {
        AuditReport report = new AuditReport("x.py", List.of(audited(1, Verdict.SUPPORTED), audited(2, Verdict.UNVERIFIED),
                audited(3, Verdict.SUPPORTED), audited(4, Verdict.CONTRADICTED)), List.of());

        assertEquals(2, report.count(Verdict.SUPPORTED));
        assertEquals(1, report.count(Verdict.UNVERIFIED));
        assertEquals(0, report.count(Verdict.BAD_LINE));
        assertEquals(0.5, report.supportedShare());
        assertFalse(report.allSupported());
    }

    @Test
    void onlySupportedClaimsAreAccepted() {
        for (Verdict verdict : Verdict.values()) {
            assertEquals(verdict == Verdict.SUPPORTED, audited(1, verdict).accepted(), verdict.name());
        }
    }

    @Test
    void aReviewWithoutClaimsHasNothingUnsupportedAndMissesEveryFinding() {
        AuditReport empty = new AuditReport("x.py", List.of(), List.of(SQL));
        assertTrue(empty.allSupported());
        assertEquals(1.0, empty.supportedShare());
        assertEquals(List.of(SQL), empty.misses());
        assertEquals(OptionalDouble.empty(), empty.precision());
        assertEquals(OptionalDouble.of(0.0), empty.recall());
    }

    @Test
    void missesPrecisionAndRecallAgainstTheStaticReview() {
        // Claim 2 speaks of the SQL injection without being supported (a misnamed CWE, say): it still mentions it.
        AuditReport report = new AuditReport("x.py", List.of(audited(1, Verdict.SUPPORTED, SQL),
                audited(2, Verdict.MISNAMED_CWE, SQL), audited(3, Verdict.UNSUPPORTED), audited(4, Verdict.CONTRADICTED)),
                List.of(SQL, XSS));

        assertEquals(List.of(XSS), report.misses());
        assertEquals(OptionalDouble.of(0.5), report.precision());
        assertEquals(OptionalDouble.of(0.5), report.recall());
    }

    @Test
    void aStaticReviewWithoutFindingsHasNoRecall() {
        AuditReport report = new AuditReport("x.py", List.of(audited(1, Verdict.UNSUPPORTED)), List.of());
        assertEquals(OptionalDouble.empty(), report.recall());
        assertEquals(OptionalDouble.of(0.0), report.precision());
        assertEquals(List.of(), report.misses());
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
