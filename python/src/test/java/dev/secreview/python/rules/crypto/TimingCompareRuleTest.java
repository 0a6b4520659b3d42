package dev.secreview.python.rules.crypto;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How sure the rule is follows its evidence: an HMAC computed here, a signature's name, a token's name. */
class TimingCompareRuleTest {

    private static Finding only(String code) {
        return RuleCheck.only(new TimingCompareRule(), "svc/api/auth.py", code);
    }

    @Test
    void anHmacComputedInTheFunctionIsHighConfidence() {
        Finding f = only("""
                import hashlib, hmac

                def verify(key, body, given):
                    expected = hmac.new(key, body, hashlib.sha256).hexdigest()
                    return expected == given
                """);
        assertEquals("py-timing-compare", f.rule().id());
        assertEquals(5, f.line());
        assertEquals(208, f.cwe());
        assertEquals(Severity.MEDIUM, f.severity());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.message().startsWith("`expected == given` compares `expected`, an HMAC computed here, with `==`"),
                f.message());
    }

    @Test
    void aSignatureByNameIsMediumAndATokenByNameLow() {
        assertEquals(Confidence.MEDIUM, only("""
                def verify(request, signature):
                    return request.headers["X-Signature"] != signature
                """).confidence());
        Finding token = only("""
                def check(conf, token):
                    return token == conf.admin_token
                """);
        assertEquals(Confidence.LOW, token.confidence());
        assertEquals(Severity.MEDIUM, token.severity());
    }

    @Test
    void inAnOperatorToolTheSeverityIsOneStepLower() {
        Finding f = RuleCheck.only(new TimingCompareRule(), "tools/check_hook.py", """
                import hmac

                def verify(key, body, given):
                    return hmac.new(key, body, "sha256").hexdigest() == given
                """);
        assertEquals(Severity.LOW, f.severity());
    }
}
