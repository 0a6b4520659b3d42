package dev.secreview.python.rules.reliability;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a user sees of a cache that requests grow: where, how sure, and which collection and handler. */
class UnboundedCacheRuleTest {

    private static final String APP = """
            from flask import Flask, request

            app = Flask(__name__)
            _seen = {}


            @app.route("/ping")
            def ping():
                client = request.args["client"]
                _seen[client] = 1
                return "pong"
            """;

    @Test
    void theGrowingStoreIsReportedWithTheCollectionAndTheHandler() {
        Finding finding = RuleCheck.only(new UnboundedCacheRule(), "svc/app.py", APP);
        assertEquals("py-unbounded-cache", finding.rule().id());
        assertEquals(10, finding.range().startLine());
        assertEquals(Severity.MEDIUM, finding.severity());
        assertEquals(Confidence.MEDIUM, finding.confidence());
        assertEquals("Module-level `_seen` (line 4) grows by what the request sends in `ping`, and nothing in the "
                + "module removes its entries or checks its size: each distinct value a client sends stays in memory "
                + "until the process ends.", finding.message());
    }

    @Test
    void aModuleThatEvictsSomewhereIsNotReported() {
        List<Finding> found = RuleCheck.findings(new UnboundedCacheRule(), "svc/app.py", APP + """


                def expire(client):
                    _seen.pop(client, None)
                """);
        assertEquals(List.of(), found);
    }
}
