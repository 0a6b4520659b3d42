package dev.secreview.python.rules.crypto;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "py-timing-compare",
        cwe = 208,
        severity = Severity.MEDIUM,
        confidence = Confidence.HIGH,
        summary = "An HMAC, signature or secret token is compared with == or !=, which answers faster the earlier "
                + "the first differing byte is: timing the answer reveals the expected value byte by byte.",
        fix = "Compare with hmac.compare_digest(expected, given) (secrets.compare_digest is the same function), "
                + "which takes the same time whatever the inputs; compare bytes with bytes or ASCII str with str.",
        altNames = {})
public final class TimingCompareRule implements NodeRule {

    /** Words that name a message authentication code ("mac" alone is far more often a MAC address). */
    private static final Set<String> MAC_WORDS = Set.of("signature", "sig", "hmac");
    /** Words that name a bearer secret: whoever guesses it is let in. */
    private static final Set<String> SECRET_WORDS = Set.of("token", "secret", "apikey", "csrf", "otp", "passcode");
    /** Words that make a secret's name name something public about it (its type, id, length, expiry, owner…). */
    private static final Set<String> PUBLIC_PARTS = Set.of("type", "types", "id", "ids", "name", "names", "url",
            "uri", "format", "version", "length", "len", "count", "expires", "expiry", "expiration", "exp", "scope",
            "scopes", "kind", "header", "prefix", "method", "methods", "algorithm", "algorithms", "alg", "status",
            "state", "kid", "size", "file", "path", "endpoint", "class", "cls", "field", "is", "has",
            "required", "enabled", "provider", "backend", "label", "policy", "none");
    /**
     * Words that name a secret's owner when they end the name, its head word: {@code token_user} is a user, while
     * {@code user_token} is the user's token, a secret.
     */
    private static final Set<String> OWNER_WORDS = Set.of("user", "users", "owner", "creator", "project", "tenant");
    private static final Set<String> NUMERIC = Set.of("len", "int", "float", "bool", "abs", "round", "ord");
    private static final int MAX_DEPTH = 3;
    /** Query builders whose arguments are conditions the database evaluates. */
    private static final Set<String> QUERY_METHODS = Set.of("filter", "where", "having", "join", "outerjoin");

    private enum Strength { COMPUTED_MAC, MAC_NAME, SECRET_NAME }

    private record Evidence(Strength strength, String what) {
    }

    @Override
    public Set<String> nodeTypes() {
        return Set.of("comparison_operator");
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        List<PyNode> operands = node.namedChildren();
        if (operands.size() != 2) return;
        String operator = operatorOf(node);
        if (!"==".equals(operator) && !"!=".equals(operator)) return;
        PyNode left = operands.get(0);
        PyNode right = operands.get(1);
        if (left.text().equals(right.text()) || sameField(left, right) || describesPublicPart(left)
                || describesPublicPart(right) || queryCondition(node)) {
            return;
        }
        Evidence l = evidence(left, context, 0);
        Evidence r = evidence(right, context, 0);
        Evidence e = l == null ? r : r == null || l.strength().ordinal() <= r.strength().ordinal() ? l : r;
        // most comparisons name no secret: the constant folding below is asked only of those that do
        if (e == null || fixed(left, context) || fixed(right, context)) return;
        Confidence confidence = switch (e.strength()) {
            case COMPUTED_MAC -> Confidence.HIGH;
            case MAC_NAME -> Confidence.MEDIUM;
            case SECRET_NAME -> Confidence.LOW;
        };
        context.report(node, "`" + Snippets.shortened(node.text(), 60) + "` compares " + e.what() + " with `" + operator
                + "`, which returns as soon as one byte differs: an attacker who can time many attempts learns how "
                + "much of a guess is right and rebuilds the expected value byte by byte.",
                Severity.MEDIUM, confidence);
    }

    /**
     * A comparison handed to a query builder ({@code session.query(Token).filter(Token.value == token)}): an ORM
     * turns it into SQL, so the database compares, not Python.
     */
    private static boolean queryCondition(PyNode comparison) {
        PyNode argumentList = comparison.parent();
        if (argumentList == null || !argumentList.is("argument_list")) return false;
        PyNode call = argumentList.parent();
        PyNode function = call == null ? null : call.field("function");
        if (function == null || !function.is("attribute")) return false;
        PyNode method = function.field("attribute");
        return method != null && QUERY_METHODS.contains(method.text());
    }

    private static String operatorOf(PyNode comparison) {
        for (PyNode child : comparison.children()) {
            if (!child.isNamed()) return child.text();
        }
        return null;
    }

