package dev.secreview.java.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.Type;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.java.api.JavaRule;
import dev.secreview.java.api.RuleContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A secret compared with {@code equals} (also {@code equalsIgnoreCase}, {@code contentEquals}, {@code Objects.equals},
 * {@code Arrays.equals}, commons-lang's {@code StringUtils.equals}): one side's name ends in a word that says it is a
 * password, token, secret, signature, HMAC or MAC ({@code expectedSignature}, {@code getPassword()},
 * {@code tokenBytes}), not one that says it is something about it ({@code tokenType}, {@code passwordPolicy}), and
 * the other side is not a name, a constant or a second copy of the same input. A digest is not a secret word: the
 * hash of data the other side knows is no secret.
 */
@RuleInfo(id = "java-timing-compare", cwe = 208, severity = Severity.MEDIUM, confidence = Confidence.MEDIUM,
        summary = "A password, token, signature or MAC is compared with equals, which answers faster the earlier the first differing character is: timing the answers reveals the expected value.",
        fix = "Compare the bytes with java.security.MessageDigest.isEqual(expected, given), which takes the same time whatever the inputs; store passwords as slow hashes and check them with the hash library's verify.")
public final class TimingCompare implements JavaRule {
    private static final Set<String> SECRETS = Set.of("password", "passwd", "pwd", "passphrase", "token", "secret",
            "signature", "sig", "hmac", "mac", "apikey", "otp", "nonce");
    /** Words that say a value names or locates something: compared to find it, not to check a guess. */
    private static final Set<String> IDENTIFIERS = Set.of("name", "url", "uri", "id", "path", "type", "kind", "label",
            "target", "scheme", "method", "header", "prefix", "suffix", "mode");
    /** Words that follow a secret's name without changing what it is ({@code signatureBytes}, {@code tokenHex}). */
    private static final Set<String> FORMS = Set.of("bytes", "byte", "hex", "str", "string", "value", "text", "b64",
            "base64", "encoded", "chars", "array", "data");
    /**
     * Words that tell two copies of one input apart ({@code password} and {@code confirmPassword}, {@code oldPassword}
     * and {@code newPassword}): a form checked against itself, not a guess against a secret.
     */
    private static final Set<String> COPIES = Set.of("confirm", "confirmation", "repeat", "repeated", "retype", "again",
            "old", "new");
    /** Words that, before {@code token}, say it is a credential; a token without one is as often a lexer's or a URL's. */
    private static final Set<String> CREDENTIAL_TOKENS = Set.of("csrf", "xsrf", "auth", "access", "refresh", "api",
            "session", "reset", "bearer", "security", "secret", "verification", "login", "remember", "invite",
            "activation", "request", "id", "jwt", "oauth", "cookie");
    private static final Set<String> INSTANCE_EQUALS = Set.of("equals", "equalsIgnoreCase", "contentEquals");
    private static final Set<String> STATIC_EQUALS = Set.of("java.util.Objects.equals", "Objects.equals",
            "java.util.Arrays.equals", "Arrays.equals", "org.apache.commons.lang3.StringUtils.equals",
            "org.apache.commons.lang.StringUtils.equals", "StringUtils.equals");
    /** Declared types a secret's text or bytes can have; a name of another type is some other object. */
    private static final Set<String> TEXT_TYPES = Set.of("String", "CharSequence", "byte[]", "char[]", "Object",
            "java.lang.String");

    @Override
    public void check(CompilationUnit unit, RuleContext context) {
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            List<Expression> sides = sides(call, context);
            if (sides.size() != 2 || insideEqualsMethod(call)) continue;
            Expression left = sides.get(0), right = sides.get(1);
            if (constant(left) || constant(right)) continue;
            List<String> leftWords = words(left), rightWords = words(right);
            if (!leftWords.isEmpty() && leftWords.equals(rightWords) && !local(left) && !local(right)) {
                continue; // the same field of two objects
            }
            if (copies(leftWords, rightWords) || secondCopy(left, right)) continue;
            if (identifier(leftWords) || identifier(rightWords)) continue;
            Optional<String> secret = secret(left, leftWords).or(() -> secret(right, rightWords));
            secret.ifPresent(word -> context.report(call, "a " + word + " is compared with " + call.getNameAsString()
                    + ", which returns at the first differing character: timing many guesses reveals the expected value "
                    + "one character at a time. Use MessageDigest.isEqual."));
        }
    }

    private static List<Expression> sides(MethodCallExpr call, RuleContext context) {
        String callee = context.staticCallee(call);
        if (callee != null && STATIC_EQUALS.contains(callee) && call.getArguments().size() == 2) {
            return List.of(call.getArgument(0), call.getArgument(1));
        }
        if (INSTANCE_EQUALS.contains(call.getNameAsString()) && call.getArguments().size() == 1 && call.getScope().isPresent()
                && (callee == null || !STATIC_EQUALS.contains(callee))) {
            return List.of(call.getScope().get(), call.getArgument(0));
        }
        return List.of();
    }

    private static boolean insideEqualsMethod(Node node) {
        return Constants.enclosing(node, MethodDeclaration.class)
                .map(m -> Set.of("equals", "hashCode", "compareTo").contains(((MethodDeclaration) m).getNameAsString()))
                .orElse(false);
    }

    /**
     * A literal, {@code null}, a class, a constant by Java's naming ({@code DEFAULT_TOKEN}, {@code Tokens.NONE}), or
     * what a method without arguments says of one ({@code Boolean.TYPE.getName()}).
     */
    private static boolean constant(Expression e) {
        Expression inner = Binding.unwrap(e);
        if (inner instanceof LiteralExpr || inner instanceof ClassExpr) return true;
        if (inner instanceof MethodCallExpr m && m.getArguments().isEmpty() && m.getScope().isPresent()) {
            return constant(m.getScope().get());
        }
        String name = inner instanceof NameExpr n ? n.getNameAsString()
                : inner instanceof FieldAccessExpr f ? f.getNameAsString() : null;
        return name != null && name.length() > 1 && name.equals(name.toUpperCase(Locale.ROOT));
    }

    /** The secret word that ends the side's name, if the side is text or bytes (or of a type the file does not show). */
    private static Optional<String> secret(Expression side, List<String> words) {
        List<String> head = new ArrayList<>(words);
        while (head.size() > 1 && FORMS.contains(head.get(head.size() - 1))) head.remove(head.size() - 1);
        if (head.isEmpty()) return Optional.empty();
        String last = head.get(head.size() - 1);
        if (head.size() > 1 && last.equals("key") && head.get(head.size() - 2).equals("api")) last = "apikey";
        if (!SECRETS.contains(last)) return Optional.empty();
        if (last.equals("token") && head.stream().noneMatch(CREDENTIAL_TOKENS::contains)) return Optional.empty();
        if (last.equals("mac") && words.stream().anyMatch(w -> w.startsWith("addr"))) return Optional.empty();
        Optional<String> type = declaredType(Binding.unwrap(side)).map(Type::asString).filter(t -> !t.equals("var"));
        if (type.isPresent() && !TEXT_TYPES.contains(type.get())) return Optional.empty();
        return Optional.of(last);
    }

    private static Optional<Type> declaredType(Expression e) {
        return e instanceof NameExpr n ? Binding.declaredType(n) : Optional.empty();
    }

    private static boolean local(Expression side) {
        return Binding.unwrap(side) instanceof NameExpr n && Binding.isLocal(n);
    }

    private static boolean identifier(List<String> words) {
        if (words.isEmpty()) return false;
        String last = words.get(words.size() - 1);
        return IDENTIFIERS.contains(last) || last.endsWith("name");
    }

    /** Two names that differ only in a trailing number ({@code pwd}, {@code pwd2}): two copies of one input. */
    private static boolean secondCopy(Expression left, Expression right) {
        if (!(Binding.unwrap(left) instanceof NameExpr l) || !(Binding.unwrap(right) instanceof NameExpr r)) return false;
        String a = l.getNameAsString().replaceFirst("\\d+$", ""), b = r.getNameAsString().replaceFirst("\\d+$", "");
        return a.equals(b) && !l.getNameAsString().equals(r.getNameAsString());
    }

    /** Whether either side is marked as one of two copies of an input (a confirmation, the old or new value). */
    private static boolean copies(List<String> left, List<String> right) {
        return left.stream().anyMatch(COPIES::contains) || right.stream().anyMatch(COPIES::contains);
    }

    /** The words of the name an expression reads, seen through conversions: {@code new String(sig).trim()} is sig. */
    private static List<String> words(Expression e) {
        Expression inner = Binding.unwrap(e);
        String name = null;
        if (inner instanceof NameExpr n) name = n.getNameAsString();
        else if (inner instanceof FieldAccessExpr f) name = f.getNameAsString();
        else if (inner instanceof ArrayAccessExpr a) return words(a.getName());
        else if (inner instanceof ObjectCreationExpr o && o.getType().getNameAsString().equals("String") && o.getArguments().size() >= 1) {
            return words(o.getArgument(0));
        } else if (inner instanceof MethodCallExpr m) {
            if (m.getScope().isPresent() && Set.of("trim", "strip", "toString", "getBytes", "toCharArray", "toLowerCase",
                    "toUpperCase", "intern").contains(m.getNameAsString())) {
                return words(m.getScope().get());
            }
            name = m.getNameAsString().replaceFirst("^get(?=[A-Z])", "");
        }
        if (name == null) return List.of();
        return Arrays.stream(name.split("(?<=[a-z0-9])(?=[A-Z])|_|(?<=[A-Z])(?=[A-Z][a-z])"))
                .filter(w -> !w.isEmpty()).map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }
}
