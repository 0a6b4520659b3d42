package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForwardedHeaderTrustRuleTest {

    @Test
    void theFirstForwardedForEntryIsReportedWithWhatItLetsAClientForge() {
        Finding f = RuleCheck.only(new ForwardedHeaderTrustRule(), "svc/api/ratelimit.py", """
                def client_ip(request):
                    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
                    return forwarded.split(",")[0] or request.META["REMOTE_ADDR"]
                """);
        assertEquals("py-forwarded-header-trust", f.rule().id());
        assertEquals(3, f.line());
        assertEquals(348, f.cwe());
        assertEquals(Severity.MEDIUM, f.severity());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.message().startsWith("`forwarded.split(\",\")[0]` takes the first entry of X-Forwarded-For, the "
                + "one the client sent"), f.message());
        assertTrue(f.message().contains("rate limits, allow-lists and audit logs keyed on it can be bypassed or forged"),
                f.message());
    }

    @Test
    void theSchemeClaimIsExplainedAsSuch() {
        Finding f = RuleCheck.only(new ForwardedHeaderTrustRule(), "svc/web/session.py", """
                def secure(headers):
                    return headers.get("X-Forwarded-Proto", "http").split(",")[0] == "https"
                """);
        assertTrue(f.message().contains("a plain-HTTP request can claim to be HTTPS"), f.message());
    }
}
