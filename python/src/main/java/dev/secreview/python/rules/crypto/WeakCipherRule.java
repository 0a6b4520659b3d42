package dev.secreview.python.rules.crypto;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;

import java.util.Map;

@RuleInfo(
        id = "py-weak-cipher",
        cwe = 327,
        severity = Severity.HIGH,
        confidence = Confidence.HIGH,
        summary = "Data is encrypted with a broken or obsolete cipher (DES, 3DES, RC2, RC4, Blowfish, IDEA, CAST5, SEED, XOR).",
        fix = "Use an authenticated AES mode or ChaCha20-Poly1305, e.g. with the cryptography package: "
                + "AESGCM(key).encrypt(nonce, data, aad) with key = AESGCM.generate_key(bit_length=256) and nonce = os.urandom(12).",
        altNames = {"B304"})
public final class WeakCipherRule implements CallRule {

    /** Weak cipher → why, and how bad. */
    private record Weakness(String name, String why, Severity severity) {
    }

    private static final Weakness DES = new Weakness("DES",
            "its 56-bit key is found by exhaustive search in hours", Severity.HIGH);
    private static final Weakness TRIPLE_DES = new Weakness("Triple DES",
            "its 64-bit block makes long sessions open to birthday attacks (Sweet32) and it is withdrawn by NIST",
            Severity.MEDIUM);
    private static final Weakness RC4 = new Weakness("RC4",
            "its keystream is biased, which recovers plaintext from repeated encryptions", Severity.HIGH);
    private static final Weakness RC2 = new Weakness("RC2",
            "it has a 64-bit block and known related-key attacks", Severity.MEDIUM);
    private static final Weakness BLOWFISH = new Weakness("Blowfish",
            "its 64-bit block makes long sessions open to birthday attacks (Sweet32)", Severity.MEDIUM);
    private static final Weakness XOR = new Weakness("XOR",
            "a repeating-key XOR is not encryption: it falls to frequency analysis", Severity.HIGH);
    private static final Weakness CAST = new Weakness("CAST5",
            "its 64-bit block makes long sessions open to birthday attacks (Sweet32)", Severity.MEDIUM);
    private static final Weakness IDEA = new Weakness("IDEA",
            "its 64-bit block makes long sessions open to birthday attacks and it has weak-key classes", Severity.MEDIUM);
    private static final Weakness SEED = new Weakness("SEED",
            "it is a legacy national cipher with little analysis outside its niche, kept only for compatibility",
            Severity.LOW);

    private static final Map<String, Weakness> PYCRYPTODOME = Map.of("DES", DES, "DES3", TRIPLE_DES, "ARC4", RC4,
            "ARC2", RC2, "Blowfish", BLOWFISH, "XOR", XOR, "CAST", CAST);

    private static final Map<String, Weakness> CRYPTOGRAPHY = Map.of("ARC4", RC4, "TripleDES", TRIPLE_DES,
            "Blowfish", BLOWFISH, "IDEA", IDEA, "CAST5", CAST, "SEED", SEED);

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null) return;
        Weakness weakness = null;
        String module = CryptoSupport.pycryptodomeCipher(callee);
        if (module != null) {
            weakness = PYCRYPTODOME.get(module);
        } else if (callee.startsWith("cryptography.hazmat.primitives.ciphers.algorithms.")
                || callee.startsWith("cryptography.hazmat.decrepit.ciphers.algorithms.")) {
            weakness = CRYPTOGRAPHY.get(callee.substring(callee.lastIndexOf('.') + 1));
        }
        if (weakness == null) return;
        context.report(call.node(), "`" + callee + "` encrypts with " + weakness.name() + "; " + weakness.why()
                + ".", weakness.severity(), Confidence.HIGH);
    }
}
