package dev.secreview.python.rules.access;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnusedScopeParameterRuleTest {

    @Test
    void aProjectParameterTheQueryNeverReadsIsReportedAtTheParameter() {
        Finding f = RuleCheck.only(new UnusedScopeParameterRule(), "cinder/db/api.py", """
                def group_get_all_by_project(context, project_id, filters=None):
                    query = model_query(context, models.Group).filter_by(deleted=False)
                    return query.all()
                """);
        assertEquals("py-unused-scope-parameter", f.rule().id());
        assertEquals(1, f.line());
        assertEquals(639, f.cwe());
        assertEquals(Severity.MEDIUM, f.severity());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.message().startsWith("`project_id` is handed to `group_get_all_by_project`, which queries the "
                + "database and never reads it"), f.message());
    }

    @Test
    void testCodeIsNotReviewed() {
        assertEquals(List.of(), RuleCheck.findings(new UnusedScopeParameterRule(), "cinder/tests/unit/fake_db.py", """
                def group_get_all_by_project(context, project_id):
                    return model_query(context, models.Group).all()
                """));
    }
}