    /**
     * The same field of two records ({@code old["token"] != new["token"]}, {@code self.sig == other.sig}):
     * code comparing what it holds, not checking a guess.
     */
    private static boolean sameField(PyNode left, PyNode right) {
        if (!left.type().equals(right.type())) return false;
        String field = left.is("attribute") ? "attribute" : left.is("subscript") ? "subscript" : null;
        if (field == null || left.field(field) == null || right.field(field) == null) return false;
        return left.field(field).text().equals(right.field(field).text());
    }

    /**
     * A constant, None, a number or a length, or a named constant ({@code signal.SIG_DFL}, {@code self.TOKEN}):
     * nothing secret and guessed can be on the other side of those.
     */
    private static boolean fixed(PyNode side, RuleContext context) {
        if (context.values().isConstant(side) || namedConstant(side)) return true;
        if (side.is("call")) {
            String callee = context.file().qualifiedName(side.field("function"));
            return callee != null && NUMERIC.contains(callee);
        }
        return false;
    }

    private static Evidence evidence(PyNode side, RuleContext context, int depth) {
        if (side == null || depth > MAX_DEPTH) return null;
        Values values = context.values();
        PythonFile file = context.file();
        switch (side.type()) {
            case "parenthesized_expression" -> {
                List<PyNode> inner = side.namedChildren();
                return inner.size() == 1 ? evidence(inner.get(0), context, depth + 1) : null;
            }
            case "identifier" -> {
                PyNode value = values.singleAssignedValue(side);
                Evidence computed = value == null ? null : evidence(value, context, depth + 1);
                if (computed != null && computed.strength() == Strength.COMPUTED_MAC) {
                    return new Evidence(Strength.COMPUTED_MAC, "`" + side.text() + "`, an HMAC computed here,");
                }
                return named(side.text(), side.text());
            }
            case "attribute" -> {
                PyNode attribute = side.field("attribute");
                return attribute == null ? null : named(attribute.text(), side.text());
            }
            case "subscript" -> {
                PyNode index = side.field("subscript");
                if (index != null && index.is("string")) {
                    return values.string(index).map(key -> named(key, side.text())).orElse(null);
                }
                return null;
            }
            case "call" -> {
                if (computesMac(side, file)) {
                    return new Evidence(Strength.COMPUTED_MAC, "an HMAC computed with `hmac`");
                }
                PyNode function = side.field("function");
                if (function != null && function.is("attribute") && isConversion(function)) {
                    return evidence(function.field("object"), context, depth + 1);
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /** {@code .encode()}, {@code .decode()}, {@code .lower()}, {@code .strip()}: the same value, spelled otherwise. */
    private static boolean isConversion(PyNode function) {
        PyNode attribute = function.field("attribute");
        return attribute != null && Set.of("encode", "decode", "lower", "upper", "strip", "hex").contains(attribute.text());
    }

    /** A call of the hmac module's (or of what it returned), or one over such a call: base64 of a digest. */
    private static boolean computesMac(PyNode call, PythonFile file) {
        boolean[] found = {false};
        call.forEachDescendant(n -> {
            if (found[0] || !n.is("call")) return;
            String callee = file.qualifiedName(n.field("function"));
            if (callee != null && callee.startsWith("hmac.") && !callee.equals("hmac.compare_digest")) found[0] = true;
        });
        return found[0];
    }

    /** {@code user.token.id}, {@code token_type}: a name that ends in something public about a secret, not the secret. */
    private static boolean describesPublicPart(PyNode side) {
        PyNode name = side.is("attribute") ? side.field("attribute") : side.is("identifier") ? side : null;
        if (name == null) return false;
        List<String> words = Identifiers.words(name.text());
        return !words.isEmpty() && PUBLIC_PARTS.contains(words.get(words.size() - 1));
    }

    private static boolean namedConstant(PyNode side) {
        PyNode name = side.is("attribute") ? side.field("attribute") : side;
        if (name == null || !name.is("identifier")) return false;
        String text = name.text();
        return text.length() > 1 && text.equals(text.toUpperCase(java.util.Locale.ROOT)) && text.chars().anyMatch(Character::isLetter);
    }

    private static Evidence named(String name, String text) {
        List<String> words = Identifiers.words(name);
        if (words.isEmpty() || words.stream().anyMatch(PUBLIC_PARTS::contains)
                || OWNER_WORDS.contains(words.get(words.size() - 1))) {
            return null;
        }
        if (words.stream().anyMatch(MAC_WORDS::contains)) {
            return new Evidence(Strength.MAC_NAME, "`" + Snippets.shortened(text, 60) + "`, a signature,");
        }
        boolean apiKey = String.join("", words).contains("apikey");
        if (apiKey || words.stream().anyMatch(SECRET_WORDS::contains)) {
            return new Evidence(Strength.SECRET_NAME, "`" + Snippets.shortened(text, 60) + "`, a secret token,");
        }
        return null;
    }
}
