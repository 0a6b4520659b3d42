package dev.secreview.java.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.java.api.JavaRule;
import dev.secreview.java.api.RuleContext;

import java.util.List;
import java.util.Optional;

/**
 * A servlet {@code Cookie} that is never made secure: {@code setSecure(false)}, or no {@code setSecure(true)} on the
 * variable it is bound to in the method that creates it.
 */
@RuleInfo(id = "java-insecure-cookie", cwe = 614, severity = Severity.MEDIUM, confidence = Confidence.HIGH,
        summary = "A cookie is sent without the Secure attribute, so the browser also sends it over plain HTTP.",
        fix = "Call cookie.setSecure(true) (and setHttpOnly(true)) before adding the cookie to the response.")
public final class InsecureCookie implements JavaRule {

    @Override
    public void check(CompilationUnit unit, RuleContext context) {
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            if (call.getNameAsString().equals("setSecure") && call.getArguments().size() == 1
                    && call.getArgument(0).isBooleanLiteralExpr() && !call.getArgument(0).asBooleanLiteralExpr().getValue()) {
                context.report(call, "setSecure(false): the cookie is also sent over plain HTTP, where anyone on the path reads it.");
            }
        }
        for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
            String type = context.typeName(creation.getType());
            if (!type.equals("javax.servlet.http.Cookie") && !type.equals("jakarta.servlet.http.Cookie")) continue;
            Optional<String> variable = variable(creation);
            Optional<Node> method = Constants.enclosing(creation, CallableDeclaration.class);
            if (variable.isEmpty() || method.isEmpty()) continue;
            List<MethodCallExpr> setSecure = method.get().findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("setSecure")
                    && c.getScope().filter(s -> s instanceof NameExpr n && n.getNameAsString().equals(variable.get())).isPresent());
            if (setSecure.isEmpty()) {
                context.report(creation, "the cookie `" + variable.get() + "` is never made secure (no setSecure(true)): "
                        + "the browser also sends it over plain HTTP.");
            }
        }
    }

    private static Optional<String> variable(ObjectCreationExpr creation) {
        Optional<Node> parent = creation.getParentNode();
        if (parent.isPresent() && parent.get() instanceof VariableDeclarator v) return Optional.of(v.getNameAsString());
        if (parent.isPresent() && parent.get() instanceof AssignExpr a && a.getTarget() instanceof NameExpr n) {
            return Optional.of(n.getNameAsString());
        }
        return Optional.empty();
    }
}
