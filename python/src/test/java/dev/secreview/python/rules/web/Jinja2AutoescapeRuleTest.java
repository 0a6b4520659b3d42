package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Autoescaping is judged by what the template renders: HTML is reported, configuration files are not. */
class Jinja2AutoescapeRuleTest {

    private static List<Finding> findings(String body) {
        String code = "import jinja2\n\n" + body + "\n";
        return RuleCheck.findings(new Jinja2AutoescapeRule(), "svc/render.py", code);
    }

    @Test
    void htmlTemplateTextIsReportedWithItsEvidence() {
        List<Finding> found = findings("T = jinja2.Template('<div class=\"x\">{{ name }}</div>')");
        assertEquals(1, found.size());
        assertEquals(Confidence.MEDIUM, found.get(0).confidence());
        assertTrue(found.get(0).message().contains("it renders HTML (the template text has `<div>` tags)"),
                found.get(0).message());
    }

    @Test
    void configurationTextAndXmlTemplatesAreNotReported() {
        assertEquals(List.of(), findings("T = jinja2.Template('interface {{ name }}\\n{\\n  AdvSendAdvert on;\\n};')"));
        assertEquals(List.of(), findings("env = jinja2.Environment(loader=jinja2.FileSystemLoader('t'))\n"
                + "xml = env.get_template('domain.xml').render()"));
    }

    @Test
    void anEnvironmentWhoseTemplatesAreUnseenIsLowConfidenceAndSaysSo() {
        List<Finding> found = findings("env = jinja2.Environment(loader=jinja2.FileSystemLoader('t'))");
        assertEquals(1, found.size());
        assertEquals(Confidence.LOW, found.get(0).confidence());
        assertTrue(found.get(0).message().contains("Nothing here shows what its templates render"),
                found.get(0).message());
    }
}
