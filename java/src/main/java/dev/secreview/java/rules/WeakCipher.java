package dev.secreview.java.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.java.api.JavaRule;
import dev.secreview.java.api.RuleContext;

import java.util.Locale;
import java.util.Set;

@RuleInfo(id = "java-weak-cipher", cwe = 327, severity = Severity.HIGH, confidence = Confidence.HIGH,
        summary = "A broken cipher (DES, 3DES, RC2, RC4, Blowfish) or the ECB mode is requested from Cipher or KeyGenerator.",
        fix = "Use AES in an authenticated mode: Cipher.getInstance(\"AES/GCM/NoPadding\") with a fresh random 12-byte IV per message.")
public final class WeakCipher implements JavaRule {
    private static final Set<String> WEAK = Set.of("DES", "DESEDE", "TRIPLEDES", "3DES", "RC2", "RC4", "ARCFOUR",
            "BLOWFISH");

    @Override
    public void check(CompilationUnit unit, RuleContext context) {
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            String callee = context.staticCallee(call);
            if (call.getArguments().isEmpty() || callee == null) continue;
            boolean cipher = callee.equals("javax.crypto.Cipher.getInstance");
            boolean keys = callee.equals("javax.crypto.KeyGenerator.getInstance")
                    || callee.equals("javax.crypto.SecretKeyFactory.getInstance");
            if (!cipher && !keys) continue;
            Constants.text(call.getArgument(0)).ifPresent(transformation -> {
                String[] parts = transformation.toUpperCase(Locale.ROOT).split("/");
                if (WEAK.contains(parts[0])) {
                    context.report(call, "`" + transformation + "` is a broken cipher: its key or block size lets an "
                            + "attacker recover the plaintext.");
                } else if (cipher && parts.length > 1 && parts[1].equals("ECB") && !parts[0].equals("RSA")) {
                    context.report(call, "`" + transformation + "` uses ECB mode: equal plaintext blocks encrypt to equal "
                            + "ciphertext blocks, so the data's patterns show through.");
                }
            });
        }
    }
}
