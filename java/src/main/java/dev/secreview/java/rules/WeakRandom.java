package dev.secreview.java.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.java.api.JavaRule;
import dev.secreview.java.api.RuleContext;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code java.util.Random}, {@code Math.random()} or {@code ThreadLocalRandom} where a value may be a secret: in a
 * servlet (whatever a request handler draws at random is handed to a client: a token, an id, a cookie), or bound to a
 * name that says it is one.
 */
@RuleInfo(id = "java-weak-random", cwe = 330, severity = Severity.MEDIUM, confidence = Confidence.MEDIUM,
        summary = "A predictable random generator (java.util.Random, Math.random) makes a value a client receives or a secret.",
        fix = "Use java.security.SecureRandom for tokens, identifiers, keys and anything a client must not guess.")
public final class WeakRandom implements JavaRule {
    private static final Pattern SECRET = Pattern.compile(
            "token|secret|passw|key|session|nonce|salt|otp|cookie|remember|auth|csrf|code|pin", Pattern.CASE_INSENSITIVE);

    @Override
    public void check(CompilationUnit unit, RuleContext context) {
        for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
            String type = context.typeName(creation.getType());
            if (type.equals("java.util.Random") || type.equals("Random") && importsJavaUtil(unit)) {
                judge(creation, "java.util.Random", context);
            }
        }
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            String callee = context.staticCallee(call);
            if ("java.lang.Math.random".equals(callee)) judge(call, "Math.random()", context);
            else if ("java.util.concurrent.ThreadLocalRandom.current".equals(callee)) judge(call, "ThreadLocalRandom", context);
        }
    }

    private static boolean importsJavaUtil(CompilationUnit unit) {
        return unit.getImports().stream().anyMatch(i -> i.isAsterisk() && i.getNameAsString().equals("java.util"));
    }

    private void judge(Node at, String generator, RuleContext context) {
        if (inServlet(at, context)) {
            context.report(at, generator + " in a servlet: values a request handler draws are handed to clients "
                    + "(tokens, identifiers, cookies), and this generator's output can be predicted from a few of them.");
            return;
        }
        Optional<String> name = boundName(at);
        if (name.isPresent() && SECRET.matcher(name.get()).find()) {
            context.report(at, generator + " makes `" + name.get() + "`, which is a secret by its name; its output can be "
                    + "predicted from a few values.");
        }
    }

    private static boolean inServlet(Node at, RuleContext context) {
        for (Optional<Node> n = at.getParentNode(); n.isPresent(); n = n.get().getParentNode()) {
            if (n.get() instanceof ClassOrInterfaceDeclaration c) {
                for (ClassOrInterfaceType base : c.getExtendedTypes()) {
                    String name = context.typeName(base).toLowerCase(Locale.ROOT);
                    if (name.endsWith("servlet")) return true;
                }
            }
        }
        return false;
    }

    /** The variable or the method the value is bound to. */
    private static Optional<String> boundName(Node at) {
        for (Optional<Node> n = at.getParentNode(); n.isPresent(); n = n.get().getParentNode()) {
            if (n.get() instanceof VariableDeclarator v) return Optional.of(v.getNameAsString());
            if (n.get() instanceof MethodDeclaration m) return Optional.of(m.getNameAsString());
        }
        return Optional.empty();
    }
}
