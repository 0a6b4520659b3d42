package dev.secreview.python.rules.files;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The finding is at the decoding, with the early check beside it. */
class PathCheckBeforeDecodeRuleTest {

    @Test
    void theCheckMadeTooEarlyIsTheRelatedPlace() {
        Finding finding = RuleCheck.only(new PathCheckBeforeDecodeRule(), "app/static.py", """
                import os
                from urllib.parse import unquote

                def serve(root, file_uri):
                    if "../" in file_uri:
                        raise ValueError(file_uri)
                    path = unquote(os.path.join(root, file_uri))
                    return open(path, "rb")
                """);
        assertEquals(7, finding.line());
        assertEquals(Severity.HIGH, finding.severity());
        assertEquals(Confidence.MEDIUM, finding.confidence());
        assertEquals(1, finding.related().size());
        assertEquals(5, finding.related().get(0).range().startLine());
        assertTrue(finding.message().contains("(line 5)"), finding.message());
    }
}
