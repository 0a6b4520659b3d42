package dev.secreview.java.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.Type;

import java.util.List;
import java.util.Optional;

/**
 * Where a value is kept: the local variable or the field an expression initialises or is assigned to, and the code
 * that can see it (the method for a local, the class for a field). Rules judge an object by what this code does with
 * its binding.
 */
record Binding(String name, Node scope, boolean field) {

    /** The binding {@code value} initialises or is assigned to, seen through parentheses and casts; empty if none. */
    static Optional<Binding> of(Expression value) {
        Node at = value;
        Optional<Node> parent = at.getParentNode();
        while (parent.isPresent() && (parent.get() instanceof EnclosedExpr || parent.get() instanceof CastExpr)) {
            at = parent.get();
            parent = at.getParentNode();
        }
        if (parent.isEmpty()) return Optional.empty();
        Node bound = at;
        if (parent.get() instanceof VariableDeclarator v && v.getInitializer().filter(i -> i == bound).isPresent()) {
            if (v.getParentNode().filter(p -> p instanceof FieldDeclaration).isPresent()) {
                return Constants.enclosing(v, TypeDeclaration.class).map(type -> new Binding(v.getNameAsString(), type, true));
            }
            return callable(v).map(method -> new Binding(v.getNameAsString(), method, false));
        }
        if (parent.get() instanceof AssignExpr assign && assign.getOperator() == AssignExpr.Operator.ASSIGN
                && assign.getValue() == bound) {
            return target(assign.getTarget());
        }
        return Optional.empty();
    }

    /** The binding an assignment's target names: a local of the enclosing method, else a field of the class. */
    private static Optional<Binding> target(Expression target) {
        if (target instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
            return Constants.enclosing(f, TypeDeclaration.class).map(type -> new Binding(f.getNameAsString(), type, true));
        }
        if (!(target instanceof NameExpr n)) return Optional.empty();
        String name = n.getNameAsString();
        Optional<Node> method = callable(n);
        if (method.isPresent() && declaresLocal(method.get(), name)) return Optional.of(new Binding(name, method.get(), false));
        return declaringType(n, name).map(type -> new Binding(name, type, true));
    }

    /** The innermost class around {@code node} that declares the field {@code name} (an outer class's, from a nested one). */
    private static Optional<Node> declaringType(Node node, String name) {
        for (Optional<Node> at = Constants.enclosing(node, TypeDeclaration.class); at.isPresent();
             at = Constants.enclosing(at.get(), TypeDeclaration.class)) {
            if (((TypeDeclaration<?>) at.get()).getFieldByName(name).isPresent()) return at;
        }
        return Optional.empty();
    }

    /** An expression seen through parentheses and casts: the value it stands for. */
    static Expression unwrap(Expression e) {
        while (e instanceof EnclosedExpr || e instanceof CastExpr) {
            e = e instanceof EnclosedExpr en ? en.getInner() : ((CastExpr) e).getExpression();
        }
        return e;
    }

    /** The method, constructor or initialiser whose locals {@code node} sees. */
    static Optional<Node> callable(Node node) {
        for (Optional<Node> at = node.getParentNode(); at.isPresent(); at = at.get().getParentNode()) {
            Node n = at.get();
            if (n instanceof CallableDeclaration<?> || n instanceof InitializerDeclaration) {
                return at;
            }
            if (n instanceof TypeDeclaration<?> || n instanceof FieldDeclaration) return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean declaresLocal(Node method, String name) {
        return !method.findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(name)
                && v.getParentNode().filter(p -> !(p instanceof FieldDeclaration)).isPresent()).isEmpty()
                || !method.findAll(Parameter.class, p -> p.getNameAsString().equals(name)).isEmpty();
    }

    /** The expressions of its scope that read this binding: its name, or {@code this.name} for a field. */
    List<Expression> uses() {
        return scope.findAll(Expression.class, e -> e instanceof NameExpr n && n.getNameAsString().equals(name)
                || field && e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr && f.getNameAsString().equals(name));
    }

    /** Whether {@code use} is inside a lambda or an anonymous class, which may run after the method returns. */
    static boolean captured(Node use, Node scope) {
        for (Optional<Node> at = use.getParentNode(); at.isPresent() && at.get() != scope; at = at.get().getParentNode()) {
            if (at.get() instanceof LambdaExpr) return true;
            if (at.get() instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a name reads a parameter or local variable of its method: a value the method was given or made. */
    static boolean isLocal(NameExpr name) {
        return callable(name).map(method -> declaresLocal(method, name.getNameAsString())).orElse(false);
    }

    /** The declared type of a name: a parameter or local of its method, else a field of its class. */
    static Optional<Type> declaredType(NameExpr name) {
        String n = name.getNameAsString();
        Optional<Node> method = callable(name);
        if (method.isPresent()) {
            Optional<Type> local = method.get().findFirst(VariableDeclarator.class, v -> v.getNameAsString().equals(n)
                    && !(v.getParentNode().orElse(null) instanceof FieldDeclaration)).map(VariableDeclarator::getType)
                    .or(() -> method.get().findFirst(Parameter.class, p -> p.getNameAsString().equals(n)).map(Parameter::getType));
            if (local.isPresent()) return local;
        }
        return Constants.enclosing(name, TypeDeclaration.class).flatMap(type -> ((TypeDeclaration<?>) type).getFieldByName(n))
                .map(f -> f.getVariable(0).getType());
    }
}
