package dev.secreview.java.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.java.api.JavaRule;
import dev.secreview.java.api.RuleContext;

import java.util.Optional;
import java.util.Set;

/**
 * A trust manager that accepts every certificate (a {@code checkServerTrusted} or {@code checkClientTrusted} that does
 * nothing) or a hostname verifier that accepts every host ({@code verify} returning {@code true}, a lambda that does,
 * given to a setter or declared as a {@code HostnameVerifier}, Apache HttpClient's no-op verifiers).
 */
@RuleInfo(id = "java-trust-all-certificates", cwe = 295, severity = Severity.HIGH, confidence = Confidence.HIGH,
        summary = "TLS certificate or hostname checks are turned off: a trust manager that accepts every certificate, or a hostname verifier that accepts every host.",
        fix = "Use the platform's default TrustManager and HostnameVerifier; to trust a private CA, load it into a KeyStore and build a TrustManagerFactory from it.")
public final class TrustAllCertificates implements JavaRule {
    private static final Set<String> CHECKS = Set.of("checkServerTrusted", "checkClientTrusted");
    private static final Set<String> SETTERS = Set.of("setHostnameVerifier", "setDefaultHostnameVerifier",
            "setSSLHostnameVerifier");
    private static final Set<String> NO_OP_VERIFIERS = Set.of("ALLOW_ALL_HOSTNAME_VERIFIER", "INSTANCE");

    @Override
    public void check(CompilationUnit unit, RuleContext context) {
        for (MethodDeclaration method : unit.findAll(MethodDeclaration.class)) {
            Optional<BlockStmt> body = method.getBody();
            if (body.isEmpty()) continue;
            if (CHECKS.contains(method.getNameAsString()) && method.getParameters().size() >= 2
                    && body.get().getStatements().stream().allMatch(Statement::isEmptyStmt)) {
                context.report(method.getName(), "`" + method.getNameAsString() + "` accepts every certificate chain: "
                        + "anyone on the network path can present their own certificate and read or change the traffic.");
            } else if (method.getNameAsString().equals("verify") && method.getParameters().size() == 2
                    && method.getParameter(1).getTypeAsString().endsWith("SSLSession") && returnsTrue(body.get())) {
                context.report(method.getName(), "this HostnameVerifier accepts every host name: a valid certificate of "
                        + "any site is accepted for this one.");
            }
        }
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            if (!SETTERS.contains(call.getNameAsString()) || call.getArguments().isEmpty()) continue;
            Node verifier = call.getArguments().get(call.getArguments().size() - 1);
            boolean acceptsAll = acceptsEveryHost(verifier)
                    || verifier instanceof FieldAccessExpr field && NO_OP_VERIFIERS.contains(field.getNameAsString())
                    && (field.getScope().toString().contains("NoopHostnameVerifier")
                    || field.getNameAsString().equals("ALLOW_ALL_HOSTNAME_VERIFIER"));
            if (acceptsAll) {
                context.report(call, "the hostname verifier set here accepts every host name: a valid certificate of "
                        + "any site is accepted for this one.");
            }
        }
        for (VariableDeclarator variable : unit.findAll(VariableDeclarator.class)) {
            if (variable.getType().asString().endsWith("HostnameVerifier")
                    && variable.getInitializer().filter(TrustAllCertificates::acceptsEveryHost).isPresent()) {
                context.report(variable, "the hostname verifier `" + variable.getNameAsString() + "` accepts every host "
                        + "name: a valid certificate of any site is accepted for this one.");
            }
        }
    }

    /** A lambda {@code (host, session) -> true}, with an expression or a block body. */
    private static boolean acceptsEveryHost(Node verifier) {
        if (!(verifier instanceof LambdaExpr lambda) || lambda.getParameters().size() != 2) return false;
        return lambda.getBody() instanceof BlockStmt block ? returnsTrue(block) : lambda.getExpressionBody()
                .filter(e -> e.isBooleanLiteralExpr() && e.asBooleanLiteralExpr().getValue()).isPresent();
    }

    private static boolean returnsTrue(BlockStmt body) {
        return body.getStatements().size() == 1 && body.getStatement(0) instanceof ReturnStmt ret
                && ret.getExpression().filter(e -> e.isBooleanLiteralExpr() && e.asBooleanLiteralExpr().getValue()).isPresent();
    }
}
