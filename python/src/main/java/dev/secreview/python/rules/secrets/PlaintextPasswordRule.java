package dev.secreview.python.rules.secrets;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.semantic.StringLiteral;
import dev.secreview.python.tree.PyNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A user's password, as the client sent it, kept or compared as it is: stored into a user's password field, a
 * user model's constructor, an SQL insert or update, the session, or compared with the stored one by {@code ==}.
 * A password kept so is read by whoever reads the database, a backup or the session store, and, as users reuse
 * passwords, opens their other accounts too. A value passed through any call first (a hash, a KDF) is not this.
 */
@RuleInfo(
        id = "py-plaintext-password",
        cwe = 256,
        severity = Severity.HIGH,
        confidence = Confidence.MEDIUM,
        summary = "A password from the request is stored as it is (a user's password field or constructor, an SQL "
                + "insert or update, the session) or compared in plaintext with the stored one, instead of through "
                + "a password hash (werkzeug generate_password_hash, Django make_password/set_password, bcrypt, "
                + "argon2, passlib, hashlib.pbkdf2_hmac or scrypt).",
        fix = "Store only a salted, slow hash of the password (generate_password_hash(password), "
                + "user.set_password(password), bcrypt.hashpw, argon2's PasswordHasher().hash) and check a login "
                + "with the matching verifier (check_password_hash, user.check_password, bcrypt.checkpw); keep no "
                + "password in the session.",
        altNames = {})
public final class PlaintextPasswordRule implements NodeRule {

