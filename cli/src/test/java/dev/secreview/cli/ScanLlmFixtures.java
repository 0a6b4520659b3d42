package dev.secreview.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.secreview.cli.CliRun.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The code the {@code scan --llm} tests review, answers a model could give about it, and a way to run it. */
final class ScanLlmFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A small Flask app: the static rules find the shell command on line 18 (CWE-78); no rule can know
     * that line 11 deletes any invoice for anyone (CWE-862), which is what a second opinion may add.
     */
    static final String APP = """
            import subprocess

            from flask import Flask, request

            app = Flask(__name__)
            INVOICES = {}


            @app.route("/invoices/<invoice_id>", methods=["DELETE"])
            def delete_invoice(invoice_id):
                INVOICES.pop(invoice_id, None)
                return "", 204


            @app.route("/ping")
            def ping():
                host = request.args["host"]
                return subprocess.check_output("ping -c 1 " + host, shell=True)
            """;

    /** The missing authorization on line 11, as the JSON answer schema puts it. */
    static final String MISSING_AUTHORIZATION = """
            {"cwe": "CWE-862: Missing Authorization", "line": 11, "code": "INVOICES.pop(invoice_id, None)",
             "explanation": "Any caller can delete any invoice: the handler removes the invoice named in the URL without checking that the caller may.",
             "fix": "Look up the invoice's owner and answer 403 unless it is the current user before removing it."}""";

    /** The command injection on line 18 that the static rules already report. */
    static final String COMMAND_INJECTION = """
            {"cwe": "CWE-78: Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')",
             "line": 18, "code": "return subprocess.check_output(\\"ping -c 1 \\" + host, shell=True)",
             "explanation": "The host parameter is pasted into a shell command.",
             "fix": "Pass an argument list without shell=True."}""";

    /** A real but minor point on line 17 (no check that host is a host name). */
    static final String INPUT_VALIDATION = """
            {"cwe": "CWE-20: Improper Input Validation", "line": 17, "code": "host = request.args[\\"host\\"]",
             "explanation": "The host parameter is used as it comes, without checking it is a host name.",
             "fix": "Accept only a host name or an IP address, e.g. with ipaddress.ip_address or a strict pattern."}""";

    private ScanLlmFixtures() {
    }

    static String array(String... findings) {
        return "[" + String.join(",\n", findings) + "]";
    }

    static Path app(Path dir) throws IOException {
        return write(dir.resolve("app.py"), APP);
    }

    /** {@code scan -f json FILE --llm --llm-model test-model --llm-base-url URL ARGS...}. */
    static CliRun scanWithLlm(Path file, ScanLlmEndpoint endpoint, Object... args) {
        List<Object> all = new ArrayList<>(List.of("-f", "json", file, "--llm", "--llm-model", "test-model",
                "--llm-base-url", endpoint.baseUrl()));
        all.addAll(List.of(args));
        return CliRun.scan(all.toArray()).assertNoStackTrace();
    }

    /**
     * Checks the review of {@code file}: its static findings are exactly those of a scan without {@code --llm}
     * (whatever the static rules find), and its LLM findings are {@code llmFindings} ({@code ruleId@line}, in order).
     */
    static void assertReview(CliRun run, Path file, String llmFindings) throws IOException {
        assertEquals(findings(CliRun.scan("-f", "json", file), false), findings(run, false), run::toString);
        assertEquals(llmFindings, findings(run, true), run::toString);
    }

    /** The static or the LLM findings of a JSON review as {@code ruleId@line}, in report order. */
    static String findings(CliRun run, boolean fromLlm) throws IOException {
        return String.join(", ", findingNodes(run, fromLlm).stream()
                .map(f -> f.get("ruleId").asText() + "@" + f.at("/location/startLine").asInt()).toList());
    }

    static List<JsonNode> findingNodes(CliRun run, boolean fromLlm) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode file : JSON.readTree(run.out()).get("files")) {
            for (JsonNode finding : file.get("findings")) {
                if (finding.get("ruleId").asText().startsWith("llm-") == fromLlm) found.add(finding);
            }
        }
        return found;
    }
}
