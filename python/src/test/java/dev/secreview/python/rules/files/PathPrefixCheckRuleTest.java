package dev.secreview.python.rules.files;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathPrefixCheckRuleTest {

    @Test
    void commonprefixIsHighConfidenceAndStartswithMedium() {
        Finding prefix = RuleCheck.only(new PathPrefixCheckRule(), "svc/archive.py", """
                import os

                def inside(root, path):
                    return os.path.commonprefix([root, os.path.realpath(path)]) == root
                """);
        assertEquals("py-path-prefix-check", prefix.rule().id());
        assertEquals(187, prefix.cwe());
        assertEquals(4, prefix.line());
        assertEquals(Severity.MEDIUM, prefix.severity());
        assertEquals(Confidence.HIGH, prefix.confidence());

        Finding starts = RuleCheck.only(new PathPrefixCheckRule(), "svc/archive.py", """
                import os

                def inside(base_folder, folder):
                    resolved = os.path.realpath(os.path.join(base_folder, folder))
                    return resolved.startswith(base_folder)
                """);
        assertEquals(5, starts.line());
        assertEquals(Confidence.MEDIUM, starts.confidence());
        assertTrue(starts.message().startsWith("`resolved.startswith(base_folder)` decides that `resolved` is inside "
                + "`base_folder` by text, and `base_folder` does not end with a separator"), starts.message());
    }
}
