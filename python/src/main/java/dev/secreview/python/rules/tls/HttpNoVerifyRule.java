package dev.secreview.python.rules.tls;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RewriteInfo;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "py-http-no-verify",
        cwe = 295,
        severity = Severity.HIGH,
        confidence = Confidence.HIGH,
        summary = "An HTTPS request is made with certificate verification turned off (verify=False, ssl=False, CERT_NONE).",
        fix = "Leave verification on; for a private CA pass its bundle: requests.get(url, verify=\"/etc/pki/ca.pem\") "
                + "(httpx.Client(verify=ssl_context), aiohttp ssl=ssl.create_default_context(cafile=...)).",
        altNames = {"B501"},
        rewrites = @RewriteInfo(find = "\\bverify(\\s*)=(\\s*)False\\b", replace = "verify$1=$2True"))
public final class HttpNoVerifyRule implements CallRule, NodeRule {

    private static final Set<String> VERBS = Set.of("get", "post", "put", "patch", "delete", "head", "options",
            "request", "stream", "send", "ws_connect");

    private static final Set<String> REQUESTS_SESSIONS = Set.of("requests.Session()", "requests.session()",
            "requests.sessions.Session()");

    private static final Set<String> HTTPX_CLIENTS = Set.of("httpx.Client", "httpx.AsyncClient");

    private static final Set<String> URLLIB3_POOLS = Set.of("urllib3.PoolManager", "urllib3.ProxyManager",
            "urllib3.HTTPSConnectionPool", "urllib3.connection_from_url", "urllib3.proxy_from_url",
            "urllib3.poolmanager.PoolManager", "urllib3.connectionpool.HTTPSConnectionPool",
            "requests.packages.urllib3.PoolManager");

