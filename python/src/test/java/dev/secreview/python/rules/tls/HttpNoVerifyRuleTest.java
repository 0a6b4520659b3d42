package dev.secreview.python.rules.tls;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpNoVerifyRuleTest {

    private static final String CLIENT = """
            import requests


            class ArrayClient(object):
                def __init__(self, verify_certificate):
                    self.session = None
                    self.verify_certificate = verify_certificate

                def login(self):
                    self.session = requests.Session()
                    %s
            """;

    @Test
    void aSessionMadeAfterNoneWithVerificationAlwaysOffIsHigh() {
        Finding finding = RuleCheck.only(new HttpNoVerifyRule(), "drivers/array.py",
                CLIENT.formatted("self.session.verify = False"));
        assertEquals("py-http-no-verify", finding.rule().id());
        assertEquals(11, finding.line());
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals(Confidence.HIGH, finding.confidence());
    }

    @Test
    void verificationOffOnlyUnderAnOptionIsLowConfidenceAndSaysSo() {
        Finding finding = RuleCheck.only(new HttpNoVerifyRule(), "drivers/array.py",
                CLIENT.formatted("if not self.verify_certificate:\n            self.session.verify = False"));
        assertEquals(12, finding.line());
        assertEquals(Severity.MEDIUM, finding.severity());
        assertEquals(Confidence.LOW, finding.confidence());
        assertTrue(finding.message().contains("when the surrounding condition holds"), finding.message());
    }

    @Test
    void aConditionThatIsNotAboutVerificationDoesNotMakeItOptional() {
        Finding finding = RuleCheck.only(new HttpNoVerifyRule(), "drivers/array.py",
                CLIENT.formatted("if self.verify_certificate is not None and self.session:\n"
                        + "            pass\n"
                        + "        if self.session.headers:\n"
                        + "            self.session.verify = False"));
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals(Confidence.HIGH, finding.confidence());
    }
}
