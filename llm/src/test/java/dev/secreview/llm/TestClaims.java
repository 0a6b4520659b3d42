package dev.secreview.llm;

import dev.secreview.audit.Claim;
import dev.secreview.audit.LineSpan;

import java.util.List;

/** Claims as the review parser would make them from an answer. */
final class TestClaims {

    private TestClaims() {
    }

    static Claim claim(Integer cwe, Integer line) {
        return new Claim(1, "CWE-" + cwe + " at line " + line, cwe, null, null,
                line == null ? List.of() : List.of(LineSpan.of(line)), List.of(), List.of(),
                "why " + cwe + "@" + line, "fix " + cwe);
    }
}
