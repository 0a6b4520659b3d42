package dev.secreview.python.rules.crypto;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.Map;
import java.util.Optional;

@RuleInfo(
        id = "py-weak-key-size",
        cwe = 326,
        severity = Severity.MEDIUM,
        confidence = Confidence.HIGH,
        summary = "An RSA, DSA or DH key shorter than 2048 bits, or an elliptic curve under 224 bits, is generated.",
        fix = "Generate RSA/DSA/DH keys of at least 2048 bits (3072 for use beyond 2030), e.g. "
                + "rsa.generate_private_key(public_exponent=65537, key_size=3072), or use ec.SECP256R1() / Ed25519.",
        altNames = {"B505"})
public final class WeakKeySizeRule implements CallRule {

    private static final String ASYM = "cryptography.hazmat.primitives.asymmetric.";

    /** Where the size argument sits: callee → (positional index, keyword, algorithm). */
    private record SizeArgument(int index, String keyword, String algorithm) {
    }

    private static final Map<String, SizeArgument> SIZED = Map.ofEntries(
            Map.entry(ASYM + "rsa.generate_private_key", new SizeArgument(1, "key_size", "RSA")),
            Map.entry(ASYM + "dsa.generate_private_key", new SizeArgument(0, "key_size", "DSA")),
            Map.entry(ASYM + "dsa.generate_parameters", new SizeArgument(0, "key_size", "DSA")),
            Map.entry(ASYM + "dh.generate_parameters", new SizeArgument(1, "key_size", "Diffie-Hellman")),
            Map.entry("Crypto.PublicKey.RSA.generate", new SizeArgument(0, "bits", "RSA")),
            Map.entry("Crypto.PublicKey.DSA.generate", new SizeArgument(0, "bits", "DSA")),
            Map.entry("Cryptodome.PublicKey.RSA.generate", new SizeArgument(0, "bits", "RSA")),
            Map.entry("Cryptodome.PublicKey.DSA.generate", new SizeArgument(0, "bits", "DSA")),
            Map.entry("paramiko.RSAKey.generate", new SizeArgument(0, "bits", "RSA")),
            Map.entry("paramiko.rsakey.RSAKey.generate", new SizeArgument(0, "bits", "RSA")),
            Map.entry("OpenSSL.crypto.PKey().generate_key", new SizeArgument(1, "bits", "RSA/DSA")));

    /** Curves of the cryptography package below 224 bits. */
    private static final Map<String, Integer> WEAK_CURVES = Map.of("SECP192R1", 192, "SECT163K1", 163,
            "SECT163R2", 163);

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null) return;
        if (callee.equals(ASYM + "ec.generate_private_key")) {
            checkCurve(call, context);
            return;
        }
        SizeArgument where = SIZED.get(callee);
        if (where == null) return;
        PyNode size = call.argument(where.index(), where.keyword());
        if (size == null) return;
        Optional<Object> value = context.values().constant(size);
        if (value.isEmpty() || !(value.get() instanceof Long bits) || bits >= 2048) return;
        String shown = size.is("integer") ? "" : " (`" + CryptoSupport.shorten(size.text()) + "`)";
        Severity severity = bits < 1024 ? Severity.HIGH : Severity.MEDIUM;
        String why = bits < 1024 ? "keys this short have been factored or broken publicly"
                : "1024-bit keys are within reach of well-funded attackers and are disallowed by NIST since 2013";
        context.report(call.node(), "`" + callee + "` generates a " + bits + "-bit " + where.algorithm() + " key"
                + shown + "; " + why + ". Use at least 2048 bits.", severity, Confidence.HIGH);
    }

    private void checkCurve(Call call, RuleContext context) {
        PyNode curve = call.argument(0, "curve");
        if (curve == null) return;
        PyNode type = curve.is("call") ? curve.field("function") : curve;
        String qn = context.file().qualifiedName(type);  // ec.SECP192R1 or, through a name, ec.SECP192R1()
        if (qn != null && qn.endsWith("()")) qn = qn.substring(0, qn.length() - 2);
        if (qn == null || !qn.startsWith(ASYM + "ec.")) return;
        Integer bits = WEAK_CURVES.get(qn.substring(qn.lastIndexOf('.') + 1));
        if (bits == null) return;
        context.report(call.node(), "`ec.generate_private_key` uses the " + bits + "-bit curve `"
                + qn.substring(qn.lastIndexOf('.') + 1) + "`, which gives under 112 bits of security; "
                + "use SECP256R1 or stronger.", Severity.MEDIUM, Confidence.HIGH);
    }
}
