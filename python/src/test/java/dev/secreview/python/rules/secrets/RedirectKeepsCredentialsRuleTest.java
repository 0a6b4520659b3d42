package dev.secreview.python.rules.secrets;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a user sees for a redirect followed with the caller's headers, and the comparisons that make it safe. */
class RedirectKeepsCredentialsRuleTest {

    private static final String FOLLOW = """
            import urllib.parse

            def follow(session, url, headers):
                response = session.get(url, headers=headers, allow_redirects=False)
                if response.status_code in (301, 302):
                    target = urllib.parse.urljoin(url, response.headers["Location"])
            %s
                    return session.get(target, headers=headers)
                return response
            """;

    @Test
    void theFindingIsAtTheRequestSentToTheLocation() {
        Finding finding = RuleCheck.only(new RedirectKeepsCredentialsRule(), "client/http.py", FOLLOW.formatted(""));
        assertEquals("py-redirect-keeps-credentials", finding.rule().id());
        assertEquals(8, finding.line());
        assertEquals(Severity.MEDIUM, finding.severity());
        assertEquals(Confidence.MEDIUM, finding.confidence());
        assertTrue(finding.message().contains("with the original request's headers"), finding.message());
    }

    @Test
    void comparingTheLocationsHostIsADecision() {
        String check = "        if urllib.parse.urlsplit(target).hostname != urllib.parse.urlsplit(url).hostname:\n"
                + "            headers = {}";
        assertEquals(List.of(), RuleCheck.findings(new RedirectKeepsCredentialsRule(), "client/http.py", FOLLOW.formatted(check)));
    }

    @Test
    void aSameHostCheckOfAnotherUrlIsNot() {
        String check = "        assert session.is_same_host(url)";
        assertEquals(1, RuleCheck.findings(new RedirectKeepsCredentialsRule(), "client/http.py", FOLLOW.formatted(check)).size());
    }
}
