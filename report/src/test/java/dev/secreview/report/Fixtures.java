package dev.secreview.report;

import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.FlowStep;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.model.Suppression;
import dev.secreview.core.model.TextRange;
import dev.secreview.core.rule.Rewrite;
import dev.secreview.core.rule.RuleMetadata;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small hand-made reviews: one file with defects, a clean one, a partly parsed one, an unreadable one. */
final class Fixtures {

    static final RuleMetadata SHELL = new RuleMetadata("py-subprocess-shell", 78, Severity.HIGH, Confidence.MEDIUM,
            "A command that is not a constant is run through the shell (shell=True).",
            "Pass the command as a list of arguments without shell=True.", List.of("B602"));
    static final RuleMetadata PICKLE = new RuleMetadata("py-pickle-load", 502, Severity.HIGH, Confidence.HIGH,
            "Untrusted data is deserialized with pickle.",
            "Use json for data from outside the process.", List.of("B301"));
    static final RuleMetadata WEAK_HASH = new RuleMetadata("py-weak-hash", 328, Severity.MEDIUM, Confidence.HIGH,
            "A weak hash (MD5, SHA-1) is used for a security purpose.",
            "Use hashlib.sha256, or hashlib.md5(data, usedforsecurity=False) when it is no security use.",
            List.of("B324"));
    /** A rule without findings: SARIF must still describe it. */
    static final RuleMetadata PASSWORD = new RuleMetadata("py-hardcoded-password", 798, Severity.LOW, Confidence.LOW,
            "A password is written into the source.", "Read the secret from the environment or a vault.",
            List.of("B105"));

    static final List<RuleMetadata> RULES = List.of(SHELL, PICKLE, WEAK_HASH, PASSWORD);

    static final String VIEWS = "app/views.py";

    private Fixtures() {
    }

    static Finding finding(RuleMetadata rule, String path, int line, int column, String snippet, String message) {
        return new Finding(rule, path, new TextRange(line, column, line, column + snippet.strip().length()),
                snippet, message, rule.fix(), rule.severity(), rule.confidence(), null);
    }

    /** The files of the standard review; {@code shift} moves every finding down that many lines. */
    static List<FileReport> files(int shift) {
        Finding shell = finding(SHELL, VIEWS, 12 + shift, 5, "    subprocess.run(cmd, shell=True)",
                "`cmd` is built from request.args['host'] and run through a shell.");
        Finding pickle = finding(PICKLE, VIEWS, 20 + shift, 12, "    return pickle.loads(request.data)",
                "`request.data` comes from the client and is unpickled.");
        Finding md5 = finding(WEAK_HASH, VIEWS, 30 + shift, 9, "    h = hashlib.md5(token)  # nosec B324",
                "`token` is hashed with MD5.").suppressedBy(new Suppression("# nosec B324", 30 + shift));
        Finding guess = new Finding(SHELL, VIEWS, new TextRange(35 + shift, 5, 35 + shift, 20), "    os.system(x)",
                "`x` may reach a shell.", SHELL.fix(), Severity.HIGH, Confidence.LOW, null);
        return List.of(
                new FileReport(VIEWS, "python", 40 + shift, List.of(md5, guess, pickle, shell), List.of())
                        .withExcerptFrom(views(shift)),
                new FileReport("app/util.py", "python", 10, List.of(), List.of()),
                new FileReport("app/broken.py", "python", 8, List.of(),
                        List.of(new Diagnostic(Diagnostic.Kind.PARSE_ERROR, "app/broken.py", 3,
                                "syntax error: unexpected `)`"))),
                FileReport.unreviewed("data/blob.py", new Diagnostic(Diagnostic.Kind.UNDECODABLE, "data/blob.py", 0,
                        "not valid UTF-8 text")));
    }

    /** The code of app/views.py the standard review's findings stand in, {@code shift} blank lines down. */
    static SourceFile views(int shift) {
        String[] lines = new String[40];
        java.util.Arrays.fill(lines, "");
        lines[5] = "from flask import request";
        lines[8] = "def ping():";
        lines[9] = "    host = request.args['host']";
        lines[10] = "    cmd = 'ping -c 1 ' + host";
        lines[11] = "    subprocess.run(cmd, shell=True)";
        lines[12] = "    return 'ok'";
        lines[15] = "def restore():";
        lines[16] = "    # the client sends its saved session";
        lines[17] = "    data = request.data";
        lines[19] = "    return pickle.loads(request.data)";
        lines[29] = "    h = hashlib.md5(token)  # nosec B324";
        lines[34] = "    os.system(x)";
        return new SourceFile(Path.of(VIEWS), VIEWS, "\n".repeat(shift) + String.join("\n", lines) + "\n");
    }

    static final String RUNNER = "app/runner.py";

    /**
     * A dataflow finding in app/runner.py whose path starts in app/views.py: a request parameter is
     * concatenated into a command there and passed to a function that runs it through a shell.
     */
    static Finding flowFinding() {
        List<FlowStep> flow = List.of(
                new FlowStep(VIEWS, new TextRange(12, 12, 12, 36), "    host = request.args['host']",
                        "`host` from `request.args`"),
                new FlowStep(VIEWS, new TextRange(13, 5, 13, 27), "    cmd = 'ping ' + host",
                        "concatenated into `cmd`"),
                new FlowStep(RUNNER, new TextRange(5, 5, 5, 36), "    subprocess.run(cmd, shell=True)",
                        "passed to `subprocess.run(shell=True)`"));
        return new Finding(SHELL, RUNNER, new TextRange(5, 5, 5, 36), "    subprocess.run(cmd, shell=True)",
                "`cmd` carries `host` from the request into a shell.", SHELL.fix(), Severity.HIGH, Confidence.HIGH,
                null, flow);
    }

