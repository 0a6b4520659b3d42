package dev.secreview.python.rules.crypto;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleInfo(
        id = "py-jwt-no-verify",
        cwe = 347,
        severity = Severity.HIGH,
        confidence = Confidence.HIGH,
        summary = "A JWT is decoded without checking its signature (verify_signature False, verify=False, the 'none' "
                + "algorithm, or the algorithm the token's own header names).",
        fix = "Decode with the key and a fixed list of algorithms: jwt.decode(token, key, algorithms=[\"HS256\"]); "
                + "to read a claim before choosing the key, use jwt.get_unverified_header(token) and then verify.",
        altNames = {})
public final class JwtNoVerifyRule implements CallRule {

    private static final Set<String> UNVERIFIED_HEADERS = Set.of("jwt.get_unverified_header", "jose.jwt.get_unverified_header",
            "jwt.api_jws.get_unverified_header");

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null || !JwtOptions.DECODERS.contains(callee)) return;
        String problem = problem(call, context);
        if (problem == null) return;
        if (verifiedLater(call, context)) return;
        context.report(call.node(), "`" + callee + "` " + problem + ", so a token with a forged or stripped "
                + "signature is accepted and its claims (user, roles, expiry) are attacker-chosen.");
    }

    /** What disables verification in this call, or null if it verifies. */
    private static String problem(Call call, RuleContext context) {
        Values values = context.values();
        if (JwtOptions.disabled(call, "verify_signature", context) != null) {
            return "is told not to check the signature (`verify_signature: False`)";
        }
        if (values.isFalse(call.keyword("verify"))) {
            return "is called with `verify=False`";
        }
        PyNode algorithms = call.keyword("algorithms");
        if (algorithms != null && fromUnverifiedHeader(algorithms, context)) {
            return "accepts whatever algorithm the token's own unverified header names, so the attacker picks it "
                    + "(`none`, or HMAC keyed with the service's public RSA key)";
        }
        if (algorithms != null && values.constant(algorithms).orElse(null) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String s && s.toLowerCase(Locale.ROOT).equals("none")) {
                    return "accepts the `none` algorithm, which means an unsigned token";
                }
            }
        }
        return null;
    }

    /** Whether the algorithms come from {@code jwt.get_unverified_header(token)}, directly or through a name. */
    private static boolean fromUnverifiedHeader(PyNode algorithms, RuleContext context) {
        boolean[] found = {false};
        algorithms.forEachDescendant(n -> {
            PyNode made = n;
            if (n.is("identifier")) {
                PyNode assigned = context.values().singleAssignedValue(n);
                if (assigned != null) made = assigned;
            }
            if (made.is("call") && UNVERIFIED_HEADERS.contains(String.valueOf(Call.of(made, context.file()).callee()))) {
                found[0] = true;
            }
        });
        return found[0];
    }

    /**
     * Whether the same function decodes the same token again with verification on: reading a claim
     * (issuer, key id) unverified to pick the key, then verifying, is a legitimate pattern.
     */
    private static boolean verifiedLater(Call call, RuleContext context) {
        PythonFile file = context.file();
        PyNode function = file.enclosingFunction(call.node());
        PyNode token = call.argument(0, "jwt");
        if (function == null || token == null) return false;
        boolean[] verified = {false};
        function.forEachDescendant(n -> {
            if (verified[0] || !n.is("call") || n == call.node() || n.startOffset() < call.node().endOffset()) return;
            Call other = Call.of(n, file);
            if (other.callee() == null || !JwtOptions.DECODERS.contains(other.callee())) return;
            PyNode otherToken = other.argument(0, "jwt");
            if (otherToken != null && otherToken.text().equals(token.text()) && other.argument(1, "key") != null
                    && problem(other, context) == null) {
                verified[0] = true;
            }
        });
        return verified[0];
    }
}