    private static final Set<String> AIOHTTP = Set.of("aiohttp.TCPConnector", "aiohttp.request");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("assignment");
    }

    @Override
    public void visitCall(Call call, RuleContext context) {
        PythonFile file = context.file();
        Values values = context.values();
        String callee = call.callee();
        if (callee == null && (call.keyword("verify") != null || call.keyword("ssl") != null
                || call.keyword("verify_ssl") != null)) {
            // with requests.Session() as s: s.get(...); self.session.get(...) after self.session = requests.Session()
            callee = TlsSupport.qualifiedName(call.function(), file);
        }
        if (callee == null) {
            checkTlsClient(call, context);
            return;
        }
        String method = call.name();
        if (isRequests(callee, method) || isHttpx(callee, method)) {
            PyNode verify = call.keyword("verify");
            if (values.isFalse(verify)) report(call, context, "verify=" + verify.text(), callee, Confidence.HIGH);
            return;
        }
        if (URLLIB3_POOLS.contains(callee)) {
            PyNode reqs = call.keyword("cert_reqs");
            if (reqs == null) return;
            Optional<String> literal = values.string(reqs);
            boolean none = literal.isPresent() ? literal.get().equals("CERT_NONE") || literal.get().equals("NONE")
                    : "ssl.CERT_NONE".equals(file.qualifiedName(reqs));
            if (none) report(call, context, "cert_reqs=" + reqs.text(), callee, Confidence.HIGH);
            return;
        }
        if (checkTlsClient(call, context)) return;
        boolean aiohttp = AIOHTTP.contains(callee)
                || (callee.startsWith("aiohttp.ClientSession().") && VERBS.contains(method));
        if (aiohttp) {
            for (String keyword : new String[]{"ssl", "verify_ssl"}) {
                PyNode value = call.keyword(keyword);
                if (values.isFalse(value)) {
                    report(call, context, keyword + "=" + value.text(), callee, Confidence.HIGH);
                    return;
                }
            }
        }
    }

    /**
     * A client of some other library made with {@code verify=False} beside a keyword that turns TLS on
     * ({@code ssl_enabled=True}, {@code use_ssl=...}, {@code https=...}): {@code verify} then names the
     * certificate check of that TLS connection, as it does in requests, which such clients wrap.
     */
    private static boolean checkTlsClient(Call call, RuleContext context) {
        PyNode verify = call.keyword("verify");
        if (verify == null || !context.values().isFalse(verify)) return false;
        String tlsKeyword = null;
        for (PyNode argument : call.keywordArguments()) {
            PyNode name = argument.field("name");
            if (name == null || name.text().equals("verify")) continue;
            List<String> words = Identifiers.words(name.text());
            if (words.contains("ssl") || words.contains("tls") || words.contains("https")) {
                PyNode value = argument.field("value");
                if (value != null && !context.values().isFalse(value)) tlsKeyword = name.text();
            }
        }
        if (tlsKeyword == null) return false;
        context.report(call.node(), "`" + call.function().text() + "` is given `verify=" + verify.text() + "` beside `"
                + tlsKeyword + "`: the TLS connection this client makes does not check the server certificate, so "
                + "anyone on the network path can impersonate the server and read what is sent.",
                Severity.HIGH, Confidence.MEDIUM);
        return true;
    }

    private static boolean isRequests(String callee, String method) {
        if (callee.startsWith("requests.") && callee.indexOf('.', 9) < 0) return VERBS.contains(method);
        if (callee.startsWith("requests.api.")) return VERBS.contains(method);
        for (String session : REQUESTS_SESSIONS) {
            if (callee.startsWith(session + ".")) return VERBS.contains(method);
        }
        return false;
    }

    private static boolean isHttpx(String callee, String method) {
        if (HTTPX_CLIENTS.contains(callee)) return true;
        if (callee.startsWith("httpx.") && callee.indexOf('.', 6) < 0) return VERBS.contains(method);
        for (String client : HTTPX_CLIENTS) {
            if (callee.startsWith(client + "().")) return VERBS.contains(method);
        }
        return false;
    }

    private void report(Call call, RuleContext context, String setting, String callee, Confidence confidence) {
        PyNode url = call.argument(call.name().equals("request") ? 1 : 0, "url");
        Optional<String> literal = url == null ? Optional.empty() : context.values().string(url);
        if (literal.isPresent() && TlsSupport.isLoopbackHost(TlsSupport.hostOf(literal.get()))) {
            context.report(call.node(), "`" + callee + "` turns off certificate checks (`" + setting + "`), but only "
                    + "for the local address `" + literal.get() + "`, where there is no network path to intercept.",
                    Severity.LOW, confidence);
            return;
        }
        if (TlsSupport.guarded(call.node(), context)) {
            context.report(call.node(), "`" + callee + "` is called with `" + setting + "` when the surrounding "
                    + "condition holds (an option that turns verification off, say): if that can happen in production, "
                    + "anyone on the network path can read and change this traffic.", Severity.HIGH, Confidence.LOW);
            return;
        }
        context.report(call.node(), "`" + callee + "` is called with `" + setting + "`: the server certificate is "
                + "not checked, so anyone on the network path can read and change this traffic, credentials included.",
                Severity.HIGH, confidence);
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        PyNode left = node.field("left");
        PyNode right = node.field("right");
        if (left == null || !left.is("attribute") || left.field("attribute") == null
                || !left.field("attribute").text().equals("verify") || !context.values().isFalse(right)) {
            return;
        }
        String owner = TlsSupport.qualifiedName(left.field("object"), context.file());
        if (owner == null || !REQUESTS_SESSIONS.contains(owner)) return;
        if (TlsSupport.guarded(node, context)) {
            context.report(node, "`" + left.text() + " = False` turns off certificate checks for this `requests` "
                    + "session when the surrounding condition holds (an option that turns verification off, say); if "
                    + "that can happen in production, the traffic can be intercepted and changed.",
                    Severity.HIGH, Confidence.LOW);
            return;
        }
        context.report(node, "`" + left.text() + " = False` turns off certificate checks for every request made "
                + "through this `requests` session, so the traffic can be intercepted and changed.");
    }
}
