package dev.secreview.python.rules.secrets;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleInfo(
        id = "py-hardcoded-secret",
        cwe = 798,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "An API key, token, secret key or private key is written into the source as a string literal.",
        fix = "Load the secret at run time and rotate the one that was committed: "
                + "app.config[\"SECRET_KEY\"] = os.environ[\"FLASK_SECRET_KEY\"], api_key = os.environ[\"SERVICE_API_KEY\"], "
                + "or an oslo.config option with secret=True / a secret manager.",
        altNames = {"B105", "B106", "B107"})
public final class HardcodedSecretRule implements NodeRule, CallRule {

    /** JWT libraries' encoders and decoders: their key argument is the token signing key. */
    private static final Set<String> JWT_CALLS = Set.of("jwt.encode", "jwt.decode", "jose.jwt.encode", "jose.jwt.decode");

    private record Shape(String what, Pattern pattern) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("an AWS access key ID", Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Z0-9])")),
            new Shape("a PEM private key", Pattern.compile(
                    "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?[A-Za-z0-9+/=]{40,}")),
            new Shape("a GitHub token", Pattern.compile("(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{40,})")),
            new Shape("a Slack token", Pattern.compile("(?<![A-Za-z0-9])xox[baprs]-[0-9A-Za-z-]{10,}")),
            new Shape("a Stripe live secret key", Pattern.compile("(?<![A-Za-z0-9])[sr]k_live_[0-9A-Za-z]{20,}")));

    private static final Set<String> TYPES;

    static {
        java.util.HashSet<String> types = new java.util.HashSet<>(Credentials.NODE_TYPES);
        types.add("string");
        types.add("concatenated_string");
        TYPES = Set.copyOf(types);
    }

    @Override
    public Set<String> nodeTypes() {
        return TYPES;
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        if (node.is("string") || node.is("concatenated_string")) {
            checkShape(node, context);
            return;
        }
        Credentials.Candidate c = Credentials.candidate(node, context.values());
        if (c == null || c.kind() != Credentials.Kind.SECRET) return;
        Shape shape = shapeOf(c.value());
        if (c.shape() == Credentials.Shape.COMPARISON) {
            context.report(node, Credentials.describe(c) + ": whoever knows this string (anyone with the source) "
                    + "passes the check, a built-in backdoor that cannot be rotated.", Severity.HIGH, Confidence.HIGH);
        } else if (shape != null) {
            context.report(node, Credentials.describe(c) + ", which has the form of " + shape.what()
                    + "; it is exposed to everyone with the source and must be revoked.", Severity.HIGH, Confidence.HIGH);
        } else if (Credentials.isSigningKeyName(c.name())) {
            context.report(node, Credentials.describe(c) + "; anyone with the source can sign session cookies and "
                    + "tokens that this application trusts, and changing the key means a new release.");
        } else {
            context.report(node, Credentials.describe(c) + "; everyone with the source or the package has this "
                    + "secret, and changing it means a new release.");
        }
    }

    /** {@code jwt.encode(claims, "literal", ...)}: the signing key of every token the service issues is in the source. */
    @Override
    public void visitCall(Call call, RuleContext context) {
        if (call.callee() == null || !JWT_CALLS.contains(call.callee())) return;
        PyNode key = call.argument(1, "key");
        if (key == null || reportedByName(key, context)) return;
        PyNode literal = key;
        if (key.is("identifier")) {
            PyNode assigned = context.values().singleAssignedValue(key);
            if (assigned == null || Credentials.kindOf(key.text()) != null) return;  // a secret-named name is reported where it is set
            literal = assigned;
        }
        if (!literal.is("string") && !literal.is("concatenated_string")) return;
        Optional<String> value = context.values().string(literal);
        if (value.isEmpty() || !Credentials.literalKey(value.get())) return;
        context.report(call.node(), "`" + call.callee() + "` is given the key " + Credentials.masked(value.get())
                + " written in the source: anyone with the source can sign tokens this service accepts, and changing the "
                + "key means a new release.", Severity.HIGH, Confidence.HIGH,
                "Read the signing key at run time (`os.environ[\"JWT_SIGNING_KEY\"]`, a secret manager), rotate the "
                        + "committed one, and prefer an asymmetric algorithm whose private key never ships with the code.");
    }

    private void checkShape(PyNode node, RuleContext context) {
        if (node.is("string") && node.parent() != null && node.parent().is("concatenated_string")) return;
        String raw = node.text();
        if (!(raw.contains("AKIA") || raw.contains("ASIA") || raw.contains("-----BEGIN") || raw.contains("gh")
                || raw.contains("xox") || raw.contains("k_live_"))) {
            return;
        }
        PyNode statement = node.parent();
        if (statement != null && statement.is("expression_statement") && statement.namedChildren().size() == 1) {
            return;  // a docstring or bare string: documentation, not a value in use
        }
        Optional<String> value = context.values().string(node);
        if (value.isEmpty()) return;
        Shape shape = shapeOf(value.get());
        if (shape == null || reportedByName(node, context)) return;
        context.report(node, "This string holds " + shape.what() + ", " + Credentials.masked(matched(shape, value.get()))
                + "; a credential in the source is exposed to everyone who can read it and must be revoked.",
                Severity.HIGH, Confidence.HIGH);
    }

    /** Whether the literal is the value of a password- or secret-named site, which reports it already. */
    private static boolean reportedByName(PyNode literal, RuleContext context) {
        PyNode site = literal.parent();
        while (site != null && site.is("parenthesized_expression")) site = site.parent();
        if (site == null || !Credentials.NODE_TYPES.contains(site.type())) return false;
        Credentials.Candidate c = Credentials.candidate(site, context.values());
        return c != null && c.literal() == literal;
    }

    private static Shape shapeOf(String value) {
        for (Shape shape : SHAPES) {
            Matcher m = shape.pattern().matcher(value);
            while (m.find()) {
                String found = m.group().toLowerCase(Locale.ROOT);
                if (!found.contains("example") && !found.contains("xxxxx") && !found.contains("your")) return shape;
            }
        }
        return null;
    }

    private static String matched(Shape shape, String value) {
        Matcher m = shape.pattern().matcher(value);
        return m.find() ? m.group() : value;
    }
}
