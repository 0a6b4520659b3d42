package dev.secreview.python.rules.crypto;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.Set;

@RuleInfo(
        id = "py-ecb-mode",
        cwe = 327,
        severity = Severity.MEDIUM,
        confidence = Confidence.HIGH,
        summary = "A block cipher is used in ECB mode, which encrypts equal blocks to equal ciphertext.",
        fix = "Use an authenticated mode with a fresh nonce: AES.new(key, AES.MODE_GCM) (PyCryptodome) or "
                + "AESGCM(key).encrypt(os.urandom(12), data, None) (cryptography).",
        altNames = {"B305"})
public final class EcbModeRule implements CallRule {

    /** Block ciphers of PyCrypto whose new() defaulted to ECB when no mode was given. */
    private static final Set<String> BLOCK_CIPHERS = Set.of("AES", "DES", "DES3", "Blowfish", "CAST", "ARC2");

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null) return;
        if (callee.equals("cryptography.hazmat.primitives.ciphers.modes.ECB")) {
            context.report(call.node(), "`modes.ECB()` encrypts every block independently, so identical 16-byte "
                    + "blocks of plaintext give identical ciphertext and patterns in the data stay visible.");
            return;
        }
        String module = CryptoSupport.pycryptodomeCipher(callee);
        if (module == null) return;
        PyNode mode = call.argument(1, "mode");
        if (mode == null) {
            if (BLOCK_CIPHERS.contains(module) && call.positional().size() == 1 && call.keywordArguments().isEmpty()
                    && !call.unpacksArguments()) {
                context.report(call.node(), "`" + callee + "` is called without a mode; PyCrypto then uses ECB, "
                        + "which encrypts identical blocks to identical ciphertext (PyCryptodome rejects the call).",
                        Severity.MEDIUM, Confidence.MEDIUM);
            }
            return;
        }
        if ("MODE_ECB".equals(CryptoSupport.pycryptodomeMode(mode, context.file()))) {
            context.report(call.node(), "`" + callee + "` is given `" + CryptoSupport.shorten(mode.text())
                    + "`: ECB encrypts every block independently, so identical plaintext blocks give identical "
                    + "ciphertext and patterns in the data stay visible.");
        }
    }
}
