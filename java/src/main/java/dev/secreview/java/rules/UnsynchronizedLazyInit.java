package dev.secreview.java.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.java.api.JavaRule;
import dev.secreview.java.api.RuleContext;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lazy initialisation of a shared field without a lock: {@code if (instance == null) instance = new ...} on a static
 * field, or on an instance field of a servlet or a servlet filter (one instance serves every request), in a method that is not
 * {@code synchronized} and outside a {@code synchronized} block; and double-checked locking on a field that is not
 * {@code volatile}. Static initialisers, constructors and a servlet's or filter's {@code init} run once, and are left
 * alone.
 */
@RuleInfo(id = "java-unsynchronized-lazy-init", cwe = 543, severity = Severity.LOW, confidence = Confidence.MEDIUM,
        summary = "A shared field (static, or a servlet's or filter's) is checked for null and initialised without synchronisation, so concurrent callers can create it twice or see it half-built.",
        fix = "Initialise it eagerly (a static final field, or the holder-class idiom), make the method synchronized, or use a volatile field with double-checked locking.")
public final class UnsynchronizedLazyInit implements JavaRule {
    /** Names of methods that change the object they are called on. */
    private static final Pattern MUTATOR = Pattern.compile(
            "put|add|remove|clear|merge|compute|set[A-Z]|init|configure|register|load|open|start|connect");

    @Override
    public void check(CompilationUnit unit, RuleContext context) {
        for (IfStmt check : unit.findAll(IfStmt.class)) {
            Optional<String> name = nullChecked(check.getCondition());
            if (name.isEmpty() || runsOnce(check)) continue;
            Optional<FieldDeclaration> field = sharedField(check, name.get());
            if (field.isEmpty() || field.get().isFinal()) continue;
            List<AssignExpr> stores = check.getThenStmt().findAll(AssignExpr.class, a -> a.getOperator() == AssignExpr.Operator.ASSIGN
                    && names(a.getTarget(), name.get()));
            if (stores.isEmpty() || locked(check)) continue;
            boolean perRequest = !field.get().isStatic();
            Severity severity = perRequest ? Severity.MEDIUM : Severity.LOW;
            if (stores.stream().anyMatch(store -> !locked(store))) {
                Optional<String> harm = harm(check, stores.get(0), name.get(), field.get(), perRequest);
                harm.ifPresent(why -> context.report(check.getCondition(), "`" + name.get() + "` is checked and set "
                        + "here without a lock, and " + why + ": concurrent callers can each create it, and one may "
                        + "use it before it is complete.", severity, Confidence.MEDIUM));
            } else if (!field.get().hasModifier(Modifier.Keyword.VOLATILE)) {
                context.report(check.getCondition(), "double-checked locking on `" + name.get() + "`, which is not "
                        + "volatile: a thread that skips the lock can see the object before its constructor's writes.",
                        severity, Confidence.MEDIUM);
            }
        }
    }

    /**
     * Why an unlocked lazy initialisation matters, if it does: the object is still changed after it is stored (others
     * see it half-filled), it is the class's own single instance (a second one breaks what the singleton guarantees),
     * or, in a servlet or filter, the method goes on to change the object every request shares. A value computed once
     * and only stored is at worst computed twice.
     */
    private static Optional<String> harm(IfStmt check, AssignExpr first, String name, FieldDeclaration field,
                                         boolean perRequest) {
        boolean changedAfter = !check.getThenStmt().findAll(Expression.class, e -> after(e, first) && changes(e, name)
                && !alternatives(first, e)).isEmpty();
        if (changedAfter) return Optional.of("the object is still filled in after it is stored, so others see it half-built");
        boolean singleton = first.getValue() instanceof ObjectCreationExpr created && Constants.enclosing(field, TypeDeclaration.class)
                .map(type -> ((TypeDeclaration<?>) type).getNameAsString().equals(created.getType().getNameAsString())).orElse(false);
        if (singleton) return Optional.of("it is the class's single instance");
        boolean changedByRequest = perRequest && Binding.callable(check).map(method -> !method.findAll(Expression.class,
                e -> after(e, check) && changes(e, name)).isEmpty()).orElse(false);
        return changedByRequest ? Optional.of("one instance of this class serves every request, each of which changes it")
                : Optional.empty();
    }

    private static boolean after(Node node, Node than) {
        return node.getBegin().isPresent() && than.getEnd().isPresent() && node.getBegin().get().isAfter(than.getEnd().get());
    }

