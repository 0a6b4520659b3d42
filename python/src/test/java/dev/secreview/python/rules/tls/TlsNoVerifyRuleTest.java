package dev.secreview.python.rules.tls;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TlsNoVerifyRuleTest {

    private static Finding only(String code) {
        return RuleCheck.only(new TlsNoVerifyRule(), "service/client.py", code);
    }

    @Test
    void certNoneForEveryConnectionIsHighWithHighConfidence() {
        Finding finding = only("""
                import ssl

                def connect(sock):
                    return ssl.wrap_socket(sock, cert_reqs=ssl.CERT_NONE)
                """);
        assertEquals("py-tls-no-verify", finding.rule().id());
        assertEquals(4, finding.line());
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals(Confidence.HIGH, finding.confidence());
    }

    @Test
    void certNoneOnlyUnderAnInsecureOptionSaysSoAndIsNotHigh() {
        Finding finding = only("""
                import ssl

                def connect(sock, insecure):
                    if insecure is True:
                        return ssl.wrap_socket(sock, cert_reqs=ssl.CERT_NONE)
                    return ssl.wrap_socket(sock, cert_reqs=ssl.CERT_REQUIRED, ca_certs="/etc/ssl/ca.pem")
                """);
        assertEquals(5, finding.line());
        assertEquals(Severity.MEDIUM, finding.severity());
        assertEquals(Confidence.LOW, finding.confidence());
        assertTrue(finding.message().contains("when the surrounding condition holds"), finding.message());
    }
}
