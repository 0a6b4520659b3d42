package dev.secreview.python.rules.deserialization;

import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CeleryPickleRuleTest {
    private final CeleryPickleRule rule = new CeleryPickleRule();

    @Test
    void aPickleSerializerWithNoAcceptListIsReportedAtTheSerializer() {
        Finding finding = RuleCheck.only(rule, "proj/celeryconfig.py", """
                broker_url = "amqp://guest@localhost//"
                task_serializer = "pickle"
                result_serializer = "json"
                """);
        assertEquals(2, finding.line());
        assertEquals("py-celery-pickle", finding.rule().id());
        assertEquals(Severity.HIGH, finding.severity());
        assertTrue(finding.message().contains("`task_serializer`"), finding.message());
    }

    @Test
    void lowerCaseNamesOutsideACeleryModuleAreNotSettings() {
        assertEquals(0, RuleCheck.findings(rule, "proj/export.py", """
                task_serializer = "pickle"
                """).size());
    }
}
