package dev.secreview.core.model;

import org.junit.jupiter.api.Test;

import static dev.secreview.core.model.SecuritySeverity.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecuritySeverityTest {

    @Test
    void remoteDataReachingACommandIsCritical() {
        assertEquals(9.5, score(Severity.HIGH, Confidence.HIGH, 78, true));
        assertEquals(9.0, score(Severity.HIGH, Confidence.HIGH, 78, false));
    }

    @Test
    void theWeaknessMovesTheBand() {
        assertEquals(8.5, score(Severity.HIGH, Confidence.HIGH, 89, false));
        assertEquals(7.5, score(Severity.HIGH, Confidence.HIGH, 295, false));
        assertEquals(4.0, score(Severity.MEDIUM, Confidence.HIGH, 1088, false));
    }

    @Test
    void aGuessIsLowerThanAProof() {
        assertEquals(6.5, score(Severity.HIGH, Confidence.LOW, 295, false));
        assertEquals(4.5, score(Severity.MEDIUM, Confidence.MEDIUM, 327, false));
    }

    @Test
    void hardeningNotesStayAtTheBottomOfTheScale() {
        for (Confidence confidence : Confidence.values()) {
            for (int cwe : new int[]{367, 772, 1188, 614}) {
                double s = score(Severity.LOW, confidence, cwe, false);
                assertTrue(s > 0 && s <= 3.0, cwe + " " + confidence + " -> " + s);
            }
        }
        assertEquals(0.5, score(Severity.LOW, Confidence.LOW, 772, false));
    }

    @Test
    void severityStepsDownButNotBelowLow() {
        assertEquals(Severity.MEDIUM, Severity.HIGH.lowered());
        assertEquals(Severity.LOW, Severity.MEDIUM.lowered());
        assertEquals(Severity.LOW, Severity.LOW.lowered());
    }

    @Test
    void labelsHaveOneDecimal() {
        assertEquals("9.5", SecuritySeverity.label(9.5));
        assertEquals("4.0", SecuritySeverity.label(4.0));
    }
}
