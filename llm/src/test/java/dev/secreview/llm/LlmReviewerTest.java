package dev.secreview.llm;

import dev.secreview.audit.LibraryPath;
import dev.secreview.audit.StaticReview;
import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What each verdict of the auditor does to an LLM claim in the second opinion. */
class LlmReviewerTest {

    private static final SourceFile APP = new SourceFile(Path.of("app.py"), "app.py", """
            import subprocess

            import requests
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


            def _unused_rate(url):
                return requests.get(url, timeout=5).json()
            """);
    private static final String ANSWER = """
            [{"cwe": "CWE-78: Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')",
              "line": 19, "code": "subprocess.check_output(\\"ping -c 1 \\" + host, shell=True)",
              "explanation": "The host parameter is pasted into a shell command."},
             {"cwe": "CWE-862: Missing Authorization", "line": 12, "code": "INVOICES.pop(invoice_id, None)",
              "explanation": "Any caller can delete any invoice."},
             {"cwe": "CWE-400: Uncontrolled Resource Consumption", "line": 23, "code": "requests.get(url, timeout=5)",
              "explanation": "`requests.get` is called without a timeout."},
             {"cwe": "CWE-20: Improper Input Validation", "line": 18, "explanation": "`validate_host` is skipped."},
             {"cwe": "CWE-639: Improper Handling of Libraries", "line": 12, "explanation": "The invoice id is trusted."},
             {"cwe": "CWE-561: Dead Code", "line": 22, "code": "def _unused_rate(url):",
              "explanation": "`_unused_rate` is never called."}]
            """;

    @Test
    void eachVerdictDecidesWhatTheLlmClaimBecomes() {
        List<Finding> staticFindings = StaticReview.of(APP, List.of(), Set.of("remote")).findings();
        LlmReviewer reviewer = new LlmReviewer(settings(), ScriptedChatModel.answering(ANSWER), CweCatalog.embedded(),
                LibraryPath.none());

        List<Finding> reviewed = reviewer.review(APP, "python", staticFindings).findings();

        // Supported by the static finding of its CWE: that finding, once, naming both sources; the other static finding
        // on the line (the command's output in the page, CWE-79) is left as it was.
        assertEquals(List.of("py-xss@19 high", "py-command-injection@19 high", "llm-cwe-862@12 low", "llm-cwe-561@22 medium"),
                reviewed.stream().map(f -> f.rule().id() + "@" + f.line() + " " + f.confidence().label()).toList());
        Finding command = staticFindings.get(1);
        assertEquals(command.message() + " The LLM second opinion (agreed by 1 of 1 samples) reports it too.",
                reviewed.get(1).message());
        assertEquals(staticFindings.get(0), reviewed.get(0));
        // Unsupported: the LLM's alone, at low confidence; supported by a fact of the code and no finding: medium.
        assertEquals("LLM second opinion (agreed by 1 of 1 samples), not confirmed by the static analysis: Any caller can "
                + "delete any invoice.", reviewed.get(2).message());
        assertEquals("LLM second opinion (agreed by 1 of 1 samples), confirmed by what the code states: `_unused_rate` is "
                + "never called.", reviewed.get(3).message());
        // Contradicted (timeout=5), an unknown symbol (validate_host) and a misnamed CWE are not reported.
    }

    private static LlmSettings settings() {
        return new LlmSettings("http://localhost:1/v1", "test-model", null, Duration.ofSeconds(5), 0, Duration.ZERO,
                PromptStyle.BASIC, null, 1, 1, 6000);
    }
}
