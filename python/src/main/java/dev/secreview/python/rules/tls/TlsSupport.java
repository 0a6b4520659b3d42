package dev.secreview.python.rules.tls;

import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.tree.PyNode;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** Helpers shared by the TLS and transport rules. Candidates for the shared semantic layer. */
final class TlsSupport {
    private TlsSupport() {
    }

    /**
     * {@link PythonFile#qualifiedName} that also sees through {@code self.attr} when every assignment to
     * it in the class makes the same kind of object: {@code self.session.get} after
     * {@code self.session = requests.Session()} is {@code requests.Session().get}.
     */
    static String qualifiedName(PyNode expr, PythonFile file) {
        return qualifiedName(expr, file, 0);
    }

    private static String qualifiedName(PyNode expr, PythonFile file, int depth) {
        if (expr == null || depth > 6) return null;
        String qn = file.qualifiedName(expr);
        if (qn != null) return qn;
        switch (expr.type()) {
            case "attribute" -> {
                String member = selfAttribute(expr, file, depth);
                if (member != null) return member;
                String base = qualifiedName(expr.field("object"), file, depth + 1);
                PyNode attribute = expr.field("attribute");
                return base == null || attribute == null ? null : base + "." + attribute.text();
            }
            case "call" -> {
                String callee = qualifiedName(expr.field("function"), file, depth + 1);
                return callee == null ? null : callee + "()";
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * {@code self.session} inside a method, when every assignment to {@code self.session} in the class
     * gives the same kind of object ({@code self.session = requests.Session()} in {@code __init__}), or None
     * before it is made.
     */
    private static String selfAttribute(PyNode attribute, PythonFile file, int depth) {
        PyNode object = attribute.field("object");
        PyNode name = attribute.field("attribute");
        if (object == null || name == null || !object.is("identifier") || !object.text().equals("self")) return null;
        PyNode method = file.enclosingFunction(attribute);
        PyNode owner = method == null ? null : method.ancestor("class_definition");
        if (owner == null) return null;
        String[] common = {null};
        boolean[] conflict = {false};
        owner.forEachDescendant(n -> {
            if (conflict[0] || !n.is("assignment")) return;
            PyNode left = n.field("left");
            if (left == null || !left.is("attribute") || left.field("object") == null
                    || !left.field("object").text().equals("self") || left.field("attribute") == null
                    || !left.field("attribute").text().equals(name.text())) {
                return;
            }
            PyNode right = n.field("right");
            // `self.session = None` until a method makes the session: no other kind of object.
            if (right != null && right.is("none")) return;
            String qn = right == null ? null : qualifiedName(right, file, depth + 1);
            if (qn == null || (common[0] != null && !common[0].equals(qn))) {
                conflict[0] = true;
            } else {
                common[0] = qn;
            }
        });
        return conflict[0] ? null : common[0];
    }

    /**
     * Words of a condition that decides about verification ({@code if not conf.verify_ssl}, {@code if ca_file},
     * {@code if not server_hostname}).
     */
    private static final Set<String> VERIFICATION_WORDS = Set.of("verify", "verification", "insecure", "ssl", "tls",
            "cert", "certs", "certificate", "ca", "cafile", "secure", "https", "validate", "validation", "hostname");

    /**
     * Whether the node runs only when a run-time condition about verification holds (an {@code if} on an
     * {@code insecure} option, a missing CA file): the checks it turns off are then off only in that case.
     */
    static boolean guarded(PyNode node, RuleContext context) {
        for (PyNode p = node.parent(); p != null; p = p.parent()) {
            if (p.is("function_definition") || p.is("class_definition") || p.is("module")) return false;
            if (p.is("if_statement") || p.is("elif_clause") || p.is("else_clause")) {
                PyNode statement = p.is("if_statement") ? p : p.parent();
                PyNode condition = statement == null ? null : statement.field("condition");
                if (p.is("elif_clause")) condition = p.field("condition");
                if (condition != null && !node.within(condition) && context.values().constant(condition).isEmpty()
                        && Identifiers.words(condition.text()).stream().anyMatch(VERIFICATION_WORDS::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a host name or address is the local machine. */
    static boolean isLoopbackHost(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }

    /** The host of a URL, or null when it does not parse. */
    static String hostOf(String url) {
        try {
            return new URI(url.strip()).getHost();
        } catch (Exception e) {
            return null;
        }
    }

    static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
    }
}
