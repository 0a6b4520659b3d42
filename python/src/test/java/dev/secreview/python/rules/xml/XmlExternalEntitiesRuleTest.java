package dev.secreview.python.rules.xml;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.FlowStep;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XmlExternalEntitiesRuleTest {

    private static List<Finding> review(String code) {
        return RuleCheck.findings(new XmlExternalEntitiesRule(), "drivers/client.py", code);
    }

    @Test
    void oneDefaultParserChoiceIsOneFindingNamingEveryUse() {
        List<Finding> findings = review("""
                from lxml import etree

                def lun(reply):
                    return etree.fromstring(reply['data']).find('LUN')

                def pool(reply):
                    return etree.fromstring(reply['data']).find('Pool')

                def target(reply):
                    return etree.XML(reply)
                """);
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals("py-xml-external-entities", finding.rule().id());
        assertEquals(4, finding.line());
        assertEquals(Severity.LOW, finding.severity());
        assertEquals(Confidence.LOW, finding.confidence());
        assertTrue(finding.message().contains("with the default parser in 3 calls"), finding.message());
        assertEquals(List.of(7, 10), finding.related().stream().map(FlowStep::line).toList());
        assertEquals("return etree.XML(reply)", finding.related().get(1).snippet());
        assertEquals("also parses with lxml's default parser", finding.related().get(1).note());
    }

    @Test
    void aParserConfiguredToResolveEntitiesIsStillReportedWhereItIsMade() {
        List<Finding> findings = review("""
                from lxml import etree

                PARSER = etree.XMLParser(resolve_entities=True)

                def lun(reply):
                    return etree.fromstring(reply, PARSER)

                def pool(reply):
                    return etree.fromstring(reply, PARSER)
                """);
        assertEquals(List.of(3), findings.stream().map(Finding::line).toList());
        assertEquals(Severity.HIGH, findings.get(0).severity());
    }
}
