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

class MissingAuthorizationRuleTest {

    private static final String CONTROLLER = """
            from api import wsgi


            class KeypairController(wsgi.Controller):

                def show(self, req, id):
                    context = req.environ["nova.context"]
                    context.can("keypairs:show")
                    return {}

                def create(self, req, body):
                    context = req.environ["nova.context"]
                    context.can("keypairs:create")
                    return {}

                def delete(self, req, id):
                    context = req.environ["nova.context"]
                    context.can("keypairs:delete")

                def index(self, req):
                    context = req.environ["nova.context"]
                    return {"keypairs": objects.KeyPairList.get_by_user(context, req.GET["user_id"])}
            """;

    @Test
    void theOneHandlerWithoutItsSiblingsCheckIsALowConfidenceNoteWithTheChecksBeside() {
        Finding f = RuleCheck.only(new MissingAuthorizationRule(), "nova/api/openstack/compute/keypairs.py", CONTROLLER);
        assertEquals("py-missing-authz-check", f.rule().id());
        assertEquals(20, f.line());
        assertEquals(862, f.cwe());
        assertEquals(Severity.MEDIUM, f.severity());
        assertEquals(Confidence.LOW, f.confidence());
        assertTrue(f.message().startsWith("`KeypairController.index` makes no authorization check, while 3 of the "
                + "class's 4 handlers do (`context.can(\"keypairs:show\")`)"), f.message());
        assertEquals(List.of(8, 13, 18), f.related().stream().map(FlowStep::line).toList());
        assertEquals("`show` checks here", f.related().get(0).note());
    }

    @Test
    void testCodeIsNotReviewed() {
        assertEquals(List.of(), RuleCheck.findings(new MissingAuthorizationRule(),
                "nova/tests/unit/api/test_keypairs.py", CONTROLLER));
    }
}
