package dev.secreview.python.rules.secrets;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An HTTP client that follows a redirect by hand: it reads the response's Location and sends the next request
 * there with the original request's headers (or a copy of the original request), and nothing in the function
 * removes the credentials or compares the hosts. Authorization, Cookie and Proxy-Authorization then go to
 * whatever host the redirect names. Clients that get this right (curl, requests' rebuild_auth, urllib3's
 * PoolManager) drop those headers when the redirect leaves the origin.
 */
@RuleInfo(
        id = "py-redirect-keeps-credentials",
        cwe = 200,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A redirect is followed by hand with the original request's headers or a copy of the request, and "
                + "nothing removes Authorization, Cookie or the credentials when the Location names another host, so a "
                + "server that answers with a redirect receives the client's credentials.",
        fix = "When the redirect target's scheme, host or port differs from the original request's, drop the "
                + "Authorization, Proxy-Authorization and Cookie headers and any auth settings before sending the "
                + "next request (as curl and requests do); or do not follow redirects for requests that carry "
                + "credentials.")
public final class RedirectKeepsCredentialsRule implements NodeRule {
    /** Calls that copy the request being redirected. */
    private static final Set<String> COPIES = Set.of("copy.copy", "copy.deepcopy");
    /** Header names whose mention says the function decides what to do with the credentials. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");
    /** Attributes of a parsed URL whose comparison tells one origin from another. */
    private static final Set<String> ORIGIN_PARTS = Set.of("netloc", "hostname", "origin");
    /** Words in a called name that say it drops or rebuilds the credentials ({@code rebuild_auth}, {@code strip_cookies}). */
    private static final Set<String> CREDENTIAL_WORDS = Set.of("auth", "credential", "credentials", "cookie", "cookies");
    /** Words in a called name that say it compares origins, when it is given the Location ({@code is_same_host(location)}). */
    private static final Set<String> ORIGIN_WORDS = Set.of("same", "origin", "host");
    private static final Set<String> LOGGING = Set.of("debug", "info", "warning", "warn", "error", "exception",
            "critical", "log");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("function_definition");
    }

    @Override
    public void visitNode(PyNode function, RuleContext context) {
        PyNode body = function.field("body");
        if (body == null) return;
        List<PyNode> nodes = new ArrayList<>();
        body.forEachDescendant(n -> {
            if (context.file().enclosingFunction(n) == function) nodes.add(n);
        });
        List<PyNode> locations = nodes.stream().filter(RedirectKeepsCredentialsRule::readsLocation).toList();
        if (locations.isEmpty()) return;
        Set<String> locationNames = namesHolding(nodes, locations);
        if (decidesOnCredentials(nodes, locations, locationNames, context)) return;
        Set<String> copies = copiesOfRequest(nodes, context);
        Set<String> freshHeaders = freshMappings(nodes);
        for (PyNode node : nodes) {
            if (node.is("call") && sendsWithSameHeaders(Call.of(node, context.file()), locations, locationNames, freshHeaders)) {
                context.report(node, "`" + Snippets.shortened(node.text(), 70) + "` follows the redirect to the "
                        + "response's Location with the original request's headers, and this function never removes "
                        + "Authorization, Cookie or the credentials nor compares the hosts: a server that redirects to "
                        + "another host receives them.");
                return;
            }
            if (node.is("assignment") && setsUrlOfCopy(node, copies, locations, locationNames)) {
                context.report(node, "`" + Snippets.shortened(node.text(), 70) + "` points a copy of the original "
                        + "request at the response's Location, so its headers and credentials go along, and this "
                        + "function never removes Authorization, Cookie or the credentials nor compares the hosts: a "
                        + "server that redirects to another host receives them.");
                return;
            }
        }
    }

    /** {@code r.headers["Location"]}, {@code r.headers.get("location")}, {@code r.getheader("Location")}, {@code r.get_redirect_location()}. */
    private static boolean readsLocation(PyNode node) {
        if (node.is("subscript")) {
            PyNode value = node.field("value");
            PyNode key = node.field("subscript");
            return value != null && value.text().endsWith("headers") && isLocation(key);
        }
        if (!node.is("call")) return false;
        PyNode function = node.field("function");
        PyNode arguments = node.field("arguments");
        if (function == null || !function.is("attribute") || arguments == null) return false;
        String name = function.field("attribute").text();
        if (name.equals("get_redirect_location")) return true;
        List<PyNode> args = arguments.namedChildren();
        if (args.isEmpty() || !isLocation(args.get(0))) return false;
        PyNode receiver = function.field("object");
        return (name.equals("get") && receiver != null && receiver.text().endsWith("headers"))
                || name.equals("getheader") || name.equals("get_header");
    }

    private static boolean isLocation(PyNode key) {
        return key != null && key.is("string") && key.text().toLowerCase(Locale.ROOT).matches("[rbu]?['\"]location['\"]");
    }

    /**
     * The function decides what the redirect may carry: it names a credential header, calls something that drops or
     * rebuilds the credentials, reads a "remove headers on redirect" setting, or compares the Location's origin.
     */
    private static boolean decidesOnCredentials(List<PyNode> nodes, List<PyNode> locations, Set<String> locationNames,
                                                RuleContext context) {
        for (PyNode node : nodes) {
            if (node.is("string")) {
                String text = node.text().toLowerCase(Locale.ROOT).replaceAll("^[rbuf]*['\"]+|['\"]+$", "");
                if (CREDENTIAL_HEADERS.contains(text)) return true;
            } else if (node.is("call")) {
                Call call = Call.of(node, context.file());
                List<String> words = Identifiers.words(call.name());
                if (words.stream().anyMatch(CREDENTIAL_WORDS::contains)) return true;
                if (words.stream().anyMatch(ORIGIN_WORDS::contains) && argumentsHold(call, locations, locationNames)) return true;
            } else if (node.is("comparison_operator")) {
                boolean[] origin = {false};
                node.forEachDescendant(n -> origin[0] |= n.is("attribute") && n.field("attribute") != null
                        && ORIGIN_PARTS.contains(n.field("attribute").text()));
                if (origin[0]) return true;
            } else if (node.is("attribute") && node.field("attribute") != null
                    && Identifiers.words(node.field("attribute").text()).containsAll(List.of("remove", "headers"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean argumentsHold(Call call, List<PyNode> locations, Set<String> locationNames) {
        for (PyNode argument : arguments(call)) {
            if (holdsLocation(argument, locations, locationNames)) return true;
        }
        return false;
    }

    private static List<PyNode> arguments(Call call) {
        List<PyNode> arguments = new ArrayList<>(call.positional());
        for (PyNode keyword : call.keywordArguments()) {
            if (keyword.field("value") != null) arguments.add(keyword.field("value"));
        }
        return arguments;
    }

    /** Local names bound, directly or through one another, to a value built from the Location. */
    private static Set<String> namesHolding(List<PyNode> nodes, List<PyNode> locations) {
        Set<String> names = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (PyNode node : nodes) {
                if (!node.is("assignment")) continue;
                PyNode left = node.field("left");
                PyNode right = node.field("right");
                if (left == null || right == null || !left.is("identifier") || names.contains(left.text())) continue;
                if (holdsLocation(right, locations, names)) {
                    names.add(left.text());
                    grew = true;
                }
            }
        }
        return names;
    }

    private static boolean holdsLocation(PyNode expr, List<PyNode> locations, Set<String> names) {
        if (expr == null) return false;
        for (PyNode location : locations) {
            if (location.within(expr)) return true;
        }
        boolean[] found = {false};
        if (expr.is("identifier")) return names.contains(expr.text());
        expr.forEachDescendant(n -> found[0] |= n.is("identifier") && names.contains(n.text())
                && (n.parent() == null || !n.parent().is("attribute") || n.parent().field("object") == n));
        return found[0];
    }

    /** Names bound to {@code copy.copy(request)} or {@code request.copy()}. */
    private static Set<String> copiesOfRequest(List<PyNode> nodes, RuleContext context) {
        Set<String> names = new HashSet<>();
        for (PyNode node : nodes) {
            if (!node.is("assignment")) continue;
            PyNode left = node.field("left");
            PyNode right = node.field("right");
            if (left == null || right == null || !left.is("identifier") || !right.is("call")) continue;
            Call call = Call.of(right, context.file());
            PyNode copied = null;
            if (call.calls(COPIES.toArray(String[]::new))) copied = call.argument(0, null);
            else if (call.name().equals("copy") && call.positional().isEmpty()) copied = call.receiver();
            if (copied != null && copied.text().toLowerCase(Locale.ROOT).contains("request")) names.add(left.text());
        }
        return names;
    }

    /**
     * Local names this function binds to a mapping it builds itself ({@code forward = {}}, {@code dict(...)}): headers
     * chosen here for the next request, not the caller's.
     */
    private static Set<String> freshMappings(List<PyNode> nodes) {
        Set<String> names = new HashSet<>();
        for (PyNode node : nodes) {
            if (!node.is("assignment") || node.field("left") == null || !node.field("left").is("identifier")) continue;
            PyNode right = node.field("right");
            if (right != null && (right.is("dictionary") || right.is("dictionary_comprehension")
                    || right.is("call") && right.field("function") != null && right.field("function").text().equals("dict"))) {
                names.add(node.field("left").text());
            }
        }
        return names;
    }

    /** A call (not a log line) given the Location as an argument and the original headers beside it. */
    private static boolean sendsWithSameHeaders(Call call, List<PyNode> locations, Set<String> locationNames,
                                                Set<String> freshHeaders) {
        if (LOGGING.contains(call.name()) || locations.contains(call.node())) return false;
        boolean toLocation = false;
        boolean sameHeaders = false;
        for (PyNode argument : arguments(call)) {
            if (holdsLocation(argument, locations, locationNames)) toLocation = true;
            else if ((argument.is("identifier") || argument.is("attribute")) && argument.text().endsWith("headers")
                    && !freshHeaders.contains(argument.text())) {
                sameHeaders = true;
            }
        }
        return toLocation && sameHeaders;
    }

    /** {@code copy.url = <the Location>}. */
    private static boolean setsUrlOfCopy(PyNode assignment, Set<String> copies, List<PyNode> locations, Set<String> locationNames) {
        PyNode left = assignment.field("left");
        if (left == null || !left.is("attribute") || left.field("attribute") == null) return false;
        PyNode object = left.field("object");
        return object != null && copies.contains(object.text()) && left.field("attribute").text().equals("url")
                && holdsLocation(assignment.field("right"), locations, locationNames);
    }
}
