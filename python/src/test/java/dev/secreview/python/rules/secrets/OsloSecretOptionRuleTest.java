package dev.secreview.python.rules.secrets;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OsloSecretOptionRuleTest {

    @Test
    void aTokenOptionWithoutSecretIsReportedWithTheDumpThatLeaksIt() {
        Finding f = RuleCheck.only(new OsloSecretOptionRule(), "cinder/volume/drivers/array.py", """
                from oslo_config import cfg

                opts = [
                    cfg.StrOpt("array_api_token", help="REST API authorization token."),
                ]
                """);
        assertEquals("py-oslo-secret-opt", f.rule().id());
        assertEquals(4, f.line());
        assertEquals(532, f.cwe());
        assertEquals(Severity.MEDIUM, f.severity());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.message().startsWith("Option `array_api_token` holds a token but is registered without "
                + "`secret=True`: `CONF.log_opt_values()`"), f.message());
    }

    @Test
    void inAnOperatorToolTheSeverityIsLow() {
        Finding f = RuleCheck.only(new OsloSecretOptionRule(), "glance/cmd/replicator.py", """
                from oslo_config import cfg

                cli_opts = [cfg.StrOpt("token", default="", help="Your authentication token.")]
                """);
        assertEquals(Severity.LOW, f.severity());
    }
}
