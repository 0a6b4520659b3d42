package dev.secreview.python.rules.crypto;

import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Helpers shared by the crypto rules: splitting identifiers into words and finding out what a value
 * becomes (the name it is assigned to, the keyword it is passed as, the function that returns it).
 * Candidates for the shared semantic layer.
 */
final class CryptoSupport {
    /** Expression nodes a value passes through unchanged in meaning (it is still "the value"). */
    private static final Set<String> TRANSPARENT = Set.of("parenthesized_expression", "binary_operator",
            "conditional_expression", "boolean_operator", "unary_operator", "generator_expression",
            "list_comprehension", "set_comprehension", "list", "tuple", "set", "interpolation", "string",
            "concatenated_string", "await", "expression_list");

    /** Calls whose result is a transformation of their argument: the argument's destination is theirs. */
    private static final Set<String> VALUE_CALLS = Set.of("str", "repr", "hex", "oct", "int", "bytes", "bytearray",
            "format", "chr", "list", "tuple", "sorted", "sum", "map", "join", "encode", "decode", "hexdigest",
            "digest", "upper", "lower", "zfill", "rjust", "ljust", "hexlify", "b64encode", "urlsafe_b64encode",
            "b32encode", "b16encode", "to_bytes", "from_bytes", "UUID", "update", "copy");


    private CryptoSupport() {
    }

    /**
     * The outermost expression that still carries the value of {@code expr}: up through string building
     * and value-transforming calls ({@code "".join(...)}, {@code .hexdigest()}, {@code str()}, {@code x[:8]});
     * it stops where the value is consumed (an argument of another call, a comparison, an assignment).
     */
    static PyNode carrier(PyNode expr) {
        PyNode node = expr;
        for (int steps = 0; steps < 24; steps++) {
            PyNode p = node.parent();
            if (p == null) return node;
            String type = p.type();
            if (type.equals("argument_list")) {
                PyNode call = p.parent();
                if (call == null || !isValueCall(call)) return node;
                node = call;
            } else if (type.equals("call") && node == p.field("arguments")) {
                // "".join(x for x in ...): a lone generator argument sits directly in the call
                if (!isValueCall(p)) return node;
                node = p;
            } else if (type.equals("attribute") && node == p.field("object")) {
                // x.hexdigest() / x.encode(): the method's result still carries the value
                PyNode call = p.parent();
                if (call == null || !call.is("call") || call.field("function") != p) return node;
                node = call;
            } else if (type.equals("subscript") && node == p.field("value") || TRANSPARENT.contains(type)) {
                node = p;
            } else {
                return node;
            }
        }
        return node;
    }

    /**
     * The names that say what the value of {@code expr} becomes: the target it is assigned to, the
     * keyword or dict key it is passed as, and the enclosing function's name followed by {@code ()}
     * when the value (or the name it is assigned to) is returned. Follows the value up to its
     * {@link #carrier}; says nothing of comparisons and of calls that only consume it.
     */
    /** Method names that say only "make a value", not what the value is for. */
    private static final java.util.Set<String> MAKER_METHODS = java.util.Set.of("generate", "gen", "create", "make",
            "new", "random", "build");

    static List<String> destinationNames(PyNode expr, PythonFile file) {
        List<String> names = new ArrayList<>();
        PyNode node = carrier(expr);
        PyNode p = node.parent();
        if (p == null) return names;
        switch (p.type()) {
            case "keyword_argument" -> {
                if (node == p.field("value") && p.field("name") != null) names.add(p.field("name").text());
            }
            case "pair" -> {
                PyNode key = p.field("key");
                if (node == p.field("value") && key != null) names.add(unquote(key));
            }
            case "assignment", "augmented_assignment" -> {
                if (node == p.field("right")) {
                    PyNode left = p.field("left");
                    String target = Identifiers.targetName(left);
                    if (target != null) names.add(target);
                    if (left != null && left.is("identifier") && returnsName(p, left.text(), file)) {
                        String function = functionName(p, file);
                        if (function != null) names.add(function + "()");
                    }
                }
            }
            case "return_statement" -> {
                String function = functionName(p, file);
                if (function != null) names.add(function + "()");
                String owner = makerOwner(p, function, file);
                if (owner != null) names.add(owner + "." + function + "()");
            }
            default -> {
            }
        }
        return names;
    }

