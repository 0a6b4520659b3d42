package dev.secreview.java.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.java.api.JavaRule;
import dev.secreview.java.api.RuleContext;

import java.util.Map;
import java.util.Optional;

/**
 * A password or key written into the code where an API takes one: the password of
 * {@code DriverManager.getConnection(url, user, password)}, a {@code PasswordAuthentication}, a key store's or a PBE
 * key's password, the bytes of a {@code SecretKeySpec}. A constant or a local variable bound once to one counts; an
 * empty string (no password) does not.
 */
@RuleInfo(id = "java-hardcoded-credentials", cwe = 798, severity = Severity.HIGH, confidence = Confidence.HIGH,
        summary = "A password or secret key is written into the code where an API takes one (a database connection, a key store, a cipher key).",
        fix = "Read the secret at run time from the environment, a secrets manager or a protected configuration file; rotate the one that was committed.")
public final class HardcodedCredentials implements JavaRule {
    /** Static methods and the position of the credential among their arguments. */
    private static final Map<String, Integer> CALLS = Map.of(
            "java.sql.DriverManager.getConnection", 2);
    /** Constructors and the position of the credential. */
    private static final Map<String, Integer> CONSTRUCTORS = Map.of(
            "java.net.PasswordAuthentication", 1,
            "javax.crypto.spec.PBEKeySpec", 0,
            "javax.crypto.spec.SecretKeySpec", 0);
    /** Methods of objects whose credential argument is unambiguous by name and position. */
    private static final Map<String, Integer> METHODS = Map.of(
            "setPassword", 0);

    @Override
    public void check(CompilationUnit unit, RuleContext context) {
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            String callee = context.staticCallee(call);
            Integer at = callee == null ? null : CALLS.get(callee);
            if (at != null && call.getArguments().size() > at) {
                secret(call.getArgument(at)).ifPresent(s -> context.report(call, "the database password is written in "
                        + "the code: whoever reads the source or the jar has it."));
            } else if (call.getNameAsString().equals("load") && call.getArguments().size() == 2
                    && call.getScope().map(s -> s.toString().toLowerCase(java.util.Locale.ROOT).contains("keystore")).orElse(false)) {
                secret(call.getArgument(1)).ifPresent(s -> context.report(call, "the key store's password is written in "
                        + "the code: whoever reads the source or the jar has it."));
            } else if (METHODS.containsKey(call.getNameAsString()) && call.getArguments().size() == 1
                    && call.getScope().map(s -> s.toString().toLowerCase(java.util.Locale.ROOT).matches(".*(datasource|ds|config|pool).*")).orElse(false)) {
                secret(call.getArgument(METHODS.get(call.getNameAsString()))).ifPresent(s -> context.report(call,
                        "a password is written in the code: whoever reads the source or the jar has it."));
            }
        }
        for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
            Integer at = CONSTRUCTORS.get(context.typeName(creation.getType()));
            if (at == null || creation.getArguments().size() <= at) continue;
            secret(creation.getArgument(at)).ifPresent(s -> context.report(creation, "the "
                    + (creation.getType().getNameAsString().equals("SecretKeySpec") ? "secret key" : "password")
                    + " is written in the code: whoever reads the source or the jar has it."));
        }
    }

    /** The non-empty constant text of a credential argument, seen through {@code .toCharArray()} and {@code .getBytes()}. */
    private static Optional<String> secret(Expression argument) {
        Expression e = argument;
        if (e instanceof MethodCallExpr call && call.getScope().isPresent()
                && (call.getNameAsString().equals("toCharArray") || call.getNameAsString().equals("getBytes"))) {
            e = call.getScope().get();
        }
        return Constants.text(e).filter(text -> !text.isEmpty());
    }
}
