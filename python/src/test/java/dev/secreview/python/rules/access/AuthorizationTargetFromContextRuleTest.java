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

class AuthorizationTargetFromContextRuleTest {

    private static final String CONTROLLER = """
            class ServerTagsController(wsgi.Controller):
                def update(self, req, server_id, id):
                    context = req.environ["nova.context"]
                    server = common.get_instance(self.compute_api, context, server_id)
                    context.can(tag_policies.UPDATE, target={"project_id": context.project_id})
                    return self.compute_api.add_tag(context, server, id)
            """;

    @Test
    void theCallersOwnProjectAsTargetIsReportedWithTheFetchBesideIt() {
        Finding f = RuleCheck.only(new AuthorizationTargetFromContextRule(), "nova/api/server_tags.py", CONTROLLER);
        assertEquals("py-authz-target-from-context", f.rule().id());
        assertEquals(5, f.line());
        assertEquals(863, f.cwe());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.message().startsWith("The check `context.can(...)` compares the caller with "
                + "`\"project_id\": context.project_id`"), f.message());
        assertTrue(f.message().contains("acts on `server`, fetched by the client's id"), f.message());
        assertEquals(List.of(4), f.related().stream().map(FlowStep::line).toList());
    }

    @Test
    void theSameCheckWithTheServersOwnerIsNotReported() {
        assertEquals(List.of(), RuleCheck.findings(new AuthorizationTargetFromContextRule(), "nova/api/server_tags.py",
                CONTROLLER.replace("context.project_id}", "server.project_id}")));
    }
}
