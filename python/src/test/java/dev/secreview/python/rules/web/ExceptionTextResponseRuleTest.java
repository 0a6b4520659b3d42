package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExceptionTextResponseRuleTest {

    @Test
    void anyExceptionsTextInAnHttpErrorIsALowNote() {
        Finding f = RuleCheck.only(new ExceptionTextResponseRule(), "glance/api/v2/images.py", """
                import webob.exc

                def delete(image, pos):
                    try:
                        image.locations.pop(pos)
                    except Exception as e:
                        raise webob.exc.HTTPInternalServerError(explanation=str(e))
                """);
        assertEquals("py-exception-text-response", f.rule().id());
        assertEquals(7, f.line());
        assertEquals(209, f.cwe());
        assertEquals(Severity.LOW, f.severity());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.message().contains("sends `str(e)`, the text of whatever exception was caught as `e`, to the caller"),
                f.message());
    }
}
