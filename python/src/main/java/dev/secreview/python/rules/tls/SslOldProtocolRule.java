package dev.secreview.python.rules.tls;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RewriteInfo;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.Map;
import java.util.Set;

@RuleInfo(
        id = "py-ssl-old-protocol",
        cwe = 327,
        severity = Severity.HIGH,
        confidence = Confidence.HIGH,
        summary = "A TLS connection is pinned to, or allowed to fall back to, SSLv2, SSLv3, TLS 1.0 or TLS 1.1.",
        fix = "Let the library negotiate and set a floor of TLS 1.2: ctx = ssl.create_default_context(); "
                + "ctx.minimum_version = ssl.TLSVersion.TLSv1_2 (pyOpenSSL: SSL.Context(SSL.TLS_METHOD) with "
                + "ctx.set_min_proto_version(SSL.TLS1_2_VERSION)).",
        altNames = {"B502"},
        rewrites = @RewriteInfo(find = "\\bssl\\.TLSVersion\\.(?:SSLv3|TLSv1|TLSv1_1)\\b",
                replace = "ssl.TLSVersion.TLSv1_2"))
public final class SslOldProtocolRule implements CallRule, NodeRule {

    /** Old protocol constants → protocol name. */
    private static final Map<String, String> OLD = Map.ofEntries(
            Map.entry("ssl.PROTOCOL_SSLv2", "SSLv2"), Map.entry("ssl.PROTOCOL_SSLv3", "SSLv3"),
            Map.entry("ssl.PROTOCOL_TLSv1", "TLS 1.0"), Map.entry("ssl.PROTOCOL_TLSv1_1", "TLS 1.1"),
            Map.entry("ssl.TLSVersion.SSLv3", "SSLv3"), Map.entry("ssl.TLSVersion.TLSv1", "TLS 1.0"),
            Map.entry("ssl.TLSVersion.TLSv1_1", "TLS 1.1"),
            Map.entry("OpenSSL.SSL.SSLv2_METHOD", "SSLv2"), Map.entry("OpenSSL.SSL.SSLv3_METHOD", "SSLv3"),
            Map.entry("OpenSSL.SSL.TLSv1_METHOD", "TLS 1.0"), Map.entry("OpenSSL.SSL.TLSv1_1_METHOD", "TLS 1.1"),
            Map.entry("OpenSSL.SSL.SSL3_VERSION", "SSLv3"), Map.entry("OpenSSL.SSL.TLS1_VERSION", "TLS 1.0"),
            Map.entry("OpenSSL.SSL.TLS1_1_VERSION", "TLS 1.1"));

    /** Calls that take a protocol as first argument. */
    private static final Set<String> PROTOCOL_FIRST = Set.of("ssl.SSLContext", "OpenSSL.SSL.Context",
            "OpenSSL.SSL.Context().set_min_proto_version");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("assignment");
    }

    @Override
    public void visitCall(Call call, RuleContext context) {
        PyNode protocol = call.keyword("ssl_version");
        if (protocol == null && call.calls("ssl.wrap_socket")) protocol = call.argument(5, null);
        if (protocol == null && call.calls("ssl.get_server_certificate")) protocol = call.argument(1, null);
        if (protocol == null && call.callee() != null) {
            if (PROTOCOL_FIRST.contains(call.callee())) {
                protocol = call.argument(0, "protocol");
            } else if (call.name().equals("set_min_proto_version") && call.positional().size() == 1) {
                protocol = call.positional().get(0);
            }
        }
        if (protocol == null) return;
        String qn = context.file().qualifiedName(protocol);
        String name = qn == null ? null : OLD.get(qn);
        if (name == null) return;
        String callee = call.callee() != null ? call.callee() : call.function().text();
        context.report(call.node(), "`" + callee + "` is given `" + protocol.text() + "`, so the connection "
                + (call.name().equals("set_min_proto_version") ? "may fall back to " : "uses ") + name + ", "
                + weakness(name), severity(name), Confidence.HIGH);
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        PyNode left = node.field("left");
        if (left == null || !left.is("attribute") || left.field("attribute") == null) return;
        String attribute = left.field("attribute").text();
        boolean minimum = attribute.equals("minimum_version");
        if (!minimum && !attribute.equals("maximum_version")) return;
        PyNode right = node.field("right");
        String qn = right == null ? null : context.file().qualifiedName(right);
        String name = qn == null ? null : OLD.get(qn);
        if (name == null || !qn.startsWith("ssl.TLSVersion.")) return;
        context.report(node, "`" + left.text() + "` is set to `" + right.text() + "`, so the connection "
                + (minimum ? "may fall back to " : "cannot use anything newer than ") + name + ", "
                + weakness(name), severity(name), Confidence.HIGH);
    }

    private static String weakness(String protocol) {
        return switch (protocol) {
            case "SSLv2", "SSLv3" -> "which is broken (DROWN, POODLE) and lets an attacker on the path decrypt traffic.";
            default -> "which is deprecated (RFC 8996) and lacks the modern cipher suites needed against "
                    + "downgrade and CBC padding attacks.";
        };
    }

    private static Severity severity(String protocol) {
        return protocol.startsWith("SSL") ? Severity.HIGH : Severity.MEDIUM;
    }
}
