package dev.secreview.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secreview.core.cwe.CweCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditWritersTest {

    private static final CweCatalog CATALOG = CweCatalog.embedded();
    private static final String CODE = """
            import subprocess


            def ping(host):
                subprocess.run("ping " + host, shell=True)
            """;
    private static final String REVIEW = """
            1. **Command injection** (CWE-78: OS Command Injection), line 5: `host` reaches `subprocess.run` with `shell=True`.
               Fix: pass a list.
            2. **Made-up category** (CWE-711), lines 4-5: the code is weak.
            """;

    private static AuditReport report() {
        return Fixtures.audit(Fixtures.source("net/ping.py", CODE), REVIEW);
    }

    private static String render(AuditFormat format, AuditReport report) throws IOException {
        StringWriter out = new StringWriter();
        format.writer(CATALOG).write(report, out);
        return out.toString();
    }

    @Test
    void text() throws IOException {
        assertEquals("""
                Audit of 2 claims against net/ping.py

                #1 [GROUNDED] CWE-78 (Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')) line 5: Command injection
                    - CWE-78 is a Base weakness
                    - 'OS Command Injection' matches the official name of CWE-78
                    - line 5 is in the file (5 lines)
                    - `host` is on lines 4, 5
                    - `subprocess.run` is on line 5
                    - `shell=True` is on line 5

                #2 [NOT_A_WEAKNESS] CWE-711 (Weaknesses in OWASP Top Ten (2004)) lines 4-5: Made-up category
                    - CWE-711 is a View, not a weakness (Weaknesses in OWASP Top Ten (2004), status Obsolete)

                Claims: 2, grounded: 1 (50%)
                By verdict: grounded 1, not a weakness 1
                """, render(AuditFormat.TEXT, report()));
    }

    @Test
    void textOfAReviewWithoutClaims() throws IOException {
        assertEquals("Audit of 0 claims against net/ping.py\n\nClaims: 0 (the review states no finding)\n",
                render(AuditFormat.TEXT, new AuditReport("net/ping.py", List.of())));
    }

    @Test
    void json() throws IOException {
        String json = render(AuditFormat.JSON, report());
        JsonNode root = new ObjectMapper().readTree(json);

        assertEquals(List.of("formatVersion", "catalog", "code", "summary", "claims"), fieldNames(root));
        assertEquals(1, root.get("formatVersion").asInt());
        assertEquals("4.15", root.get("catalog").asText());
        assertEquals("net/ping.py", root.get("code").asText());
        JsonNode summary = root.get("summary");
        assertEquals(2, summary.get("claims").asInt());
        assertEquals(1, summary.get("grounded").asInt());
        assertEquals(0.5, summary.get("groundedShare").asDouble());
        assertEquals(List.of("GROUNDED", "MISNAMED_CWE", "NOT_A_WEAKNESS", "BAD_LINE", "UNKNOWN_SYMBOL", "CONTRADICTED",
                "UNVERIFIED"), fieldNames(summary.get("verdicts")));
        assertEquals(1, summary.get("verdicts").get("NOT_A_WEAKNESS").asInt());

        JsonNode first = root.get("claims").get(0);
        assertEquals(List.of("index", "verdict", "accepted", "title", "cwe", "pillar", "lines", "identifiers",
                "codeFragments", "text", "explanation", "fix", "evidence"), fieldNames(first));
        assertEquals("GROUNDED", first.get("verdict").asText());
        assertEquals(true, first.get("accepted").asBoolean());
        assertEquals(78, first.get("cwe").get("id").asInt());
        assertEquals("OS Command Injection", first.get("cwe").get("claimedName").asText());
        assertEquals(CATALOG.require(78).name(), first.get("cwe").get("officialName").asText());
        assertEquals(5, first.get("lines").get(0).get("first").asInt());
        assertEquals("pass a list.", first.get("fix").asText());
        assertEquals(6, first.get("evidence").size());
        JsonNode second = root.get("claims").get(1);
        assertEquals(false, second.get("accepted").asBoolean());
        assertEquals(true, second.get("pillar").isNull());
        assertEquals(true, second.get("cwe").get("claimedName").isNull());
    }

    @Test
    void sameReportSameBytes() throws IOException {
        for (AuditFormat format : AuditFormat.values()) {
            assertEquals(render(format, report()), render(format, report()), format.name());
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