    /** Whether two nodes lie in different branches of one {@code if}, so that only one of them runs. */
    private static boolean alternatives(Node a, Node b) {
        for (Optional<Node> at = a.getParentNode(); at.isPresent(); at = at.get().getParentNode()) {
            if (!b.isDescendantOf(at.get())) continue;
            return at.get() instanceof IfStmt branch && branch.getElseStmt().isPresent()
                    && (a.isDescendantOf(branch.getThenStmt()) && b.isDescendantOf(branch.getElseStmt().get())
                    || b.isDescendantOf(branch.getThenStmt()) && a.isDescendantOf(branch.getElseStmt().get()));
        }
        return false;
    }

    /** A store to the field, or a call on it that changes it (fills a collection, sets a property, initialises it). */
    private static boolean changes(Expression e, String name) {
        if (e instanceof AssignExpr a) return names(a.getTarget(), name);
        return e instanceof MethodCallExpr call && MUTATOR.matcher(call.getNameAsString()).lookingAt()
                && call.getScope().filter(s -> names(s, name)).isPresent();
    }

    /** The field name of a condition {@code f == null} ({@code null == f}, {@code this.f == null}). */
    private static Optional<String> nullChecked(Expression condition) {
        if (!(condition instanceof BinaryExpr b) || b.getOperator() != BinaryExpr.Operator.EQUALS) return Optional.empty();
        Expression other = b.getLeft().isNullLiteralExpr() ? b.getRight() : b.getRight().isNullLiteralExpr() ? b.getLeft() : null;
        if (other instanceof NameExpr n && !Binding.isLocal(n)) return Optional.of(n.getNameAsString());
        if (other instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) return Optional.of(f.getNameAsString());
        return Optional.empty();
    }

    private static boolean names(Expression target, String name) {
        return target instanceof NameExpr n && n.getNameAsString().equals(name)
                || target instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr && f.getNameAsString().equals(name);
    }

    /** The field the check reads, when it is shared between threads: static, or an instance field of a servlet or filter. */
    private static Optional<FieldDeclaration> sharedField(Node check, String name) {
        for (Optional<Node> at = Constants.enclosing(check, TypeDeclaration.class); at.isPresent();
             at = Constants.enclosing(at.get(), TypeDeclaration.class)) {
            TypeDeclaration<?> type = (TypeDeclaration<?>) at.get();
            Optional<FieldDeclaration> field = type.getFieldByName(name);
            if (field.isEmpty()) continue;
            return field.get().isStatic() || servesRequests(type) ? field : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * A servlet or a servlet filter, of which the container makes one instance for every request: a class derived
     * from a {@code *Servlet} or {@code *Filter} class ({@code HttpServlet}, Spring's {@code OncePerRequestFilter}), or
     * implementing {@code Servlet} or {@code Filter}.
     */
    private static boolean servesRequests(TypeDeclaration<?> type) {
        if (!(type instanceof ClassOrInterfaceDeclaration c)) return false;
        return c.getExtendedTypes().stream().map(ClassOrInterfaceType::getNameAsString)
                .anyMatch(n -> n.endsWith("Servlet") || n.endsWith("Filter"))
                || c.getImplementedTypes().stream().map(ClassOrInterfaceType::getNameAsString)
                .anyMatch(n -> n.equals("Servlet") || n.equals("Filter"));
    }

    /** Code that runs once per class or instance: a static initialiser, a constructor, a servlet's or filter's {@code init}. */
    private static boolean runsOnce(Node node) {
        for (Optional<Node> at = node.getParentNode(); at.isPresent(); at = at.get().getParentNode()) {
            Node n = at.get();
            if (n instanceof InitializerDeclaration || n instanceof ConstructorDeclaration) return true;
            if (n instanceof MethodDeclaration m) return m.getNameAsString().equals("init") && m.getParameters().size() <= 1;
            if (n instanceof LambdaExpr || n instanceof TypeDeclaration<?>) return false;
        }
        return false;
    }

    /** Inside a {@code synchronized} block, or in a {@code synchronized} method. */
    private static boolean locked(Node node) {
        for (Optional<Node> at = node.getParentNode(); at.isPresent(); at = at.get().getParentNode()) {
            Node n = at.get();
            if (n instanceof SynchronizedStmt) return true;
            if (n instanceof MethodDeclaration m) return m.isSynchronized();
            if (n instanceof LambdaExpr || n instanceof TypeDeclaration<?>) return false;
        }
        return false;
    }
}
