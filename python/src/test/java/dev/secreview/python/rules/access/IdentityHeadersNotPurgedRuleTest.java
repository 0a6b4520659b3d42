package dev.secreview.python.rules.access;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.FlowStep;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityHeadersNotPurgedRuleTest {

    private static final String MIDDLEWARE = """
            class ApiKeyAuth:
                def __init__(self, app, conf):
                    self.app = app
                def __call__(self, environ, start_response):
                    key = environ.get("HTTP_X_API_KEY")
                    if key is None:
                        return self.app(environ, start_response)
                    environ["HTTP_X_ROLES"] = ",".join(lookup(key).roles)
                    return self.app(environ, start_response)
            """;

    @Test
    void theUnauthenticatedPassThroughIsReportedWithTheWriteBesideIt() {
        Finding f = RuleCheck.only(new IdentityHeadersNotPurgedRule(), "svc/middleware/auth.py", MIDDLEWARE);
        assertEquals("py-identity-header-not-purged", f.rule().id());
        assertEquals(7, f.line());
        assertEquals(290, f.cwe());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.message().startsWith("`ApiKeyAuth` writes identity headers (`environ[\"HTTP_X_ROLES\"] = "), f.message());
        assertEquals(List.of(8), f.related().stream().map(FlowStep::line).toList());
    }

    @Test
    void removingTheClientsCopyFirstIsEnough() {
        assertEquals(List.of(), RuleCheck.findings(new IdentityHeadersNotPurgedRule(), "svc/middleware/auth.py",
                MIDDLEWARE.replace("        key = environ.get", "        environ.pop(\"HTTP_X_ROLES\", None)\n        key = environ.get")));
    }
}
