package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An outgoing-request guard that refuses addresses by naming the categories it knows (is_private, is_loopback,
 * is_link_local, is_reserved) instead of accepting only globally reachable ones: whatever the list forgets stays
 * reachable. Carrier-grade NAT space (100.64.0.0/10) is none of those four, nor is multicast, and an IPv4-mapped
 * IPv6 loopback (::ffff:127.0.0.1) is not loopback to Python before 3.13.
 */
@RuleInfo(
        id = "py-ssrf-address-blocklist",
        cwe = 918,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "An address check that keeps outgoing requests off internal networks lists the categories it "
                + "refuses (is_private, is_loopback, is_link_local, is_reserved) instead of requiring is_global: "
                + "carrier-grade NAT (100.64.0.0/10), multicast and IPv4-mapped IPv6 addresses pass it.",
        fix = "Refuse every address that is not globally reachable (`if not ip.is_global: refuse`), after unwrapping "
                + "IPv4-mapped IPv6 addresses (ip.ipv4_mapped); check the address actually connected to, not only the "
                + "one resolved before the request.",
        altNames = {})
public final class SsrfAddressBlocklistRule implements NodeRule {

    /** Calls that make an address object of the ipaddress module. */
    private static final Set<String> ADDRESS_MAKERS = Set.of("ipaddress.ip_address", "ipaddress.IPv4Address",
            "ipaddress.IPv6Address", "ipaddress.ip_interface", "ipaddress.ip_network");
    /** The categories a blocklist names; each alone leaves the others reachable. */
    private static final Set<String> CATEGORIES = Set.of("is_private", "is_loopback", "is_link_local", "is_reserved",
            "is_multicast", "is_unspecified", "is_site_local");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("if_statement");
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        PyNode condition = node.field("condition");
        PyNode function = context.file().enclosingFunction(node);
        if (condition == null || function == null || !refuses(node)) return;
        // A function that also requires global reachability has a complete rule.
        if (function.text().contains("is_global")) return;
        int categories = 0;
        PyNode address = null;
        for (PyNode test : tests(condition)) {
            PyNode object = test.field("object");
            if (object != null && addressObject(object, context)) {
                categories++;
                address = object;
            }
        }
        if (categories < 2) return;   // one category tested alone is a classification, not a guard
        // Nor does one that tests the address against networks of its own (`ip in CGNAT_NET`).
        if (testsNetworks(function, address, context)) return;
        context.report(condition, "`" + Snippets.shortened(condition.text(), 70) + "` refuses `" + address.text()
                + "` only in the categories it names; `" + address.text() + "` is not required to be globally "
                + "reachable, so carrier-grade NAT space (100.64.0.0/10), multicast and, before Python 3.13, "
                + "IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) pass, and the request reaches internal hosts.");
    }

    /**
     * The function tests the address, or a value made from it ({@code ip.ipv4_mapped}), for membership in networks:
     * {@code ip in network}, or {@code x in NAME} where NAME is bound to {@code ipaddress.ip_network(...)} values.
     */
    private static boolean testsNetworks(PyNode function, PyNode address, RuleContext context) {
        boolean[] tests = {false};
        function.forEachDescendant(n -> {
            if (!n.is("comparison_operator") || n.namedChildren().size() != 2 || !n.text().contains(" in ")) return;
            PyNode left = n.namedChildren().get(0);
            PyNode right = n.namedChildren().get(1);
            PyNode networks = right.is("identifier") ? context.values().singleAssignedValue(right) : right;
            if (left.text().equals(address.text()) || networks != null && networks.text().contains("ip_network(")) {
                tests[0] = true;
            }
        });
        return tests[0];
    }

    /** The `if` refuses: its body returns, raises or blocks. */
    private static boolean refuses(PyNode ifStatement) {
        PyNode body = ifStatement.field("consequence");
        if (body == null) return false;
        boolean[] refusal = {false};
        body.forEachDescendant(n -> {
            if (n.is("raise_statement") || n.is("return_statement")) refusal[0] = true;
        });
        return refusal[0];
    }

    /** The category attributes read in the condition: {@code ip.is_private or ip.is_loopback}. */
    private static List<PyNode> tests(PyNode condition) {
        List<PyNode> found = new ArrayList<>();
        condition.forEachDescendant(n -> {
            if (n.is("attribute") && n.field("attribute") != null && CATEGORIES.contains(n.field("attribute").text())) {
                found.add(n);
            }
        });
        return found;
    }

    /** An address made by the ipaddress module: directly, or a local bound once to one. */
    private static boolean addressObject(PyNode object, RuleContext context) {
        PyNode made = object.is("identifier") ? context.values().singleAssignedValue(object) : object;
        if (made == null || !made.is("call")) return false;
        String callee = context.file().qualifiedName(made.field("function"));
        return callee != null && ADDRESS_MAKERS.contains(callee);
    }
}