    private static boolean isValueCall(PyNode call) {
        PyNode function = call.field("function");
        if (function == null) return false;
        String name = function.is("attribute") && function.field("attribute") != null
                ? function.field("attribute").text() : function.text();
        return VALUE_CALLS.contains(name);
    }


    /** Whether the function around {@code at} has a {@code return} whose value mentions {@code name}. */
    private static boolean returnsName(PyNode at, String name, PythonFile file) {
        PyNode function = file.enclosingFunction(at);
        if (function == null || function.field("body") == null) return false;
        boolean[] found = {false};
        function.field("body").forEachDescendant(n -> {
            if (!found[0] && n.is("return_statement") && file.enclosingFunction(n) == function) {
                n.forEachDescendant(m -> {
                    if (m.is("identifier") && m.text().equals(name)) found[0] = true;
                });
            }
        });
        return found[0];
    }

    /**
     * For {@code class Token: def generate(): return ...}, the class: a method named only for making a value
     * makes one of what its class is.
     */
    private static String makerOwner(PyNode at, String function, PythonFile file) {
        if (function == null || !MAKER_METHODS.contains(function.replaceFirst("^_+", ""))) return null;
        PyNode method = file.enclosingFunction(at);
        PyNode owner = method == null ? null : method.ancestor("class_definition");
        if (owner == null || owner.field("name") == null || file.enclosingFunction(owner) != null) return null;
        PyNode body = owner.field("body");
        boolean direct = body != null && (method.parent() == body
                || method.parent() != null && method.parent().is("decorated_definition") && method.parent().parent() == body);
        return direct ? owner.field("name").text() : null;
    }

    static String functionName(PyNode at, PythonFile file) {
        PyNode function = file.enclosingFunction(at);
        PyNode name = function == null ? null : function.field("name");
        return name == null ? null : name.text();
    }

    /** The names and attribute names mentioned in an expression. */
    static List<String> identifiersIn(PyNode expr) {
        List<String> names = new ArrayList<>();
        if (expr == null) return names;
        expr.forEachDescendant(n -> {
            if (n.is("identifier") && !names.contains(n.text())) names.add(n.text());
        });
        return names;
    }

    /** The text of a string key without its quotes and prefix (best effort, for names only). */
    static String unquote(PyNode key) {
        String text = key.text();
        return text.replaceAll("^[A-Za-z]*['\"]+|['\"]+$", "");
    }

    static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
    }

    /** The module prefix of PyCryptodome's two namespaces, or null. */
    static String pycryptodomeCipher(String callee) {
        if (callee == null) return null;
        for (String ns : new String[]{"Crypto.Cipher.", "Cryptodome.Cipher."}) {
            if (callee.startsWith(ns) && callee.endsWith(".new")) {
                String module = callee.substring(ns.length(), callee.length() - 4);
                return module.contains(".") ? null : module;
            }
        }
        return null;
    }

    /** The PyCryptodome mode constant a mode argument names, e.g. {@code MODE_ECB}, or null. */
    static String pycryptodomeMode(PyNode mode, PythonFile file) {
        if (mode == null) return null;
        String qn = file.qualifiedName(mode);
        if (qn == null || !(qn.startsWith("Crypto.Cipher.") || qn.startsWith("Cryptodome.Cipher."))) return null;
        String last = qn.substring(qn.lastIndexOf('.') + 1);
        return last.startsWith("MODE_") ? last : null;
    }
}
