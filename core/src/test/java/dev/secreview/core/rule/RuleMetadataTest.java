package dev.secreview.core.rule;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RuleMetadataTest {

    @RuleInfo(id = "py-judged-parse", cwe = 776, severity = Severity.LOW, confidence = Confidence.MEDIUM,
            summary = "A parse the dataflow judges.", fix = "Parse with defusedxml.", judgedBy = "xxe")
    private static final class JudgedRule {
    }

    @RuleInfo(id = "py-plain-check", cwe = 78, severity = Severity.HIGH, confidence = Confidence.HIGH,
            summary = "A plain check.", fix = "Do it another way.", altNames = "B999")
    private static final class PlainRule {
    }

    @Test
    void theKindThatJudgesARuleIsReadFromItsAnnotation() {
        assertEquals("xxe", RuleMetadata.of(JudgedRule.class).judgedBy());
        RuleMetadata plain = RuleMetadata.of(PlainRule.class);
        assertEquals("", plain.judgedBy(), "none declared: the kind of its CWE judges it");
        assertEquals(List.of("B999"), plain.altNames());
    }
}
