package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "py-forwarded-header-trust",
        cwe = 348,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "The client's address, scheme or host is taken from the first entry of an X-Forwarded-* header, "
                + "which the client writes itself: every proxy appends to the list, none replaces its start.",
        fix = "Count hops from the right: take the entry your own trusted proxies added "
                + "(werkzeug.middleware.proxy_fix.ProxyFix(app, x_for=1), Django: the last N entries for N trusted "
                + "proxies), or use the peer address (REMOTE_ADDR) when no proxy is configured.",
        altNames = {})
public final class ForwardedHeaderTrustRule implements NodeRule {

    private static final Set<String> FORWARDED = Set.of("X_FORWARDED_FOR", "X_FORWARDED_PROTO", "X_FORWARDED_HOST");
    private static final Set<String> READERS = Set.of("get", "getlist", "getheader", "get_all");
    private static final int MAX_DEPTH = 3;

    @Override
    public Set<String> nodeTypes() {
        return Set.of("subscript");
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        Values values = context.values();
        PyNode index = node.field("subscript");
        if (index == null || !Long.valueOf(0).equals(values.constant(index).orElse(null))) return;
        PyNode list = node.field("value");
        String header = null;
        if (list != null && list.is("attribute") && list.field("attribute") != null
                && list.field("attribute").text().equals("access_route")) {
            header = "X_FORWARDED_FOR";
        } else if (list != null && list.is("call")) {
            Call split = Call.of(list, context.file());
            if (!"split".equals(split.name()) || split.receiver() == null) return;
            header = forwardedHeader(split.receiver(), context, 0);
        }
        if (header == null) return;
        String shown = header.equals("X_FORWARDED_FOR") ? "X-Forwarded-For" : header.equals("X_FORWARDED_PROTO")
                ? "X-Forwarded-Proto" : "X-Forwarded-Host";
        String what = switch (shown) {
            case "X-Forwarded-For" -> "client address: rate limits, allow-lists and audit logs keyed on it can be "
                    + "bypassed or forged";
            case "X-Forwarded-Proto" -> "scheme: a plain-HTTP request can claim to be HTTPS (secure cookies, "
                    + "redirects to HTTPS and HSTS decisions follow the claim)";
            default -> "host: links, redirects and password-reset URLs built from it can point elsewhere";
        };
        context.report(node, "`" + Snippets.shortened(node.text(), 60) + "` takes the first entry of " + shown
                + ", the one the client sent: proxies append to the header and never replace its start, so the "
                + what + ".");
    }

    /** The normalised name of the X-Forwarded-* header an expression reads, or null. */
    private static String forwardedHeader(PyNode expr, RuleContext context, int depth) {
        if (expr == null || depth > MAX_DEPTH) return null;
        Values values = context.values();
        switch (expr.type()) {
            case "identifier" -> {
                return forwardedHeader(values.singleAssignedValue(expr), context, depth + 1);
            }
            case "parenthesized_expression" -> {
                List<PyNode> inner = expr.namedChildren();
                return inner.size() == 1 ? forwardedHeader(inner.get(0), context, depth + 1) : null;
            }
            case "subscript" -> {
                return named(values.string(expr.field("subscript")));
            }
            case "call" -> {
                Call call = Call.of(expr, context.file());
                if (call.name() != null && READERS.contains(call.name()) && !call.positional().isEmpty()) {
                    return named(values.string(call.positional().get(0)));
                }
                if ("strip".equals(call.name()) || "lower".equals(call.name())) {
                    return forwardedHeader(call.receiver(), context, depth + 1);
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private static String named(Optional<String> key) {
        if (key.isEmpty()) return null;
        String name = key.get().toUpperCase(Locale.ROOT).replace('-', '_');
        if (name.startsWith("HTTP_")) name = name.substring("HTTP_".length());
        return FORWARDED.contains(name) ? name : null;
    }
}
