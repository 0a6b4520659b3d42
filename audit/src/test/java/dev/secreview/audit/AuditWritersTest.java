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
            import hashlib
            import subprocess


            def ping(host):
                subprocess.run("ping " + host, shell=True)


            def digest(data):
                return hashlib.sha256(data).hexdigest(), hashlib.md5(data).hexdigest()
            """;
    private static final String REVIEW = """
            1. **Command injection** (CWE-78: OS Command Injection): `host` reaches `subprocess.run` in `ping` with `shell=True`.
               Fix: pass a list.
            2. **Made-up category** (CWE-711), lines 5-6: the code is weak.
            3. **Unchecked input** (CWE-20), line 9: `digest` takes any `data`.
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
                Audit of 3 claims against net/ping.py

                #1 [SUPPORTED] CWE-78 (Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')) lines 5, 6 (located): Command injection
                    - CWE-78 is a Base weakness
                    - 'OS Command Injection' matches the official name of CWE-78
                    - `host` is on lines 5, 6
                    - `subprocess.run` is on line 6
                    - `ping` is on lines 5, 6
                    - `shell=True` is on line 6
                    - the claim gives no line; what it names is on lines 5, 6
                    - the static review reports it: net/ping.py:6 `subprocess.run("ping " + host, shell=True)` py-subprocess-shell (CWE-78, low confidence)
                    - net/ping.py:6 `subprocess.run("ping " + host, shell=True)` passes shell=True

                #2 [NOT_A_WEAKNESS] CWE-711 (Weaknesses in OWASP Top Ten (2004)) lines 5-6: Made-up category
                    - CWE-711 is a View, not a weakness (Weaknesses in OWASP Top Ten (2004), status Obsolete)

                #3 [UNSUPPORTED] CWE-20 (Improper Input Validation) line 9: Unchecked input
                    - CWE-20 is a Class weakness
                    - line 9 is in the file (10 lines)
                    - `digest` is on line 9
                    - `data` is on lines 9, 10
                    - the static review reports no CWE-20 finding, nor any under its pillar CWE-707, within 2 lines of line 9
                    - no attacker-controlled source reaches the one sink in this file

                Claims: 3, supported: 1 (33%)
                By verdict: supported 1, unsupported 1, not a weakness 1
                Static review: 2 findings; the review speaks of 1 (recall 50%); 1 of 3 claims are among them (precision 33%)
                Missed by the review:
                    - net/ping.py:10 `return hashlib.sha256(data).hexdigest(), hashlib.md5(data...` py-weak-hash (CWE-328, medium confidence)
                """, render(AuditFormat.TEXT, report()));
    }

    @Test
    void textOfAReviewWithoutClaims() throws IOException {
        assertEquals("Audit of 0 claims against net/ping.py\n\nClaims: 0 (the review states no finding)\nStatic review: no findings\n",
                render(AuditFormat.TEXT, new AuditReport("net/ping.py", List.of(), List.of())));
    }

    @Test
    void json() throws IOException {
        String json = render(AuditFormat.JSON, report());
        JsonNode root = new ObjectMapper().readTree(json);

        assertEquals(List.of("formatVersion", "catalog", "code", "summary", "claims", "misses"), fieldNames(root));
        assertEquals(2, root.get("formatVersion").asInt());
        assertEquals("4.15", root.get("catalog").asText());
        assertEquals("net/ping.py", root.get("code").asText());
        JsonNode summary = root.get("summary");
        assertEquals(List.of("claims", "supported", "supportedShare", "verdicts", "staticFindings", "missed", "precision",
                "recall"), fieldNames(summary));
        assertEquals(3, summary.get("claims").asInt());
        assertEquals(1, summary.get("supported").asInt());
        assertEquals(0.333, summary.get("supportedShare").asDouble());
        assertEquals(List.of("SUPPORTED", "UNSUPPORTED", "CONTRADICTED", "UNKNOWN_SYMBOL", "BAD_LINE", "MISNAMED_CWE",
                "NOT_A_WEAKNESS", "UNVERIFIED"), fieldNames(summary.get("verdicts")));
        assertEquals(1, summary.get("verdicts").get("NOT_A_WEAKNESS").asInt());
        assertEquals(2, summary.get("staticFindings").asInt());
        assertEquals(1, summary.get("missed").asInt());
        assertEquals(0.333, summary.get("precision").asDouble());
        assertEquals(0.5, summary.get("recall").asDouble());

        JsonNode first = root.get("claims").get(0);
        assertEquals(List.of("index", "verdict", "accepted", "title", "cwe", "pillar", "lines", "place", "identifiers",
                "codeFragments", "text", "explanation", "fix", "evidence", "staticFindings"), fieldNames(first));
        assertEquals("SUPPORTED", first.get("verdict").asText());
        assertEquals(true, first.get("accepted").asBoolean());
        assertEquals(78, first.get("cwe").get("id").asInt());
        assertEquals("OS Command Injection", first.get("cwe").get("claimedName").asText());
        assertEquals(CATALOG.require(78).name(), first.get("cwe").get("officialName").asText());
        assertEquals(0, first.get("lines").size());
        assertEquals(true, first.at("/place/located").asBoolean());
        assertEquals(5, first.at("/place/lines/0/first").asInt());
        assertEquals(6, first.at("/place/lines/1/last").asInt());
        assertEquals("pass a list.", first.get("fix").asText());
        assertEquals("py-subprocess-shell", first.at("/staticFindings/0/rule").asText());
        assertEquals(6, first.at("/staticFindings/0/line").asInt());
        JsonNode second = root.get("claims").get(1);
        assertEquals(false, second.get("accepted").asBoolean());
        assertEquals(true, second.get("pillar").isNull());
        assertEquals(true, second.get("cwe").get("claimedName").isNull());
        assertEquals(false, second.at("/place/located").asBoolean());
        JsonNode missed = root.get("misses").get(0);
        assertEquals(List.of("rule", "cwe", "line", "snippet", "confidence", "message"), fieldNames(missed));
        assertEquals("py-weak-hash", missed.get("rule").asText());
        assertEquals(328, missed.get("cwe").asInt());
        assertEquals(10, missed.get("line").asInt());
    }

    @Test
    void precisionAndRecallAreNullWithoutClaimsOrFindings() throws IOException {
        JsonNode summary = new ObjectMapper().readTree(render(AuditFormat.JSON, new AuditReport("x.py", List.of(), List.of())))
                .get("summary");
        assertEquals(true, summary.get("precision").isNull());
        assertEquals(true, summary.get("recall").isNull());
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
