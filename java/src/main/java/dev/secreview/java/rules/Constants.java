package dev.secreview.java.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;

import java.util.List;
import java.util.Optional;

/** The constant text of an expression as the rules read it: a literal, or a variable bound once to one. */
final class Constants {
    private Constants() {
    }

    static Optional<String> text(Expression e) {
        if (e.isStringLiteralExpr()) return Optional.of(e.asStringLiteralExpr().asString());
        if (e.isEnclosedExpr()) return text(e.asEnclosedExpr().getInner());
        if (e instanceof NameExpr name) return variable(name);
        return Optional.empty();
    }

    /** A local variable of the enclosing method, or a final field of the enclosing class, never reassigned. */
    private static Optional<String> variable(NameExpr name) {
        String n = name.getNameAsString();
        Optional<Node> method = enclosing(name, CallableDeclaration.class);
        if (method.isPresent()) {
            List<VariableDeclarator> locals = method.get().findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(n));
            if (locals.size() == 1 && assignments(method.get(), n) == 0) {
                return locals.get(0).getInitializer().flatMap(Constants::literal);
            }
            if (!locals.isEmpty()) return Optional.empty();
        }
        Optional<Node> type = enclosing(name, TypeDeclaration.class);
        if (type.isPresent()) {
            for (FieldDeclaration field : ((TypeDeclaration<?>) type.get()).getFields()) {
                if (!field.isFinal()) continue;
                for (VariableDeclarator v : field.getVariables()) {
                    if (v.getNameAsString().equals(n)) return v.getInitializer().flatMap(Constants::literal);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> literal(Expression e) {
        return e.isStringLiteralExpr() ? Optional.of(e.asStringLiteralExpr().asString()) : Optional.empty();
    }

    private static long assignments(Node scope, String name) {
        return scope.findAll(AssignExpr.class, a -> a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(name)).size();
    }

    static Optional<Node> enclosing(Node node, Class<?> type) {
        for (Optional<Node> at = node.getParentNode(); at.isPresent(); at = at.get().getParentNode()) {
            if (type.isInstance(at.get())) return at;
        }
        return Optional.empty();
    }
}
