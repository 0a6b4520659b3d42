package dev.secreview.python.rules.tls;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RewriteInfo;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.Set;

@RuleInfo(
        id = "py-tls-no-verify",
        cwe = 295,
        severity = Severity.HIGH,
        confidence = Confidence.HIGH,
        summary = "An ssl/pyOpenSSL context or socket does not verify the server certificate or host name.",
        fix = "Use ssl.create_default_context() as it comes (CERT_REQUIRED, check_hostname=True); to trust a "
                + "private CA, pass it: ssl.create_default_context(cafile=\"/etc/pki/ca.pem\").",
        altNames = {"B323"},
        rewrites = @RewriteInfo(find = "\\bssl\\._create_unverified_context\\(\\)", replace = "ssl.create_default_context()"))
public final class TlsNoVerifyRule implements CallRule, NodeRule {

    /** What an SSL context can be made by. */
    private static final Set<String> CONTEXT_FACTORIES = Set.of("ssl.create_default_context()", "ssl.SSLContext()",
            "ssl._create_unverified_context()", "ssl._create_default_https_context()",
            "urllib3.util.ssl_.create_urllib3_context()", "urllib3.util.create_urllib3_context()",
            "requests.packages.urllib3.util.ssl_.create_urllib3_context()");

    private static final Set<String> CERT_NONE = Set.of("ssl.CERT_NONE", "ssl.VerifyMode.CERT_NONE");

