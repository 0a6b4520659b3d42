package dev.secreview.java.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.java.api.JavaRule;
import dev.secreview.java.api.RuleContext;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A verification whose failure is swallowed: a {@code try} that checks a certificate or a signature
 * ({@code verify}, {@code checkValidity}, {@code checkServerTrusted}, {@code validate} as a statement) and a catch of
 * the exception that reports the failure ({@code CertificateException}, {@code SignatureException},
 * {@code GeneralSecurityException}...) that does nothing, or only logs, so the code after it runs as if the check had
 * passed. A {@code try} that records success (a flag set, a value returned after the check) is the caller's answer
 * and is left alone.
 */
@RuleInfo(id = "java-ignored-security-exception", cwe = 390, severity = Severity.HIGH, confidence = Confidence.MEDIUM,
        summary = "A certificate or signature check's failure is caught and ignored (an empty or log-only catch), so the code goes on as if the check had passed.",
        fix = "Let the exception propagate, or reject in the catch (throw, return false, close the connection); never continue after a failed verification.")
public final class IgnoredSecurityException implements JavaRule {
    private static final Set<String> FAILURES = Set.of("GeneralSecurityException", "CertificateException",
            "CertificateExpiredException", "CertificateNotYetValidException", "CertPathValidatorException",
            "SignatureException", "SSLPeerUnverifiedException", "AEADBadTagException");
    private static final Set<String> CHECKS = Set.of("verify", "checkValidity", "checkServerTrusted",
            "checkClientTrusted", "validate");
    private static final Set<UnaryExpr.Operator> COUNTERS = Set.of(UnaryExpr.Operator.PREFIX_INCREMENT,
            UnaryExpr.Operator.PREFIX_DECREMENT, UnaryExpr.Operator.POSTFIX_INCREMENT, UnaryExpr.Operator.POSTFIX_DECREMENT);

    @Override
    public void check(CompilationUnit unit, RuleContext context) {
        for (TryStmt attempt : unit.findAll(TryStmt.class)) {
            Optional<MethodCallExpr> check = uncheckedVerification(attempt);
            if (check.isEmpty()) continue;
            for (CatchClause handler : attempt.getCatchClauses()) {
                Optional<String> failure = caught(handler.getParameter().getType());
                if (failure.isPresent() && ignores(handler)) {
                    context.report(handler.getParameter(), "a failed `" + check.get().getNameAsString() + "` ("
                            + failure.get() + ") is " + (handler.getBody().isEmpty() ? "ignored" : "only logged")
                            + ": the code after the try goes on as if the check had passed.");
                }
            }
        }
    }

    /**
     * The verification a try block makes as a statement, when nothing in the block records its success (no flag
     * set, no value returned) for the code after the try to test.
     */
    private static Optional<MethodCallExpr> uncheckedVerification(TryStmt attempt) {
        Statement block = attempt.getTryBlock();
        if (!block.findAll(ReturnStmt.class).isEmpty() || !block.findAll(AssignExpr.class).isEmpty()
                || !block.findAll(UnaryExpr.class, u -> COUNTERS.contains(u.getOperator())).isEmpty()) {
            return Optional.empty();
        }
        return block.findFirst(MethodCallExpr.class, c -> CHECKS.contains(c.getNameAsString())
                && c.getParentNode().orElse(null) instanceof ExpressionStmt);
    }

    private static Optional<String> caught(Type type) {
        List<? extends Type> types = type instanceof UnionType union ? union.getElements() : List.of(type);
        return types.stream().map(t -> t.asString().substring(t.asString().lastIndexOf('.') + 1))
                .filter(FAILURES::contains).findFirst();
    }

    /** A handler that does nothing, or only logs or prints the exception. */
    private static boolean ignores(CatchClause handler) {
        return handler.getBody().getStatements().stream().allMatch(s -> s instanceof ExpressionStmt e
                && e.getExpression() instanceof MethodCallExpr call && logs(call));
    }

    private static boolean logs(MethodCallExpr call) {
        if (call.getNameAsString().equals("printStackTrace")) return true;
        String receiver = call.getScope().map(Node::toString).orElse("");
        String lower = receiver.toLowerCase(Locale.ROOT);
        return receiver.startsWith("System.") || lower.endsWith("log") || lower.endsWith("logger");
    }
}