    /** A review whose one defect is {@link #flowFinding()}. */
    static ReviewReport flowReport() {
        return report(List.of(new FileReport(RUNNER, "python", 6, List.of(flowFinding()), List.of()),
                new FileReport(VIEWS, "python", 20, List.of(), List.of())));
    }

    static final RuleMetadata XXE = new RuleMetadata("py-xml-external-entities", 611, Severity.LOW, Confidence.LOW,
            "An XML parser resolves external entities.", "Parse with resolve_entities=False.", List.of("B320"));
    static final String CLIENT = "app/client.py";

    /** One defect that shows at three places: reported at the first, the other two beside it. */
    static ReviewReport relatedReport() {
        List<FlowStep> related = List.of(
                new FlowStep(CLIENT, new TextRange(9, 12, 9, 33), "return etree.XML(reply)",
                        "also parses with lxml's default parser"),
                new FlowStep(CLIENT, new TextRange(14, 12, 14, 40), "return etree.fromstring(body)",
                        "also parses with lxml's default parser"));
        Finding first = new Finding(XXE, CLIENT, new TextRange(4, 12, 4, 39), "return etree.fromstring(data)",
                "`etree.fromstring` parses `data` with lxml's default parser.", XXE.fix(), Severity.LOW,
                Confidence.MEDIUM, null, List.of(), related);
        return new ReviewReport(new ScanResult(List.of(new FileReport(CLIENT, "python", 15, List.of(first),
                List.of())), List.of(), Duration.ofMillis(1)), List.of(XXE), Severity.LOW, Confidence.LOW, "0.1.0");
    }

    static final RuleMetadata NO_VERIFY = new RuleMetadata("py-http-no-verify", 295, Severity.HIGH, Confidence.HIGH,
            "An HTTPS request is made with certificate verification turned off.", "Leave verification on.",
            List.of("B501"), "", List.of(new Rewrite("\\bverify(\\s*)=(\\s*)False\\b", "verify$1=$2True")));
    /** Where the review of {@link #fixableReport()} ran: its files are shown with absolute paths under it. */
    static final Path CHECKOUT = Path.of("/builds/inventory");
    static final String FETCHER = CHECKOUT + "/app/fetch.py";

    /**
     * A review of a file shown by its absolute path, with a defect its rule fixes mechanically (over three
     * lines) and one it does not, published with a project URL.
     */
    static ReviewReport fixableReport() {
        SourceFile source = new SourceFile(Path.of(FETCHER), FETCHER, String.join("\n",
                "import requests",
                "",
                "",
                "def fetch(url, cmd):",
                "    reply = requests.get(url,",
                "                         headers={\"Accept\": \"text/plain\"},",
                "                         verify=False, timeout=5)",
                "    subprocess.run(cmd, shell=True)",
                "    return reply.text") + "\n");
        Finding noVerify = new Finding(NO_VERIFY, FETCHER, new TextRange(5, 13, 7, 50), source.line(5),
                "`requests.get` is called with `verify=False`.", NO_VERIFY.fix(), Severity.HIGH, Confidence.HIGH, null);
        Finding shell = finding(SHELL, FETCHER, 8, 5, source.line(8), "`cmd` runs through a shell.");
        FileReport file = new FileReport(FETCHER, "python", 9, List.of(noVerify, shell), List.of())
                .withExcerptFrom(source);
        return new ReviewReport(new ScanResult(List.of(file), List.of(), Duration.ZERO), List.of(NO_VERIFY, SHELL),
                Severity.LOW, Confidence.LOW, "0.1.0", CHECKOUT, "https://git.example.org/secreview/src/branch/main/");
    }

    static List<Diagnostic> pathProblems() {
        return List.of(new Diagnostic(Diagnostic.Kind.NOT_FOUND, "missing/dir", 0, "no such file or directory"));
    }

    /** Thresholds: any severity, at least medium confidence, so the low-confidence guess is hidden. */
    static ReviewReport report() {
        return report(files(0));
    }

    static ReviewReport report(List<FileReport> files) {
        return new ReviewReport(new ScanResult(files, pathProblems(), Duration.ofMillis(1234)), RULES,
                Severity.LOW, Confidence.MEDIUM, "0.1.0");
    }

    /** The same review with files, rules and path problems given in reverse order and another elapsed time. */
    static ReviewReport reversed() {
        List<FileReport> files = new ArrayList<>(files(0));
        Collections.reverse(files);
        List<RuleMetadata> rules = new ArrayList<>(RULES);
        Collections.reverse(rules);
        return new ReviewReport(new ScanResult(files, pathProblems(), Duration.ofSeconds(99)), rules,
                Severity.LOW, Confidence.MEDIUM, "0.1.0");
    }

    static String render(ReportFormat format, ReviewReport report) {
        StringWriter out = new StringWriter();
        try {
            format.writer().write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