    private static final Set<String> PASSWORD_WORDS = Set.of("password", "passwd", "pwd", "passphrase", "pass",
            "pw");
    /** Words of a field that holds a password's hash or a derived value, not the password. */
    private static final Set<String> DERIVED_WORDS = Set.of("hash", "hashed", "digest", "salt", "encrypted", "crypt",
            "enc", "reset", "expires", "expiry", "changed", "length", "policy", "strength", "hint");
    /** Words of a field the client sends to confirm or replace a password: also the user's password. */
    private static final Set<String> REQUEST_PARTS = Set.of("args", "form", "json", "values", "GET", "POST", "data",
            "query_params", "get_json", "cleaned_data", "validated_data");
    /** Words of an object or class that is a user's account of this application. */
    private static final Set<String> USER_WORDS = Set.of("user", "users", "member", "members", "customer",
            "customers", "person", "profile", "admin", "owner", "player", "student", "employee", "u");
    /** Calls that leave the password as it is. */
    private static final Set<String> KEEPS_TEXT = Set.of("str", "strip", "lower", "encode", "decode");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("function_definition");
    }

    @Override
    public void visitNode(PyNode function, RuleContext context) {
        PyNode body = function.field("body");
        if (body == null || !mentionsPassword(body, context.file().source().text())) return;
        Map<String, PyNode> passwords = passwordLocals(body);
        body.forEachDescendant(n -> {
            if (n.is("function_definition") || n.ancestor("function_definition") != function) return;
            if (n.is("assignment")) store(n, passwords, context);
            else if (n.is("call")) call(n, passwords, context);
            else if (n.is("comparison_operator")) comparison(n, passwords, context);
        });
    }

    /**
     * Whether the text of the body holds a password word at all ("pw", or "pass" other than the statement): most
     * functions do not, and the walks below visit every node of each nested function once more.
     */
    private static boolean mentionsPassword(PyNode body, String source) {
        for (int i = body.startOffset(), end = body.endOffset() - 1; i < end; i++) {
            char c = source.charAt(i);
            if (c != 'p' && c != 'P') continue;
            if (source.regionMatches(true, i, "pw", 0, 2)) return true;
            if (source.regionMatches(true, i, "pass", 0, 4)
                    && (partOfName(source, i - 1) || partOfName(source, i + 4))) {
                return true;
            }
        }
        return false;
    }

    /** A letter, digit, underscore or quote at {@code i}: "pass" there is part of a name or a key, not the statement. */
    private static boolean partOfName(String source, int i) {
        if (i < 0 || i >= source.length()) return false;
        char c = source.charAt(i);
        return Character.isLetterOrDigit(c) || c == '_' || c == '"' || c == '\'';
    }

    /** {@code user.password = password}, {@code session["password"] = password}. */
    private static void store(PyNode assignment, Map<String, PyNode> passwords, RuleContext context) {
        PyNode left = assignment.field("left");
        PyNode source = source(assignment.field("right"), passwords);
        if (left == null || source == null) return;
        if (left.is("attribute") && passwordField(text(left.field("attribute")))
                && userObject(left.field("object"))) {
            report(context, assignment, source, "is stored as it is into `" + left.text() + "`", Confidence.LOW,
                    " (unless the model's `" + text(left.field("attribute")) + "` setter hashes it)");
        } else if (left.is("subscript") && left.field("value") != null && Identifiers.lastName(left.field("value")).equals("session")
                && passwordField(key(left.field("subscript")))) {
            report(context, assignment, source, "is kept in the session (`" + left.text() + "`), whose store "
                    + "(a cookie the client holds, a cache, a table) keeps it readable", Confidence.MEDIUM, "");
        }
    }

    /** {@code User(password=password)}, {@code User.objects.create(password=password)}, an SQL insert or update. */
    private static void call(PyNode call, Map<String, PyNode> passwords, RuleContext context) {
        PyNode callee = call.field("function");
        PyNode arguments = call.field("arguments");
        if (callee == null || arguments == null) return;
        String name = Identifiers.lastName(callee);
        boolean userClass = className(name) && userWords(name);
        boolean userCreate = Set.of("create", "get_or_create", "update_or_create", "insert").contains(name)
                && callee.is("attribute") && userObject(callee.field("object"));
        if (userClass || userCreate) {
            for (PyNode argument : arguments.namedChildren()) {
                if (!argument.is("keyword_argument") || !passwordField(text(argument.field("name")))) continue;
                PyNode source = source(argument.field("value"), passwords);
                if (source != null) {
                    report(context, argument, source, "is stored as it is by `" + Snippets.shortened(callee.text(), 40)
                            + "(" + text(argument.field("name")) + "=...)`", userClass ? Confidence.LOW : Confidence.MEDIUM,
                            userClass ? " (unless the model hashes it when it is set)" : "");
                }
            }
        } else if ((name.equals("execute") || name.equals("executemany")) && !arguments.namedChildren().isEmpty()) {
            PyNode statement = arguments.namedChildren().get(0);
            String sql = statement.is("string") ? StringLiteral.value(statement).toLowerCase(Locale.ROOT) : "";
            if (!(sql.contains("insert") || sql.contains("update")) || !sql.contains("pass")) return;
            for (PyNode parameter : arguments.namedChildren().subList(1, arguments.namedChildren().size())) {
                PyNode source = parameter.is("tuple") || parameter.is("list") || parameter.is("dictionary")
                        ? parameter.namedChildren().stream().map(p -> p.is("pair") ? p.field("value") : p)
                        .map(p -> source(p, passwords)).filter(s -> s != null).findFirst().orElse(null)
                        : null;
                if (source != null) {
                    report(context, call, source, "is written as it is into the database by `"
                            + Snippets.shortened(statement.text(), 50) + "`", Confidence.MEDIUM, "");
                }
            }
        }
    }

    /** {@code user.password == request.form["password"]}: the stored password is the password itself. */
    private static void comparison(PyNode comparison, Map<String, PyNode> passwords, RuleContext context) {
        List<PyNode> operands = comparison.namedChildren();
        boolean equality = comparison.children().stream().anyMatch(c -> !c.isNamed()
                && (c.type().equals("==") || c.type().equals("!=")));
        if (operands.size() != 2 || !equality) return;
        for (int i = 0; i < 2; i++) {
            PyNode source = source(operands.get(i), passwords);
            PyNode stored = operands.get(1 - i);
            if (source == null || !stored.is("attribute") || !passwordField(text(stored.field("attribute")))
                    || source(stored, passwords) != null || fromRequest(stored)) {
                continue;
            }
            report(context, comparison, source, "is compared as it is with the stored `" + stored.text()
                    + "`, so the stored password is the password itself", Confidence.MEDIUM, "");
            return;
        }
    }

    private static void report(RuleContext context, PyNode at, PyNode source, String what, Confidence confidence,
                               String caveat) {
        context.report(at, "The password from the request (`" + Snippets.shortened(source.text(), 40) + "`) " + what
                + caveat + ": whoever reads the database, a backup or the session store reads every user's "
                + "password, which opens their other accounts too.", Severity.HIGH, confidence);
    }

    /** Locals bound once, in the function, to a password from the request. */
    private static Map<String, PyNode> passwordLocals(PyNode body) {
        Map<String, PyNode> bound = new HashMap<>();
        Set<String> rebound = new HashSet<>();
        body.forEachDescendant(n -> {
            if (!n.is("assignment") || n.field("left") == null || !n.field("left").is("identifier")) return;
            String name = n.field("left").text();
            if (bound.containsKey(name) || rebound.contains(name)) {
                bound.remove(name);
                rebound.add(name);
                return;
            }
            PyNode read = n.field("right") == null ? null : passwordRead(unwrap(n.field("right")));
            if (read != null) bound.put(name, read);
            else rebound.add(name);
        });
        body.forEachDescendant(n -> {
            if (n.is("augmented_assignment") && n.field("left") != null) bound.remove(n.field("left").text());
        });
        return bound;
    }

    /** The request's password the value is, as it is (through str(), strip() and the like), or null. */
    private static PyNode source(PyNode value, Map<String, PyNode> passwords) {
        if (value == null) return null;
        PyNode plain = unwrap(value);
        if (plain.is("identifier") && passwords.containsKey(plain.text())) return passwords.get(plain.text());
        return passwordRead(plain);
    }

    /** {@code str(x)}, {@code x.strip()}, {@code x.encode()} are x. */
    private static PyNode unwrap(PyNode value) {
        PyNode at = value;
        while (at.is("call") && at.field("function") != null) {
            PyNode callee = at.field("function");
            List<PyNode> arguments = at.field("arguments") == null ? List.of() : at.field("arguments").namedChildren();
            if (callee.is("identifier") && KEEPS_TEXT.contains(callee.text()) && arguments.size() == 1) {
                at = arguments.get(0);
            } else if (callee.is("attribute") && KEEPS_TEXT.contains(text(callee.field("attribute")))) {
                at = callee.field("object");
            } else {
                break;
            }
        }
        return at;
    }

    /**
     * {@code request.form["password"]}, {@code request.json.get("pwd")}, {@code form.cleaned_data["password"]},
     * WTForms' {@code form.password.data}.
     */
    private static PyNode passwordRead(PyNode node) {
        if (node.is("subscript") && fromRequest(node.field("value"))
                && passwordField(key(node.field("subscript")))) {
            return node;
        }
        if (node.is("call") && node.field("function") != null && node.field("function").is("attribute")
                && text(node.field("function").field("attribute")).equals("get")
                && fromRequest(node.field("function").field("object")) && node.field("arguments") != null
                && !node.field("arguments").namedChildren().isEmpty()
                && passwordField(key(node.field("arguments").namedChildren().get(0)))) {
            return node;
        }
        if (node.is("attribute") && text(node.field("attribute")).equals("data") && node.field("object") != null
                && node.field("object").is("attribute")) {
            PyNode field = node.field("object");
            if (passwordField(text(field.field("attribute")))
                    && Identifiers.words(text(field.field("object"))).contains("form")) {
                return node;
            }
        }
        return null;
    }

    /** {@code request.form}, {@code request.get_json()}, {@code form.cleaned_data}, {@code serializer.validated_data}. */
    private static boolean fromRequest(PyNode node) {
        if (node == null) return false;
        PyNode at = node.is("call") && node.field("function") != null ? node.field("function") : node;
        if (!at.is("attribute") || at.field("object") == null) return false;
        String part = text(at.field("attribute"));
        String object = at.field("object").text();
        return REQUEST_PARTS.contains(part) && (object.equals("request") || object.equals("self.request")
                || part.equals("cleaned_data") || part.equals("validated_data"));
    }

    private static boolean passwordField(String name) {
        if (name == null) return false;
        List<String> words = Identifiers.words(name);
        return words.stream().anyMatch(PASSWORD_WORDS::contains) && words.stream().noneMatch(DERIVED_WORDS::contains)
                && !(words.contains("pass") && words.size() > 1 && !words.contains("word"));
    }

    /** {@code user}, {@code new_user}, {@code self.user}, {@code User}: an account of the application's users. */
    private static boolean userObject(PyNode node) {
        return node != null && userWords(node.text());
    }

    private static boolean userWords(String name) {
        return Identifiers.words(name).stream().anyMatch(USER_WORDS::contains);
    }

    private static boolean className(String name) {
        return !name.isEmpty() && Character.isUpperCase(name.charAt(0));
    }

    private static String key(PyNode node) {
        return node != null && node.is("string") && !StringLiteral.hasInterpolation(node) ? StringLiteral.value(node) : null;
    }

    private static String text(PyNode node) {
        return node == null ? "" : node.text();
    }
}
