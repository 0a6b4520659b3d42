package dev.secreview.llm;

import dev.secreview.audit.Claim;
import dev.secreview.core.cwe.CweCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.secreview.llm.TestClaims.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SampleAgreementTest {

    private final SampleAgreement agreement = new SampleAgreement(CweCatalog.embedded());

    private static String summary(List<AgreedClaim> kept) {
        return String.join(", ", kept.stream().map(a -> "CWE-" + a.claim().cwe() + "@" + a.line() + "x" + a.samples()).toList());
    }

    @Test
    void claimsUnderTheSamePillarWithinTwoLinesAgree() {
        // CWE-78 and CWE-89 are both under CWE-707 Improper Neutralization; line 12 is within 2 of line 10.
        List<List<Claim>> samples = List.of(
                List.of(claim(78, 10)),
                List.of(claim(89, 12)),
                List.of(claim(78, 13)));

        assertEquals("CWE-78@10x2, CWE-78@13x1", summary(agreement.keep(samples, 1)));
        assertEquals("CWE-78@10x2", summary(agreement.keep(samples, 2)));
    }

    @Test
    void differentPillarsOnTheSameLineDoNotAgree() {
        // CWE-327 (weak cipher) is under CWE-693 Protection Mechanism Failure, CWE-78 under CWE-707.
        List<List<Claim>> samples = List.of(List.of(claim(78, 5)), List.of(claim(327, 5)));

        assertEquals("", summary(agreement.keep(samples, 2)));
    }

    @Test
    void aSampleCountsOnceHoweverOftenItRepeatsAClaim() {
        List<List<Claim>> samples = List.of(List.of(claim(78, 5), claim(78, 5)), List.of());

        assertEquals("CWE-78@5x1, CWE-78@5x1", summary(agreement.keep(samples, 1)));
        assertEquals("", summary(agreement.keep(samples, 2)));
    }

    @Test
    void claimsWithoutCweOrLineAreNotCounted() {
        List<List<Claim>> samples = List.of(List.of(claim(null, 5), claim(78, null)), List.of(claim(null, 5)));

        assertEquals("", summary(agreement.keep(samples, 1)));
    }

    @Test
    void aCategoryOnlyAgreesWithItself() {
        // CWE-310 (Cryptographic Issues) is a category: it has no pillar, so it cannot be matched to CWE-78's pillar.
        List<List<Claim>> samples = List.of(List.of(claim(310, 5)), List.of(claim(310, 6)), List.of(claim(78, 5)));

        assertEquals("CWE-310@5x2, CWE-78@5x1", summary(agreement.keep(samples, 1)));
    }
}
