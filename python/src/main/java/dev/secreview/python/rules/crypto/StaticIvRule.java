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

import java.util.Map;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "py-static-iv",
        cwe = 329,
        severity = Severity.MEDIUM,
        confidence = Confidence.HIGH,
        summary = "A CBC, CFB or OFB cipher is created with a constant (or key-derived) IV.",
        fix = "Draw a fresh IV for every message and send it with the ciphertext: iv = os.urandom(16) "
                + "(or get_random_bytes(16)); AES.new(key, AES.MODE_CBC, iv=iv); ciphertext = iv + cipher.encrypt(padded).",
        altNames = {})
public final class StaticIvRule implements CallRule {

    private static final Set<String> IV_MODES = Set.of("MODE_CBC", "MODE_CFB", "MODE_OFB", "MODE_OPENPGP");

    private static final String MODES = "cryptography.hazmat.primitives.ciphers.modes.";
    private static final Map<String, String> CRYPTOGRAPHY_MODES = Map.of(MODES + "CBC", "CBC", MODES + "CFB", "CFB",
            MODES + "CFB8", "CFB8", MODES + "OFB", "OFB");

    /** Calls that turn constant text into bytes. */
    private static final Set<String> DECODERS = Set.of("bytes.fromhex", "binascii.unhexlify", "binascii.a2b_hex",
            "base64.b64decode", "base64.b16decode", "codecs.decode");

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null) return;
        PyNode iv;
        PyNode key = null;
        String mode;
        String cryptographyMode = CRYPTOGRAPHY_MODES.get(callee);
        if (cryptographyMode != null) {
            iv = call.argument(0, "initialization_vector");
            mode = cryptographyMode;
        } else {
            if (CryptoSupport.pycryptodomeCipher(callee) == null) return;
            String m = CryptoSupport.pycryptodomeMode(call.argument(1, "mode"), context.file());
            if (m == null || !IV_MODES.contains(m)) return;
            mode = m.substring("MODE_".length());
            iv = call.argument(2, "iv");
            if (iv == null) iv = call.keyword("IV");
            key = call.argument(0, "key");
        }
        if (iv == null) return;  // PyCryptodome then draws a random IV
        Values values = context.values();
        PyNode resolved = resolve(iv, values);
        String constant = constantBytes(resolved, values, context.file(), 0);
        if (constant != null) {
            String named = iv == resolved ? "" : "`" + iv.text() + "` is ";
            context.report(call.node(), mode + " mode is given a constant IV (" + named + constant + "), so every "
                    + "message starts from the same state: equal plaintext prefixes encrypt to equal ciphertext"
                    + (mode.equals("OFB") ? " and OFB repeats its whole keystream" : "") + ".");
            return;
        }
        if (key != null && derivedFrom(resolved, key, values)) {
            context.report(call.node(), mode + " mode uses `" + CryptoSupport.shorten(iv.text()) + "`, cut from the key `"
                    + key.text() + "`, as IV; the IV is sent in clear or is predictable, so this leaks key material and "
                    + "repeats the IV for every message.", Severity.MEDIUM, Confidence.MEDIUM);
        }
    }

    private static PyNode resolve(PyNode expr, Values values) {
        PyNode current = expr;
        for (int i = 0; i < 8 && current != null && current.is("identifier"); i++) {
            PyNode value = values.singleAssignedValue(current);
            if (value == null) break;
            current = value;
        }
        return current;
    }

    /** A short description when the expression is constant bytes/text, else null. */
    private static String constantBytes(PyNode expr, Values values, PythonFile file, int depth) {
        if (expr == null || depth > 4) return null;
        Optional<String> text = values.string(expr);
        if (text.isPresent()) return "`" + CryptoSupport.shorten(expr.text()) + "`";
        switch (expr.type()) {
            case "parenthesized_expression" -> {
                return expr.namedChildren().size() == 1
                        ? constantBytes(expr.namedChildren().get(0), values, file, depth + 1) : null;
            }
            case "binary_operator" -> {
                // b"\x00" * 16
                if (!"*".equals(Values.operator(expr))) return null;
                PyNode left = expr.field("left");
                PyNode right = expr.field("right");
                boolean repeated = (values.string(left).isPresent() && values.constant(right).orElse(null) instanceof Long)
                        || (values.string(right).isPresent() && values.constant(left).orElse(null) instanceof Long);
                return repeated ? "`" + CryptoSupport.shorten(expr.text()) + "`" : null;
            }
            case "call" -> {
                Call call = Call.of(expr, file);
                PyNode first = call.positional().isEmpty() ? null : call.positional().get(0);
                if (call.calls("bytes", "bytearray") && first != null && values.isConstant(first)) {
                    return "`" + CryptoSupport.shorten(expr.text()) + "`";
                }
                if (call.calls(DECODERS.toArray(String[]::new)) && first != null && values.isConstant(first)) {
                    return "`" + CryptoSupport.shorten(expr.text()) + "`";
                }
                // "0000000000000000".encode()
                PyNode receiver = call.receiver();
                if (receiver != null && call.name().equals("encode") && values.string(receiver).isPresent()) {
                    return "`" + CryptoSupport.shorten(expr.text()) + "`";
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /** Whether the IV is a slice or index of the key expression ({@code key[:16]}). */
    private static boolean derivedFrom(PyNode iv, PyNode key, Values values) {
        if (iv == null || !iv.is("subscript")) return false;
        PyNode base = iv.field("value");
        if (base == null) return false;
        PyNode keyResolved = resolve(key, values);
        return base.text().equals(key.text()) || base.text().equals(keyResolved.text());
    }
}
