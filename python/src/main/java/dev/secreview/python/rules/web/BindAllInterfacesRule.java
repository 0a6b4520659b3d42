package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.rules.config.OsloOptions;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.Set;

@RuleInfo(
        id = "py-bind-all-interfaces",
        cwe = 1327,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A listening socket, server or bind option uses the wildcard address (0.0.0.0, :: or \"\").",
        fix = "Bind to the address the service is meant to be reached on and make it configurable: "
                + "`app.run(host=CONF.bind_host)` with `bind_host` defaulting to \"127.0.0.1\", or the address of the "
                + "management network; put a reverse proxy in front for public exposure.",
        altNames = {"B104"})
public final class BindAllInterfacesRule implements CallRule {
    /** Calls whose first argument is a (host, port) address that is listened on. */
    private static final Set<String> ADDRESS_TAKERS = Set.of("bind", "listen", "create_server", "TCPServer",
            "UDPServer", "ThreadingTCPServer", "ThreadingUDPServer", "ForkingTCPServer", "ForkingUDPServer",
            "HTTPServer", "ThreadingHTTPServer", "WSGIServer", "StreamServer", "DatagramServer",
            "SimpleXMLRPCServer", "ThreadedWSGIServer");
    /** Calls that take the host to listen on as {@code host=} (or positionally, at the index given). */
    private static final Set<String> HOST_TAKERS = Set.of("run", "run_app", "run_simple", "make_server",
            "start_server", "create_server", "serve", "TCPSite");

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee != null && callee.startsWith("oslo_config.cfg.") && callee.endsWith("Opt")) {
            checkOption(call, context);
            return;
        }
        // the resolved name sees through aliases (`from socketserver import TCPServer as TS`)
        String name = callee != null && !callee.endsWith(")") ? callee.substring(callee.lastIndexOf('.') + 1) : call.name();
        if (ADDRESS_TAKERS.contains(name)) {
            PyNode address = call.argument(0, null);
            if (address == null) address = firstKeyword(call, "address", "server_address", "addr", "listener");
            String host = wildcardOfAddress(address, context.values());
            if (host != null && !probesForAFreePort(call, address, context)) {
                boolean known = callee != null && (callee.startsWith("socket.") || callee.startsWith("socketserver.")
                        || callee.startsWith("http.server.") || callee.startsWith("eventlet.")
                        || callee.startsWith("gevent.") || callee.startsWith("xmlrpc.server."));
                report(call, context, host, known ? Confidence.HIGH : Confidence.MEDIUM);
                return;
            }
        }
        if (HOST_TAKERS.contains(name)) {
            boolean flaskLike = name.equals("run") || name.equals("run_app");
            PyNode host = firstKeyword(call, "host", "hostname");
            if (host == null) host = positionalHost(call, name);
            if (host == null) return;
            Optional<String> value = context.values().string(host);
            if (value.isEmpty() || !isWildcard(value.get(), !flaskLike)) return;
            boolean known = callee != null;
            report(call, context, value.get(), known ? Confidence.HIGH : Confidence.MEDIUM);
        }
    }

    private static PyNode positionalHost(Call call, String name) {
        String callee = call.callee();
        return switch (name) {
            case "make_server", "run_simple" -> call.argument(0, null);
            case "create_server", "start_server", "TCPSite" -> {
                PyNode first = call.argument(0, null);
                // loop.create_server(factory, host, port): the host comes after the protocol factory
                yield first != null && !first.is("string") ? call.argument(1, null) : null;
            }
            case "run" -> "flask.Flask().run".equals(callee) ? call.argument(0, null) : null;
            default -> null;
        };
    }

    private static PyNode firstKeyword(Call call, String... names) {
        for (String n : names) {
            PyNode value = call.keyword(n);
            if (value != null) return value;
        }
        return null;
    }

    /**
     * {@code s.bind(("", 0))} in a function that never listens: port 0 asks the system for any free port and
     * the socket is only asked which one (the idiom that finds a port for something else to use).
     */
    private static boolean probesForAFreePort(Call call, PyNode address, RuleContext context) {
        if (!call.name().equals("bind") || address == null) return false;
        PyNode tuple = address.is("identifier") ? context.values().singleAssignedValue(address) : address;
        if (tuple == null || tuple.namedChildren().size() < 2) return false;
        if (!context.values().constant(tuple.namedChildren().get(1)).map(port -> Long.valueOf(0).equals(port)).orElse(false)) {
            return false;
        }
        PyNode function = context.file().enclosingFunction(call.node());
        boolean[] listens = {false};
        (function == null ? context.file().root() : function).forEachDescendant(n -> {
            if (n.is("call") && Set.of("listen", "accept", "serve_forever").contains(Call.of(n, context.file()).name())) {
                listens[0] = true;
            }
        });
        return !listens[0];
    }

    /** The wildcard host of an address tuple {@code ("0.0.0.0", port)} (also through a name), or null. */
    private static String wildcardOfAddress(PyNode address, Values values) {
        if (address == null) return null;
        if (address.is("identifier")) {
            PyNode assigned = values.singleAssignedValue(address);
            if (assigned != null) address = assigned;
        }
        if (!address.is("tuple") && !address.is("list")) return null;
        List<PyNode> items = address.namedChildren();
        if (items.size() < 2) return null;
        Optional<String> host = values.string(items.get(0));
        return host.isPresent() && isWildcard(host.get(), true) ? host.get() : null;
    }

    private static boolean isWildcard(String host, boolean emptyMeansAll) {
        String h = host.strip();
        if (h.isEmpty()) return emptyMeansAll && host.isEmpty();
        return h.equals("0.0.0.0") || h.equals("::") || h.equals("::0") || h.equals("0:0:0:0:0:0:0:0");
    }

    private void report(Call call, RuleContext context, String host, Confidence confidence) {
        String shown = host.isEmpty() ? "`\"\"` (the empty host, which the socket layer treats as every address)"
                : "`" + host + "`";
        String what = call.callee() != null && !call.callee().contains("()") ? call.callee() : call.function().text();
        String extra = "flask.Flask().run".equals(call.callee())
                ? " Flask's built-in server is a development server and is not meant to face a network." : "";
        context.report(call.node(), "`" + what + "` listens on " + shown + ", every network interface of the host, so "
                + "the service is reachable from each network the machine is attached to, not only the one it is "
                + "meant for." + extra, Severity.MEDIUM, confidence);
    }

    private void checkOption(Call call, RuleContext context) {
        Values values = context.values();
        Optional<String> option = values.string(call.argument(0, "name"));
        if (option.isEmpty() || !isBindOption(option.get())) return;
        Optional<String> def = values.string(call.keyword("default"));
        if (def.isEmpty() || !isWildcard(def.get(), false)) return;
        // A public API or a proxy clients connect to is meant to be reachable on every network.
        if (CLIENT_FACING.matcher(option.get() + " " + OsloOptions.helpText(call.keyword("help"), values)).find()) return;
        context.report(call.node(), "Option `" + option.get() + "` defaults to `" + def.get() + "`: unless operators "
                + "override it, the service listens on every interface (management, storage and public networks "
                + "alike). Operators often do mean that, but a loopback default (or no default) makes exposure a "
                + "deliberate choice.", Severity.LOW, Confidence.MEDIUM,
                "Default the option to \"127.0.0.1\" (or require it), and say in `help=` which network the service "
                        + "should listen on.");
    }

    /** "API" as a word; "proxy" also at the end of a service's name ({@code novncproxy}, {@code serialproxy}). */
    private static final Pattern CLIENT_FACING = Pattern.compile("(?i)(?<![a-z])api(?![a-z])|proxy(?![a-z])");

    private static boolean isBindOption(String option) {
        String o = option.toLowerCase(Locale.ROOT).replace('-', '_');
        return o.contains("bind") || o.contains("listen") || o.equals("host") || o.equals("host_ip")
                || o.equals("address");
    }
}
