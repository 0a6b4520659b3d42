package dev.secreview.server;

import static dev.secreview.server.Samples.COMMAND_INJECTION;
import static dev.secreview.server.Samples.FINDING_LINE;
import static dev.secreview.server.Samples.PROBE;
import static dev.secreview.server.Samples.oneFile;
import static dev.secreview.server.Samples.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The REST API as a client sees it, over HTTP against a server on an ephemeral loopback port. */
class ServeApiTest {

    @TempDir
    static Path temporary;
    static ReviewServer server;
    static ServeClient client;

    @BeforeAll
    static void start() {
        server = new ReviewServer("test", ServeLimits.DEFAULT, temporary).start("127.0.0.1", 0);
        client = new ServeClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void nothingIsLeftInTheTemporaryFolder() throws IOException {
        try (Stream<Path> left = Files.list(temporary)) {
            assertEquals(List.of(), left.toList(), "each request's folder is deleted after it");
        }
    }

    @Test
    void reviewsPastedCodeAsTheCliDoes() {
        HttpResponse<String> response = client.postJson("/api/review", oneFile("app/views.py", COMMAND_INJECTION));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode review = parse(response.body());
        assertEquals(1, review.get("formatVersion").asInt());
        JsonNode file = review.get("files").get(0);
        JsonNode finding = file.get("findings").get(0);
        assertEquals("py-command-injection", finding.get("ruleId").asText());
        assertEquals("high", finding.get("severity").asText());
        assertEquals("app/views.py", finding.get("location").get("path").asText(), "paths are relative to the upload");
        assertEquals(FINDING_LINE, finding.get("location").get("startLine").asInt());
    }

    @Test
    void oneSnippetWithoutAPathIsSnippetPy() {
        String request = "{\"code\": " + Samples.quoted(COMMAND_INJECTION) + "}";
        JsonNode review = parse(client.postJson("/api/review", request).body());
        assertEquals("snippet.py", review.get("files").get(0).get("findings").get(0).get("location").get("path").asText());
    }

    @Test
    void sarifOfTheSameReview() {
        HttpResponse<String> response = client.postJson("/api/review?format=sarif", oneFile("a.py", COMMAND_INJECTION));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = parse(response.body()).get("runs").get(0).get("results").get(0);
        assertEquals("py-command-injection", result.get("ruleId").asText());
        assertEquals(FINDING_LINE, result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());
    }

    @Test
    void uploadsFilesAndZipsAsMultipart() throws IOException {
        HttpResponse<String> files = client.postFiles("/api/review", new String[]{"views.py", "clean.py"},
                new byte[][]{COMMAND_INJECTION.getBytes(StandardCharsets.UTF_8), "x = 1\n".getBytes(StandardCharsets.UTF_8)});
        assertEquals(200, files.statusCode(), files.body());
        assertEquals(Set.of("views.py:" + FINDING_LINE), findingPlaces(parse(files.body())));

        byte[] zip = Zips.of(Zips.entry("app/views.py", COMMAND_INJECTION), Zips.entry("app/__init__.py", ""));
        HttpResponse<String> zipped = client.postFile("/api/review", "project.zip", zip);
        assertEquals(200, zipped.statusCode(), zipped.body());
        assertEquals(Set.of("app/views.py:" + FINDING_LINE), findingPlaces(parse(zipped.body())));
        assertEquals(2, parse(zipped.body()).get("files").size());
    }

    @Test
    void aFileThatIsNotUtf8IsADiagnosticAsInTheCli() {
        HttpResponse<String> response = client.postFile("/api/review", "latin.py", new byte[]{'x', '=', '"', (byte) 0xe9, '"', '\n'});
        assertEquals(200, response.statusCode(), response.body());
        JsonNode file = parse(response.body()).get("files").get(0);
        assertEquals("latin.py", file.get("path").asText());
        assertFalse(file.get("diagnostics").isEmpty(), response.body());
    }

    @Test
    void theProbeIsEscapedInTheHtmlReview() {
        String probeFile = "probe" + PROBE + ".py";
        HttpResponse<String> response = client.postJson("/api/review?format=html",
                oneFile(probeFile, COMMAND_INJECTION + "banner = \"" + PROBE + "\"\n"));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        String html = response.body();
        assertFalse(html.contains("<script>alert(1)"), "the probe never becomes markup");
        assertTrue(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "it is shown as text");
        assertEquals(2, html.split("<script", -1).length - 1, "the review's data and its own script, nothing else");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (HttpResponse<String> response : List.of(client.get("/"), client.get("/api/rules"), client.get("/nowhere"),
                client.postJson("/api/review", "{"))) {
            ReviewServer.SECURITY_HEADERS.forEach((name, value) ->
                    assertEquals(value, response.headers().firstValue(name).orElse(null), name + " of " + response.uri()));
        }
        assertTrue(ReviewServer.CONTENT_SECURITY_POLICY.startsWith("default-src 'self'; script-src 'self' 'sha256-"),
                "no inline script but the review's own, by hash");
    }

    @Test
    void listsRulesAndExplainsOne() {
        JsonNode rules = parse(client.get("/api/rules").body()).get("rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(rule -> ids.add(rule.get("id").asText()));
        assertTrue(ids.contains("py-command-injection"));
        assertEquals(new TreeSet<>(ids).stream().toList(), ids, "sorted by id");

        HttpResponse<String> rule = client.get("/api/rules/py-command-injection");
        assertEquals(200, rule.statusCode());
        JsonNode metadata = parse(rule.body());
        assertEquals(78, metadata.get("cwe").get("id").asInt());
        assertEquals(707, metadata.get("cwe").get("pillar").get("id").asInt());
        assertTrue(metadata.get("documentation").asText().contains("py-command-injection"), "the rule's page");

        HttpResponse<String> unknown = client.get("/api/rules/py-no-such-rule");
        assertEquals(404, unknown.statusCode());
        assertEquals("unknown rule 'py-no-such-rule'; GET /api/rules lists them", parse(unknown.body()).get("error").asText());
    }

    @Test
    void looksUpACwe() {
        JsonNode cwe = parse(client.get("/api/cwe/CWE-79").body());
        assertEquals(79, cwe.get("id").asInt());
        assertEquals("weakness", cwe.get("kind").asText());
        assertEquals("Improper Neutralization", cwe.get("pillar").get("name").asText());
        assertTrue(cwe.get("name").asText().startsWith("Improper Neutralization of Input During Web Page Generation"));

        assertEquals(404, client.get("/api/cwe/99999").statusCode());
        assertEquals(400, client.get("/api/cwe/xss").statusCode());
    }

    @Test
    void auditsAReview() {
        String request = "{\"path\": \"views.py\", \"code\": " + Samples.quoted(COMMAND_INJECTION)
                + ", \"review\": \"1. CWE-78 (OS Command Injection) at line 8: the host reaches a shell.\"}";
        HttpResponse<String> response = client.postJson("/api/audit", request);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode claim = parse(response.body()).get("claims").get(0);
        assertEquals("supported", claim.get("verdict").asText().toLowerCase(), response.body());

        HttpResponse<String> broken = client.postJson("/api/audit", "{\"code\": \"def (\", \"review\": \"x\"}");
        assertEquals(400, broken.statusCode());
        assertTrue(parse(broken.body()).get("error").asText().contains("only code that parses can be audited"));
    }

    @Test
    void refusesWhatItCannotReview() {
        assertError(400, "unknown format 'pdf' (json, sarif or html)",
                client.postJson("/api/review?format=pdf", oneFile("a.py", "x = 1\n")));
        assertError(400, "file '../a.py': a path with '..'", client.postJson("/api/review", oneFile("../a.py", "x = 1\n")));
        assertError(400, "file '/etc/a.py': an absolute path", client.postJson("/api/review", oneFile("/etc/a.py", "x")));
        assertError(404, "Endpoint GET /nowhere not found", client.get("/nowhere"));
        HttpResponse<String> notJson = client.postJson("/api/review", "{\"files\": ");
        assertEquals(400, notJson.statusCode());
        assertTrue(parse(notJson.body()).get("error").asText().startsWith("the body is not JSON"));
    }

    @Test
    void refusesARequestOverTheSizeLimitBeforeReadingIt() {
        String answer = client.postAnnouncing("/api/review", ServeLimits.DEFAULT.maxRequestBytes() + 1);
        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        assertTrue(answer.contains("{\n  \"error\": \"the request is larger than 5242880 bytes\"\n}"), answer);
    }

    @Test
    void refusesMoreFilesThanTheLimit() {
        int count = ServeLimits.DEFAULT.maxFiles() + 1;
        Zips.Entry[] entries = new Zips.Entry[count];
        for (int i = 0; i < count; i++) entries[i] = Zips.entry("m" + i + ".py", "");
        assertError(400, "'many.zip' has more than 500 files", client.postFile("/api/review", "many.zip", Zips.of(entries)));
    }

    @Test
    void refusesAZipEntryOutsideTheUpload() {
        byte[] zip = Zips.of(Zips.entry("ok.py", "x = 1\n"), Zips.entry("../x.py", "x = 2\n"));
        assertError(400, "zip entry '../x.py': a path with '..'", client.postFile("/api/review", "evil.zip", zip));
        assertFalse(Files.exists(temporary.resolveSibling("x.py")));
        assertError(400, "zip entry '/tmp/x.py': an absolute path",
                client.postFile("/api/review", "evil.zip", Zips.of(Zips.entry("/tmp/x.py", ""))));
    }

    @Test
    void refusesASymbolicLinkInAZip() {
        assertError(400, "zip entry 'passwd.py' is a symbolic link",
                client.postFile("/api/review", "link.zip", Zips.of(Zips.symlink("passwd.py", "/etc/passwd"))));
    }

    @Test
    void refusesAZipBomb() {
        byte[] bomb = Zips.of(Zips.entry("bomb.py", "#".repeat(30 << 20)));
        assertError(413, "zip entry 'bomb.py' expands more than 100 times its compressed size",
                client.postFile("/api/review", "bomb.zip", bomb));
    }

    @Test
    void theOpenApiDocumentDescribesEveryRoute() {
        JsonNode paths = parse(client.get("/api/openapi.json").body()).get("paths");
        for (ReviewServer.Route route : server.routes()) {
            JsonNode path = paths.get(route.path());
            assertTrue(path != null && path.has(route.method().toLowerCase()), route.method() + " " + route.path());
        }
        Set<String> documented = new TreeSet<>();
        paths.fieldNames().forEachRemaining(documented::add);
        Set<String> served = new TreeSet<>(server.routes().stream().map(ReviewServer.Route::path).toList());
        assertEquals(served, documented, "and nothing it does not serve");
    }

    private static Set<String> findingPlaces(JsonNode review) {
        Set<String> places = new TreeSet<>();
        review.get("files").forEach(file -> file.get("findings").forEach(finding -> places.add(
                finding.get("location").get("path").asText() + ":" + finding.get("location").get("startLine").asInt())));
        return places;
    }

    static void assertError(int status, String message, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode error = parse(response.body());
        assertEquals(Set.of("error"), toSet(error.fieldNames()), response.body());
        assertEquals(message, error.get("error").asText());
    }

    private static Set<String> toSet(java.util.Iterator<String> names) {
        Set<String> set = new TreeSet<>();
        names.forEachRemaining(set::add);
        return set;
    }
}
