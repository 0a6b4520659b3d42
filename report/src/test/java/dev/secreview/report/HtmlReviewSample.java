package dev.secreview.report;

import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.FlowStep;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.model.TextRange;
import dev.secreview.core.rule.RuleMetadata;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A review as a scan gives it, over two real Flask files: findings of every severity on real lines, with
 * the code around them taken by {@link FileReport#withExcerptFrom}, and a dataflow path. The second
 * file carries a script-injection probe in its name, in its code and in a message.
 */
final class HtmlReviewSample {

    static final String PROBE = "</script><script>alert(1)</script>";
    static final String VIEWS = "app/views.py";
    static final String PROBE_FILE = "app/" + PROBE + ".py";

    static final String VIEWS_CODE = """
            import hashlib
            import pickle
            import subprocess

            from flask import Flask, request

            app = Flask(__name__)


            @app.route("/ping")
            def ping():
                host = request.args["host"]
                cmd = "ping -c 1 " + host
                return subprocess.check_output(cmd, shell=True)


            @app.route("/load", methods=["POST"])
            def load():
                return pickle.loads(request.data)


            def token_digest(token):
                return hashlib.md5(token).hexdigest()
            """;

    static final String PROBE_CODE = """
            import requests
            from flask import request


            def greet():
                name = request.args.get("name", "")
                banner = "%s"
                return "<p>Hello " + name + banner + "</p>"


            def avatar(url):
                return requests.get(url).content
            """.formatted(PROBE);

    static final RuleMetadata COMMAND = new RuleMetadata("py-command-injection", 78, Severity.HIGH, Confidence.HIGH,
            "Attacker-controlled data reaches an operating-system command run through a shell.",
            "Pass the command as a list without shell=True, or quote each value with shlex.quote().", List.of("B602"));
    static final RuleMetadata PICKLE = new RuleMetadata("py-pickle-load", 502, Severity.HIGH, Confidence.HIGH,
            "Untrusted data is deserialized with pickle.", "Use json for data from outside the process.",
            List.of("B301"));
    static final RuleMetadata MD5 = new RuleMetadata("py-weak-hash", 328, Severity.MEDIUM, Confidence.HIGH,
            "A weak hash (MD5, SHA-1) is used for a security purpose.",
            "Use `hashlib.sha256`, or `hashlib.md5(data, usedforsecurity=False)` when it is no security use.",
            List.of("B324"));
    static final RuleMetadata XSS = new RuleMetadata("py-reflected-xss", 79, Severity.HIGH, Confidence.HIGH,
            "Request data is written into an HTML response without escaping.",
            "Escape the value with `markupsafe.escape()` or render it through an autoescaping template.", List.of());
    static final RuleMetadata TIMEOUT = new RuleMetadata("py-request-without-timeout", 400, Severity.LOW,
            Confidence.MEDIUM, "An HTTP request without a timeout can hang its worker forever.",
            "Pass `timeout=` to every `requests` call.", List.of("B113"));

    private HtmlReviewSample() {
    }

    static ReviewReport report() {
        SourceFile views = new SourceFile(Path.of(VIEWS), VIEWS, VIEWS_CODE);
        SourceFile probe = new SourceFile(Path.of("app", "probe.py"), PROBE_FILE, PROBE_CODE);
        TextRange sink = at(views, "subprocess.check_output(cmd, shell=True)");
        Finding command = new Finding(COMMAND, VIEWS, sink, views.line(sink.startLine()),
                "`request.args` (line 12) reaches `subprocess.check_output(…)` with shell=True after 2 steps.",
                COMMAND.fix(), Severity.HIGH, Confidence.HIGH, null, List.of(
                        step(views, "request.args[\"host\"]", "`flask.request.args`: HTTP request data"),
                        step(views, "\"ping -c 1 \" + host", "concatenated into `cmd`"),
                        step(views, "subprocess.check_output(cmd, shell=True)",
                                "reaches `subprocess.check_output(…)` with shell=True")));
        Finding pickle = finding(PICKLE, views, "pickle.loads(request.data)",
                "`request.data` comes from the client and is unpickled.");
        Finding md5 = finding(MD5, views, "hashlib.md5(token)", "`token` is hashed with MD5.");
        Finding xss = finding(XSS, probe, "\"<p>Hello \" + name + banner + \"</p>\"",
                "`name` from `request.args` is written into the page next to " + PROBE + ".");
        Finding timeout = finding(TIMEOUT, probe, "requests.get(url)", "`requests.get(url)` has no timeout.");
        return new ReviewReport(new ScanResult(List.of(
                new FileReport(VIEWS, "python", views.lineCount(), List.of(command, pickle, md5), List.of())
                        .withExcerptFrom(views),
                new FileReport(PROBE_FILE, "python", probe.lineCount(), List.of(xss, timeout), List.of())
                        .withExcerptFrom(probe),
                new FileReport("app/__init__.py", "python", 0, List.of(), List.of())),
                List.of(), Duration.ofMillis(40)),
                List.of(COMMAND, PICKLE, MD5, XSS, TIMEOUT), Severity.LOW, Confidence.LOW, "0.2.0");
    }

    private static Finding finding(RuleMetadata rule, SourceFile file, String code, String message) {
        TextRange range = at(file, code);
        return new Finding(rule, file.displayPath(), range, file.line(range.startLine()), message, rule.fix(),
                rule.severity(), rule.confidence(), null);
    }

    private static FlowStep step(SourceFile file, String code, String note) {
        TextRange range = at(file, code);
        return new FlowStep(file.displayPath(), range, file.line(range.startLine()), note);
    }

    /** Where {@code code} first stands in {@code file}. */
    static TextRange at(SourceFile file, String code) {
        for (int line = 1; line <= file.lineCount(); line++) {
            int column = file.line(line).indexOf(code);
            if (column >= 0) return new TextRange(line, column + 1, line, column + 1 + code.length());
        }
        throw new IllegalArgumentException("not in " + file.displayPath() + ": " + code);
    }
}
