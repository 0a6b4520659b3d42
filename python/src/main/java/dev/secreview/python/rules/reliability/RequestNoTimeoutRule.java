package dev.secreview.python.rules.reliability;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "py-request-no-timeout",
        cwe = 1088,
        severity = Severity.MEDIUM,
        confidence = Confidence.HIGH,
        summary = "An outgoing HTTP request is made without a timeout (requests, urllib), or with timeout=None.",
        fix = "Pass an explicit, bounded timeout and handle the timeout error: "
                + "`requests.get(url, timeout=(3.05, 30))` (connect, read) or "
                + "`urllib.request.urlopen(url, timeout=30)`; make it configurable for slow peers.",
        altNames = {"B113"})
public final class RequestNoTimeoutRule implements CallRule {
    /** Not in operator tools: a hung request only stalls the tool its operator is running. */
    @Override
    public boolean reviewsOperatorTools() {
        return false;
    }

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options",
            "request");
    private static final Set<String> REQUESTS_SESSIONS = Set.of("requests.Session", "requests.session",
            "requests.sessions.Session");
    private static final Set<String> HTTPX_CLIENTS = Set.of("httpx.Client", "httpx.AsyncClient");
    private static final Set<String> URLOPEN = Set.of("urllib.request.urlopen", "urllib2.urlopen",
            "six.moves.urllib.request.urlopen");

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        // the resolved name sees through aliases (`from urllib.request import urlopen as fetch`)
        String name = callee != null && !callee.endsWith(")") ? callee.substring(callee.lastIndexOf('.') + 1) : call.name();
        boolean urlopen = name.equals("urlopen");
        if (!urlopen && !METHODS.contains(name) && !name.equals("stream")) return;
        String library = library(call, context);
        if (library == null || call.unpacksArguments()) return;
        PyNode timeout = urlopen ? call.argument(2, "timeout") : call.keyword("timeout");
        boolean explicitNone = timeout != null && "None".equals(context.values().constant(timeout)
                .map(Object::toString).orElse(null));
        String shown = "`" + (call.callee() != null ? call.callee() : call.function().text()) + "`";
        if (library.equals("httpx")) {
            // httpx applies a 5-second default; only an explicit None removes it.
            if (explicitNone) {
                context.report(call.node(), shown + " passes `timeout=None`, which turns off httpx's default 5-second "
                        + "timeout: a peer that accepts the connection and never answers holds this caller forever.");
            }
            return;
        }
        if (timeout != null && !explicitNone) return;
        if (library.equals("urllib")) {
            if (context.file().source().text().contains("setdefaulttimeout") || onlyForFileUrls(call, context)) return;
            context.report(call.node(), shown + " is called without `timeout=`, so it uses the global socket default, "
                    + "which is no timeout at all: a peer that accepts the connection and never answers blocks this "
                    + "call forever.");
            return;
        }
        String what = explicitNone ? " passes `timeout=None`" : " has no `timeout=`";
        context.report(call.node(), shown + what + ", and requests then waits forever: a peer that accepts the "
                + "connection but never answers holds this worker (in an eventlet service, its greenthread) "
                + "indefinitely, and enough of them stall the service.");
    }

    /** "requests", "httpx" or "urllib" when the call is one of their request functions, else null. */
    /**
     * {@code if parts.scheme == "file": urlopen(url)}: a {@code file:} URL is read from the local disk, where no
     * peer can leave the call hanging.
     */
    private static boolean onlyForFileUrls(Call call, RuleContext context) {
        for (PyNode p = call.node().parent(); p != null && !p.is("function_definition"); p = p.parent()) {
            if (!p.is("if_statement") && !p.is("elif_clause")) continue;
            PyNode condition = p.field("condition");
            if (condition == null || call.node().within(condition) || !condition.is("comparison_operator")) continue;
            List<PyNode> sides = condition.namedChildren();
            if (sides.size() != 2 || !condition.text().contains("==")) continue;
            PyNode left = sides.get(0);
            boolean scheme = left.is("attribute") && left.field("attribute") != null
                    && left.field("attribute").text().equals("scheme");
            if (scheme && context.values().string(sides.get(1)).map("file"::equals).orElse(false)) return true;
        }
        return false;
    }

    private static String library(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee != null) {
            if (URLOPEN.contains(callee)) return "urllib";
            if (callee.startsWith("requests.") && callee.indexOf('.', 9) < 0 && !callee.endsWith(".stream")) {
                return "requests";
            }
            if (callee.startsWith("httpx.") && callee.indexOf('.', 6) < 0) return "httpx";
        }
        PyNode built = call.receiver() == null ? null : context.file().constructorCall(call.receiver());
        String factory = built == null ? null : context.file().qualifiedName(built.field("function"));
        if (factory == null) return null;
        if (REQUESTS_SESSIONS.contains(factory) && !call.name().equals("stream")) return "requests";
        if (HTTPX_CLIENTS.contains(factory)) return "httpx";
        return null;
    }
}
