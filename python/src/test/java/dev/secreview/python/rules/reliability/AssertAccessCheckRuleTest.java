package dev.secreview.python.rules.reliability;

import dev.secreview.core.model.Finding;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The message names what makes the assert an access decision. */
class AssertAccessCheckRuleTest {

    private static List<Finding> findings(String code) {
        return RuleCheck.findings(new AssertAccessCheckRule(), "svc/api.py", code);
    }

    @Test
    void theMessageQuotesTheEvidence() {
        List<Finding> found = findings("def f(context, volume):\n    assert context.is_admin or volume.shared\n");
        assertEquals(1, found.size());
        assertTrue(found.get(0).message().contains("authorization check (`context.is_admin`)"), found.get(0).message());
    }

    @Test
    void aComparisonWithTheCallerIsATenantIsolationCheck() {
        List<Finding> found = findings("def f(context, volume):\n    assert volume.project_id == context.project_id\n");
        assertEquals(1, found.size());
        assertTrue(found.get(0).message().contains("enforcing this tenant-isolation check:"), found.get(0).message());
    }

    @Test
    void aWordInsideAnotherNameIsNotEvidence() {
        assertEquals(List.of(), findings("""
                class Definition(object):
                    POLICIES = ("Delete", "Retain", "Snapshot")

                    def __init__(self, deletion_policy, update_policy):
                        assert deletion_policy in self.POLICIES
                        assert update_policy is None or update_policy.owner_role
                """));
    }
}
