package dev.secreview.python.taint;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.dataflow.model.TaintKind;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The dataflow rules: one declarative entry per kind of harm in the models, with the metadata every
 * rule has. The analysis is shared; what differs is the sink models, the CWE and the advice.
 */
public final class TaintRules {

    private record Entry(String kind, RuleMetadata metadata) {
    }

    private static final List<Entry> ENTRIES = List.of(
            entry("command", "py-command-injection", 78, Severity.HIGH,
                    "Attacker-controlled data reaches an operating-system command run through a shell.",
                    "Pass the command as a list without shell=True, or quote each value with shlex.quote(); better, map the input to an allow-listed value."),
            entry("code", "py-code-injection", 94, Severity.HIGH,
                    "Attacker-controlled data is evaluated as code (eval, exec, compile, templates built from it).",
                    "Never evaluate request data; parse it with ast.literal_eval() or json.loads(), or dispatch on an allow-list of operations."),
            entry("sql", "py-sql-injection", 89, Severity.HIGH,
                    "Attacker-controlled data is built into the text of an SQL statement.",
                    "Use a parameterised query: keep the SQL constant and pass the values as the execute() parameters."),
            entry("path", "py-path-traversal", 22, Severity.HIGH,
                    "Attacker-controlled data names a file the program opens, writes or removes.",
                    "Reduce the name with os.path.basename() or werkzeug's secure_filename(), join it to a fixed base, resolve it and check it stays under the base."),
            entry("ssrf", "py-ssrf", 918, Severity.HIGH,
                    "Attacker-controlled data chooses the URL or host the server sends a request to.",
                    "Build the URL from a fixed scheme and host; accept only allow-listed hosts and refuse private and link-local addresses."),
            entry("redirect", "py-open-redirect", 601, Severity.MEDIUM,
                    "Attacker-controlled data chooses where the response redirects the browser.",
                    "Redirect only to relative paths or allow-listed hosts; check the parsed URL's scheme and netloc before redirecting."),
            entry("xss", "py-xss", 79, Severity.HIGH,
                    "Attacker-controlled data is written into an HTML response without escaping.",
                    "Render through an autoescaping template, or escape the value with markupsafe.escape()/html.escape() before it enters the response."),
            entry("ldap", "py-ldap-injection", 90, Severity.HIGH,
                    "Attacker-controlled data is built into an LDAP search filter.",
                    "Escape each value with ldap3.utils.conv.escape_filter_chars() (or ldap.filter.escape_filter_chars()) before building the filter."),
            entry("xpath", "py-xpath-injection", 643, Severity.HIGH,
                    "Attacker-controlled data is built into an XPath query.",
                    "Keep the XPath constant and pass values as XPath variables (lxml: root.xpath('//u[@id=$id]', id=value))."),
            entry("deserialization", "py-tainted-deserialization", 502, Severity.HIGH,
                    "Attacker-controlled data is deserialised with a format that can run code (pickle, marshal, unsafe YAML).",
                    "Accept a data-only format (json, yaml.safe_load) for untrusted input; if objects must travel, sign them and verify the signature first."),
            entry("trust-boundary", "py-trust-boundary", 501, Severity.MEDIUM,
                    "Attacker-controlled data is stored in the session, where later code trusts it as the server's own.",
                    "Validate the value (type, allow-list) before storing it in the session, or keep it out of the session."),
            entry("header", "py-header-injection", 113, Severity.MEDIUM,
                    "Attacker-controlled data is written into an HTTP response header.",
                    "Reject values containing CR or LF, or encode them (urllib.parse.quote) before setting the header."),
            entry("mass-assignment", "py-mass-assignment", 915, Severity.MEDIUM,
                    "Attacker-controlled data names the attribute the program sets on an object (setattr), so a request can set any field: an owner, a role, a flag only the server should set.",
                    "Set only allow-listed attributes (for name in body.keys() & EDITABLE: setattr(obj, name, body[name])), or copy the fields one by one."),
            entry("csv", "py-csv-injection", 1236, Severity.MEDIUM,
                    "Attacker-controlled data is written into a CSV cell, where a leading =, +, - or @ makes a spreadsheet run it as a formula.",
                    "Prefix cells that start with =, +, -, @, tab or carriage return with a single quote (and quote the field), or export a format spreadsheets do not evaluate."),
            entry("log", "py-log-injection", 117, Severity.LOW,
                    "Attacker-controlled data is written to the log unneutralised, so it can forge log lines.",
                    "Log the value with %r or after replacing CR and LF; pass it as a logging argument, not inside the format string."),
            entry("secret", "py-weak-random-secret", 330, Severity.MEDIUM,
                    "A value from a non-cryptographic random generator is used as a secret (session value, cookie, token).",
                    "Generate secrets with the secrets module (secrets.token_urlsafe(), secrets.randbelow()) or os.urandom()."));

    private static final Map<String, RuleMetadata> BY_KIND = ENTRIES.stream()
            .collect(Collectors.toUnmodifiableMap(Entry::kind, Entry::metadata));

    private TaintRules() {
    }

    private static Entry entry(String kind, String id, int cwe, Severity severity, String summary, String fix) {
        return new Entry(kind, new RuleMetadata(id, cwe, severity, Confidence.HIGH, summary, fix, List.of()));
    }

    public static List<RuleMetadata> all() {
        return ENTRIES.stream().map(Entry::metadata).toList();
    }

    public static Optional<RuleMetadata> forKind(TaintKind kind) {
        return Optional.ofNullable(BY_KIND.get(kind.name()));
    }
}
