package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cookie without Secure matters by what it holds: a session or token, not a message or a preference. */
class InsecureCookieRuleTest {

    private static List<Finding> findings(String body) {
        String code = "from django import http\n\n\ndef view(request, response, name, value, reason, sid):\n" + body + "\n";
        return RuleCheck.findings(new InsecureCookieRule(), "app/views.py", code);
    }

    @Test
    void aSessionCookieIsMediumWithHighConfidence() {
        List<Finding> found = findings("    response.set_cookie('sessionid', sid)");
        assertEquals(1, found.size());
        assertEquals(Severity.MEDIUM, found.get(0).severity());
        assertEquals(Confidence.HIGH, found.get(0).confidence());
    }

    @Test
    void messagesAndRedirectTargetsAreNotReported() {
        assertEquals(List.of(), findings("    response.set_cookie('logout_reason', reason, max_age=10)\n"
                + "    response.set_cookie('login_redirect', request.GET.get('next'), max_age=3600)"));
    }

    @Test
    void aCookieNamedByTheCallerIsNotJudgedHereUnlessSecureFalseIsSpelledOut() {
        assertEquals(List.of(), findings("    response.set_cookie(name, value)"));
        List<Finding> found = findings("    response.set_cookie(name, value, secure=False)");
        assertEquals(1, found.size());
        assertEquals(Severity.LOW, found.get(0).severity());
        assertEquals(Confidence.LOW, found.get(0).confidence());
        assertTrue(found.get(0).message().contains("what it holds is not known here"), found.get(0).message());
    }
}
