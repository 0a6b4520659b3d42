package dev.secreview.python.rules.tls;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.tree.PyNode;

import java.util.Optional;

@RuleInfo(
        id = "py-cleartext-protocol",
        cwe = 319,
        severity = Severity.MEDIUM,
        confidence = Confidence.HIGH,
        summary = "Credentials or data go over a cleartext protocol: Telnet, FTP, SMTP login without STARTTLS, XML-RPC over http://.",
        fix = "Use the encrypted variant: paramiko/SSH instead of telnetlib, ftplib.FTP_TLS (then prot_p()) or SFTP "
                + "instead of ftplib.FTP, smtplib.SMTP_SSL or server.starttls(context=ssl.create_default_context()) "
                + "before login(), and https:// URLs for XML-RPC.",
        altNames = {"B312", "B321"})
public final class CleartextProtocolRule implements CallRule {

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null) return;
        switch (callee) {
            case "telnetlib.Telnet" -> telnet(call, context);
            case "ftplib.FTP" -> ftp(call, context);
            case "smtplib.SMTP" -> smtp(call, context);
            case "xmlrpc.client.ServerProxy", "xmlrpc.client.Server", "xmlrpclib.ServerProxy", "xmlrpclib.Server" ->
                    xmlrpc(call, context);
            default -> {
            }
        }
    }

    private void telnet(Call call, RuleContext context) {
        if (isLocal(call.argument(0, "host"), context)) return;
        context.report(call.node(), "`telnetlib.Telnet` sends everything, the login and password included, in "
                + "cleartext that anyone on the network path can read or change.");
    }

    private void ftp(Call call, RuleContext context) {
        if (isLocal(call.argument(0, "host"), context)) return;
        PyNode user = call.argument(1, "user");
        boolean logsIn = user != null || loginWithArguments(call, context.file());
        if (logsIn) {
            context.report(call.node(), "`ftplib.FTP` logs in and transfers files in cleartext: the FTP password "
                    + "and the data can be read or changed by anyone on the network path.");
        } else {
            context.report(call.node(), "`ftplib.FTP` transfers files in cleartext, so they can be read or "
                    + "replaced on the way; use FTP_TLS or SFTP.", Severity.MEDIUM, Confidence.MEDIUM);
        }
    }

    private void smtp(Call call, RuleContext context) {
        if (isLocal(call.argument(0, "host"), context)) return;
        String variable = boundName(call.node());
        if (variable == null) return;
        PythonFile file = context.file();
        PyNode scope = file.scopeOf(call.node()).node();
        boolean[] seen = new boolean[2];  // login, starttls
        scope.forEachDescendant(n -> {
            if (!n.is("call") || file.scopeOf(n).node() != scope) return;
            PyNode function = n.field("function");
            if (function == null || !function.is("attribute") || function.field("object") == null
                    || !function.field("object").text().equals(variable) || function.field("attribute") == null) {
                return;
            }
            String method = function.field("attribute").text();
            if (method.equals("login")) seen[0] = true;
            if (method.equals("starttls")) seen[1] = true;
        });
        if (!seen[0] || seen[1]) return;
        context.report(call.node(), "`" + variable + ".login(...)` sends the SMTP credentials over this "
                + "`smtplib.SMTP` connection without `starttls()` first, so they travel in cleartext.");
    }

    private void xmlrpc(Call call, RuleContext context) {
        PyNode uri = call.argument(0, "uri");
        Optional<String> literal = uri == null ? Optional.empty() : context.values().string(uri);
        if (literal.isEmpty() || !literal.get().toLowerCase(java.util.Locale.ROOT).startsWith("http://")) return;
        String host = TlsSupport.hostOf(literal.get());
        if (host == null || TlsSupport.isLoopbackHost(host)) return;
        boolean credentials = literal.get().substring(7).contains("@");
        context.report(call.node(), "`" + call.callee() + "` talks to `" + host + "` over plain http://, so the "
                + "calls and their results" + (credentials ? ", and the user:password in the URL," : "")
                + " can be read or changed on the way.", credentials ? Severity.MEDIUM : Severity.LOW, Confidence.HIGH);
    }

    /** Whether a host argument is a literal loopback name or address. */
    private static boolean isLocal(PyNode host, RuleContext context) {
        return host != null && TlsSupport.isLoopbackHost(context.values().string(host).orElse(null));
    }

    /** The name a connection object is given: {@code s = smtplib.SMTP(...)}, {@code with smtplib.SMTP(...) as s}. */
    private static String boundName(PyNode call) {
        PyNode p = call.parent();
        if (p == null) return null;
        if (p.is("assignment") && p.field("right") == call && p.field("left") != null) {
            PyNode left = p.field("left");
            return left.is("identifier") || left.is("attribute") ? left.text() : null;
        }
        if (p.is("as_pattern")) {
            PyNode alias = p.field("alias");
            if (alias != null && alias.namedChildren().size() == 1 && alias.namedChildren().get(0).is("identifier")) {
                return alias.namedChildren().get(0).text();
            }
        }
        return null;
    }

    /** Whether the FTP object this call makes is later given a user name through {@code login(user, ...)}. */
    private static boolean loginWithArguments(Call call, PythonFile file) {
        String variable = boundName(call.node());
        if (variable == null) return false;
        PyNode scope = file.scopeOf(call.node()).node();
        boolean[] found = {false};
        scope.forEachDescendant(n -> {
            if (found[0] || !n.is("call")) return;
            PyNode function = n.field("function");
            if (function != null && function.is("attribute") && function.field("object") != null
                    && function.field("object").text().equals(variable) && function.field("attribute") != null
                    && function.field("attribute").text().equals("login")) {
                PyNode args = n.field("arguments");
                if (args != null && !args.namedChildren().isEmpty()) found[0] = true;
            }
        });
        return found[0];
    }
}