    /**
     * TLS in the standard library's mail and file clients: without a {@code context=} they use
     * {@code ssl._create_stdlib_context()}, which verifies nothing.
     */
    private static final Set<String> STDLIB_TLS = Set.of("smtplib.SMTP().starttls", "smtplib.LMTP().starttls",
            "smtplib.SMTP_SSL", "imaplib.IMAP4().starttls", "imaplib.IMAP4_SSL", "poplib.POP3().stls",
            "poplib.POP3_SSL", "ftplib.FTP_TLS");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("assignment");
    }

    @Override
    public void visitCall(Call call, RuleContext context) {
        PythonFile file = context.file();
        if (call.name().equals("set_verify") && !call.positional().isEmpty()) {
            String mode = file.qualifiedName(call.positional().get(0));
            if ("OpenSSL.SSL.VERIFY_NONE".equals(mode)) {
                context.report(call.node(), "`" + call.function().text() + "(" + call.positional().get(0).text()
                        + ", ...)` turns off certificate verification on this pyOpenSSL context, so any "
                        + "certificate is accepted.");
            }
            return;
        }
        String callee = call.callee();
        if (callee == null) return;
        if (STDLIB_TLS.contains(callee)) {
            PyNode given = call.keyword("context");
            if ((given == null || given.is("none")) && TlsSupport.guarded(call.node(), context)) {
                reportConditional(call.node(), "`" + Snippets.shortened(call.node().text(), 60) + "` without a `context`", context);
            } else if (given == null || given.is("none")) {
                context.report(call.node(), "`" + Snippets.shortened(call.node().text(), 60) + "` is given no `context`, "
                        + "and then the standard library uses one that checks neither the server's certificate nor its "
                        + "name: anyone on the network path can present any certificate and read the mail or files, "
                        + "credentials included.", Severity.HIGH, Confidence.HIGH,
                        "Pass a verifying context: `" + call.function().text() + "(..., context=ssl.create_default_context())`.");
            }
            return;
        }
        if (callee.equals("ssl._create_unverified_context")) {
            context.report(call.node(), "`ssl._create_unverified_context()` makes a context that accepts any "
                    + "certificate for any host, so anyone on the network path can impersonate the server.");
            return;
        }
        if (callee.equals("ssl.wrap_socket") || callee.equals("ssl.SSLSocket")) {
            PyNode reqs = call.argument(4, "cert_reqs");
            if (reqs != null) {
                // a server that does not ask clients for certificates is the normal case
                if (CERT_NONE.contains(String.valueOf(file.qualifiedName(reqs)))
                        && !context.values().isTrue(call.argument(3, "server_side"))) {
                    if (TlsSupport.guarded(call.node(), context)) {
                        reportConditional(call.node(), "`" + callee + "` given `cert_reqs=" + reqs.text() + "`", context);
                    } else {
                        context.report(call.node(), "`" + callee + "` is given `cert_reqs=" + reqs.text() + "`, so the "
                                + "peer certificate is never checked and the connection can be intercepted.");
                    }
                }
                return;
            }
            if (call.unpacksArguments() || context.values().isTrue(call.argument(3, "server_side"))
                    || !callee.equals("ssl.wrap_socket")) {
                return;
            }
            context.report(call.node(), "`ssl.wrap_socket` without `cert_reqs` defaults to `CERT_NONE`: the "
                    + "server certificate is not checked, so the connection can be intercepted.",
                    Severity.HIGH, Confidence.MEDIUM);
        }
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        PyNode left = node.field("left");
        PyNode right = node.field("right");
        if (left == null || right == null || !left.is("attribute") || left.field("attribute") == null) return;
        String attribute = left.field("attribute").text();
        PythonFile file = context.file();
        switch (attribute) {
            case "_create_default_https_context" -> {
                if ("ssl._create_default_https_context".equals(file.qualifiedName(left))
                        && "ssl._create_unverified_context".equals(file.qualifiedName(right))) {
                    context.report(node, "`ssl._create_default_https_context` is replaced by the unverified "
                            + "factory, which turns off certificate checks for every urllib/http.client HTTPS "
                            + "connection of the process.");
                }
            }
            case "verify_mode" -> {
                if (!CERT_NONE.contains(String.valueOf(file.qualifiedName(right)))) return;
                PyNode object = left.field("object");
                // self.verify_mode = CERT_NONE: a class giving its own attribute a default, not a context being configured
                if (object == null || object.text().equals("self") || isServerContext(object, context)) return;
                if (fetchesPeerCertificate(node, context)) return;
                String known = TlsSupport.qualifiedName(object, file);
                if (known != null && !CONTEXT_FACTORIES.contains(known)) return;  // some other object
                if (TlsSupport.guarded(node, context)) {
                    reportConditional(node, "`" + left.text() + " = " + right.text() + "`", context);
                    return;
                }
                context.report(node, "`" + left.text() + " = " + right.text() + "` accepts any certificate, so "
                        + "anyone on the network path can impersonate the server.", Severity.HIGH,
                        known != null ? Confidence.HIGH : Confidence.MEDIUM);
            }
            case "check_hostname" -> {
                if (!context.values().isFalse(right)) return;
                PyNode object = left.field("object");
                // only a client context known to be one: libraries often turn it off to verify names themselves
                if (!isContext(object, file) || isServerContext(object, context) || TlsSupport.guarded(node, context)) return;
                if (alsoSetsCertNone(node, object.text(), file)) return;  // reported on the verify_mode line
                if (trustsOnlyPrivateCa(object, node, context)) {
                    context.report(node, "`" + left.text() + " = False` stops checking that the certificate names the "
                            + "host; only the CA loaded here is trusted, but any certificate it issued, for any host, "
                            + "is accepted.", Severity.LOW, Confidence.HIGH);
                    return;
                }
                context.report(node, "`" + left.text() + " = False` stops checking that the certificate names the "
                        + "host: any certificate from a trusted CA, issued for any domain, is accepted.",
                        Severity.MEDIUM, Confidence.HIGH);
            }
            default -> {
            }
        }
    }

    /**
     * Whether the context trusts only a CA the code names: {@code create_default_context(cafile=...)}, or
     * {@code load_verify_locations(...)} in the same scope without {@code load_default_certs()}.
     */
    private static boolean trustsOnlyPrivateCa(PyNode object, PyNode at, RuleContext context) {
        if (object.is("identifier")) {
            PyNode value = context.values().singleAssignedValue(object);
            if (value != null && value.is("call")) {
                Call made = Call.of(value, context.file());
                if (made.calls("ssl.create_default_context") && (made.keyword("cafile") != null
                        || made.keyword("capath") != null || made.keyword("cadata") != null)) {
                    return true;
                }
            }
        }
        PyNode scope = context.file().scopeOf(at).node();
        String receiver = object.text();
        boolean[] seen = new boolean[2];  // load_verify_locations, load_default_certs
        scope.forEachDescendant(n -> {
            if (!n.is("call") || n.field("function") == null || !n.field("function").is("attribute")) return;
            PyNode function = n.field("function");
            if (function.field("object") == null || !function.field("object").text().equals(receiver)
                    || function.field("attribute") == null) {
                return;
            }
            String method = function.field("attribute").text();
            if (method.equals("load_verify_locations")) seen[0] = true;
            if (method.equals("load_default_certs")) seen[1] = true;
        });
        return seen[0] && !seen[1];
    }

    /** Whether the statement sits under an {@code if}/{@code elif}/{@code else} whose condition is not a constant. */
    /** Certificate checks off only when a run-time condition holds (an `insecure` option, a missing CA file). */
    private static void reportConditional(PyNode node, String what, RuleContext context) {
        context.report(node, what + " turns certificate checks off when the surrounding condition holds; if that "
                + "can happen in production, anyone on the network path can impersonate the server.",
                Severity.HIGH, Confidence.LOW);
    }


    /** A context made for the server side, where not asking for client certificates is normal. */
    private static boolean isServerContext(PyNode object, RuleContext context) {
        if (object == null || !object.is("identifier")) return false;
        PyNode value = context.values().singleAssignedValue(object);
        if (value == null || !value.is("call")) return false;
        Call made = Call.of(value, context.file());
        if (made.calls("ssl.SSLContext")) {
            return "ssl.PROTOCOL_TLS_SERVER".equals(context.file().qualifiedName(made.argument(0, "protocol")));
        }
        if (made.calls("ssl.create_default_context")) {
            return "ssl.Purpose.CLIENT_AUTH".equals(context.file().qualifiedName(made.argument(0, "purpose")));
        }
        return false;
    }

    private static boolean isContext(PyNode object, PythonFile file) {
        String qn = TlsSupport.qualifiedName(object, file);
        return qn != null && CONTEXT_FACTORIES.contains(qn);
    }

    /**
     * Whether the function (or the script, at module level) reads the peer's certificate itself
     * ({@code getpeercert(True)}): a connection
     * opened to fetch a certificate (to show it, pin it or take its fingerprint) trusts nothing it is sent.
     */
    private static boolean fetchesPeerCertificate(PyNode node, RuleContext context) {
        PyNode function = context.file().enclosingFunction(node);
        boolean[] found = {false};
        (function == null ? context.file().root() : function).forEachDescendant(n -> {
            if (found[0] || !n.is("call")) return;
            Call call = Call.of(n, context.file());
            if (!call.name().equals("getpeercert")) return;
            PyNode binary = call.argument(0, "binary_form");
            found[0] = binary != null && context.values().isTrue(binary);
        });
        return found[0];
    }

    /** Whether the same scope also sets {@code <object>.verify_mode = ssl.CERT_NONE}. */
    private static boolean alsoSetsCertNone(PyNode assignment, String object, PythonFile file) {
        PyNode scope = file.scopeOf(assignment).node();
        boolean[] found = {false};
        scope.forEachDescendant(n -> {
            if (found[0] || !n.is("assignment")) return;
            PyNode l = n.field("left");
            PyNode r = n.field("right");
            if (l != null && l.is("attribute") && l.field("attribute") != null
                    && l.field("attribute").text().equals("verify_mode") && l.field("object") != null
                    && l.field("object").text().equals(object) && r != null
                    && CERT_NONE.contains(String.valueOf(file.qualifiedName(r)))) {
                found[0] = true;
            }
        });
        return found[0];
    }
}
