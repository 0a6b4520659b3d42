package dev.secreview.python.rules.secrets;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;

class LogSecretRuleTest {

    private static Finding only(String code) {
        return RuleCheck.only(new LogSecretRule(), "service/policy.py", code);
    }

    @Test
    void aNamedPasswordInATemplatesDictIsLoggedWithHighConfidence() {
        Finding finding = only("""
                import logging
                LOG = logging.getLogger(__name__)

                def set_chap(user, password):
                    LOG.debug("chap %(user)s : %(pass)s", {"user": user, "pass": password})
                """);
        assertEquals("py-log-secret", finding.rule().id());
        assertEquals(5, finding.line());
        assertEquals(Severity.MEDIUM, finding.severity());
        assertEquals(Confidence.HIGH, finding.confidence());
    }

    @Test
    void credentialsNamedOnlyByAWordAreOfMediumConfidenceEvenWhenTheTemplateNamesThem() {
        // `credentials` is as often an authorization context (user id, roles) as a secret.
        Finding finding = only("""
                import logging
                LOG = logging.getLogger(__name__)

                def enforce(credentials, action):
                    LOG.debug("enforce %(action)s: %(credentials)s", {"action": action, "credentials": credentials})
                """);
        assertEquals(5, finding.line());
        assertEquals(Confidence.MEDIUM, finding.confidence());
    }
}
