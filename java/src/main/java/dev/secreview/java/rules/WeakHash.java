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

@RuleInfo(id = "java-weak-hash", cwe = 328, severity = Severity.MEDIUM, confidence = Confidence.HIGH,
        summary = "A broken hash algorithm (MD2, MD4, MD5, SHA-1) is requested from MessageDigest or DigestUtils.",
        fix = "Use SHA-256 or stronger (MessageDigest.getInstance(\"SHA-256\")); for passwords use a slow KDF such as PBKDF2, bcrypt or Argon2.")
public final class WeakHash implements JavaRule {
    private static final Set<String> WEAK = Set.of("MD2", "MD4", "MD5", "SHA", "SHA1", "SHA-1");
    private static final Set<String> DIGEST_UTILS = Set.of("md2", "md2Hex", "md5", "md5Hex", "sha", "shaHex", "sha1",
            "sha1Hex", "getMd5Digest", "getMd2Digest", "getShaDigest", "getSha1Digest");

    @Override
    public void check(CompilationUnit unit, RuleContext context) {
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            String callee = context.staticCallee(call);
            if (callee == null) continue;
            if (callee.equals("java.security.MessageDigest.getInstance") && !call.getArguments().isEmpty()) {
                Constants.text(call.getArgument(0))
                        .filter(alg -> WEAK.contains(alg.toUpperCase(Locale.ROOT)))
                        .ifPresent(alg -> context.report(call, "MessageDigest.getInstance(\"" + alg + "\") uses a broken hash: "
                                + "collisions can be computed, so it cannot protect integrity or passwords."));
            } else if (callee.startsWith("org.apache.commons.codec.digest.DigestUtils.")
                    && DIGEST_UTILS.contains(call.getNameAsString())) {
                context.report(call, "DigestUtils." + call.getNameAsString() + "() uses a broken hash (MD5 or SHA-1).");
            }
        }
    }
}
