package dev.secreview.llm;

import dev.secreview.audit.Claim;
import dev.secreview.audit.LineSpan;
import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.model.TextRange;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.secreview.llm.TestClaims.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LlmFindingsTest {

    private static final SourceFile SOURCE = new SourceFile(Path.of("app.py"), "app.py", """
            import subprocess

            def run(cmd):
                subprocess.run(cmd, shell=True)   \s
            """);

    private final LlmFindings findings = new LlmFindings(CweCatalog.embedded());

    @Test
    void aVerifiedClaimBecomesAnOrdinaryFindingUnderASyntheticRule() {
        Finding finding = findings.toFinding(SOURCE, new AgreedClaim(claim(78, 4), 2), 3, LlmFindings.Backing.NONE);

        assertEquals("llm-cwe-78", finding.rule().id());
        assertEquals(78, finding.rule().cwe());
        assertEquals("Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')",
                finding.rule().summary());
        assertEquals(Severity.MEDIUM, finding.severity());
        assertEquals(Confidence.LOW, finding.confidence());
        assertEquals(new TextRange(4, 5, 4, 36), finding.range());
        assertEquals("subprocess.run(cmd, shell=True)", finding.snippet());
        assertEquals("LLM second opinion (agreed by 2 of 3 samples), not confirmed by the static analysis: why 78@4",
                finding.message());
        assertEquals("fix 78", finding.fix());
    }

    @Test
    void aClaimWithoutExplanationOrFixFallsBackToItsTextAndTheCwePage() {
        Claim bare = new Claim(1, "Command injection here", 78, null, null, List.of(LineSpan.of(4)),
                List.of(), List.of(), null, " ");

        Finding finding = findings.toFinding(SOURCE, new AgreedClaim(bare, 1), 1, LlmFindings.Backing.CODE_FACT);

        assertEquals(Confidence.MEDIUM, finding.confidence());
        assertEquals("LLM second opinion (agreed by 1 of 1 samples), confirmed by what the code states: Command injection here",
                finding.message());
        assertEquals("Apply the mitigations of CWE-78 (https://cwe.mitre.org/data/definitions/78.html) at this line.",
                finding.fix());
    }

    @Test
    void mergeKeepsEveryStaticFindingConfirmsThoseTheLlmSpeaksOfAndDropsDuplicates() {
        Finding staticOne = findings.toFinding(SOURCE, new AgreedClaim(claim(78, 4), 1), 1, LlmFindings.Backing.NONE);
        Finding sameLineSameCwe = findings.toFinding(SOURCE, new AgreedClaim(claim(78, 4), 2), 2, LlmFindings.Backing.NONE);
        Finding otherCwe = findings.toFinding(SOURCE, new AgreedClaim(claim(89, 4), 2), 2, LlmFindings.Backing.NONE);
        Finding otherLine = findings.toFinding(SOURCE, new AgreedClaim(claim(78, 1), 2), 2, LlmFindings.Backing.NONE);
        Finding confirmed = LlmFindings.confirmed(staticOne, new AgreedClaim(claim(78, 4), 2), 3);

        assertEquals(List.of(staticOne, otherCwe, otherLine),
                LlmFindings.merge(List.of(staticOne), Map.of(), List.of(sameLineSameCwe, otherCwe, otherLine, otherCwe)));
        assertEquals(List.of(confirmed, otherCwe), LlmFindings.merge(List.of(staticOne), Map.of(staticOne, confirmed), List.of(otherCwe)));
        assertEquals(staticOne.message() + " The LLM second opinion (agreed by 2 of 3 samples) reports it too.", confirmed.message());
        assertEquals(staticOne.confidence(), confirmed.confidence());
        assertEquals(List.of(staticOne), LlmFindings.merge(List.of(staticOne), Map.of(), List.of()));
    }
}
