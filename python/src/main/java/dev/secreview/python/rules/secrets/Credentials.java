package dev.secreview.python.rules.secrets;

import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds string literals given to a name that says it holds a password or a secret, in the five
 * shapes both credential rules share (assignment, keyword argument, parameter default, dict entry,
 * equality test), and decides whether the literal looks like a credential rather than a label, a
 * placeholder or a lookup key. Package-private; a candidate for the shared semantic layer.
 */
final class Credentials {

    enum Kind { PASSWORD, SECRET }

    /** How the literal is tied to the name. */
    enum Shape { ASSIGNMENT, KEYWORD, DEFAULT, DICT_ENTRY, COMPARISON }

    /** A literal credential candidate: the name, the literal node, and where it was found. */
    record Candidate(Kind kind, Shape shape, String name, PyNode literal, String value, PyNode site, String via) {
    }

    static final Set<String> NODE_TYPES = Set.of("assignment", "keyword_argument", "default_parameter",
            "typed_default_parameter", "pair", "comparison_operator");

    private static final Set<String> PASSWORD_WORDS = Set.of("password", "passwd", "pwd", "passphrase", "passwort",
            "passwords");

    /** Words that on their own name a secret. */
    private static final Set<String> SECRET_WORDS = Set.of("secret", "secrets", "token", "apikey", "apitoken",
            "accesskey", "secretkey", "privatekey", "authtoken");

    /** Qualifiers that make {@code key} a secret: api_key, access_key, private_key. */
    private static final Set<String> KEY_QUALIFIERS = Set.of("api", "access", "private", "signing", "encryption",
            "hmac", "master", "aes", "crypto", "secret");

    /** Words that say a name labels or describes a credential rather than holding one. */
    private static final Set<String> DESCRIPTORS = Set.of("field", "fields", "label", "prompt", "message", "msg",
            "text", "help", "hint", "placeholder", "url", "uri", "endpoint", "path", "file", "filename", "dir",
            "env", "var", "name", "names", "attr", "attribute", "param", "parameter", "column", "col", "header",
            "regex", "pattern", "re", "format", "fmt", "template", "policy", "min", "max", "length", "len", "chars",
            "algorithm", "algo", "scheme", "method", "type", "mode", "validator", "validators", "widget", "input",
            "form", "error", "errors", "required", "option", "opt", "prefix", "suffix", "separator", "encoding",
            "hasher", "hashers", "strength", "expiry", "expires", "expiration", "ttl", "lifetime", "timeout", "age",
            "count", "limit", "size", "ref", "location", "store", "backend", "provider", "driver", "class", "plugin",
            "manager", "version", "salt", "changed", "expired", "page", "next", "pagination",
            "continuation", "cursor", "sync", "id", "ids", "arn", "command", "cmd", "kind", "question",
            "generator", "rotation", "period", "interval", "enabled", "flag", "title", "description", "doc",
            "state", "status", "last", "used", "updated", "created", "date", "time", "timestamp", "history",
            "attempts", "retries", "set", "needed", "supplied", "provided", "given", "missing", "invalid", "wrong",
            "mismatch", "match", "confirm", "confirmation", "char", "digits", "symbols", "complexity", "rules",
            "security", "usage", "level", "scope", "visibility", "callback", "hook", "handler", "func", "function",
            "fn", "module", "loader", "getter", "fetcher", "factory");

    /** Words before {@code pass} that make {@code db_pass}, {@code smtp_pass} a password. */
    private static final Set<String> PASS_OWNERS = Set.of("db", "database", "mysql", "postgres", "pg", "redis", "root",
            "admin", "ldap", "smtp", "ftp", "mail", "email", "sql", "rabbit", "rabbitmq", "amqp", "proxy", "bind",
            "service", "svc", "vnc", "wifi", "ssh", "sudo", "keystore", "truststore");

    private static final Set<String> PLACEHOLDER_PARTS = Set.of("example", "placeholder", "your_", "your-", "<",
            "${", "{{", "%(", "%s", "redacted", "changethis", "xxxxx", "dummy", "fake", "sample");

    private static final Set<String> NON_VALUES = Set.of("none", "null", "nil", "undefined", "n/a", "na", "todo",
            "tbd", "fixme", "true", "false", "required", "optional", "hidden", "masked", "unset", "empty", "yes", "no",
            "on", "off", "enabled", "disabled", "unknown", "default", "auto", "any", "all", "string", "str", "text",
            "bearer", "basic");

    private static final Pattern IDENTIFIER_LIKE = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[_\\-.:][A-Za-z0-9]+)*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+");
    private static final Pattern FORMAT_FIELD = Pattern.compile("\\{[A-Za-z0-9_]*}");
    /** lower_snake_case words without digits: an enum value or a key name, not a password. */
    private static final Pattern ENUM_LIKE = Pattern.compile("[a-z]+(?:_[a-z]+)+");
    /** Dotted lower-case identifiers: a module path or an environ/registry key ("swift.callback.fetch_keys"). */
    private static final Pattern DOTTED_PATH = Pattern.compile("[a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)+");
    /** A name as a program writes it; dict keys such as "AWS::IAM::AccessKey" or "a.b" are not names. */
    private static final Pattern NAME_LIKE = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private Credentials() {
    }

    /** The kind of credential a name says it holds, or null. Descriptive names (password_field) are null. */
    static Kind kindOf(String name) {
        if (name == null || name.isEmpty()) return null;
        List<String> words = Identifiers.words(name);
        if (words.isEmpty()) return null;
        for (String word : words) {
            if (DESCRIPTORS.contains(word)) return null;
        }
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (PASSWORD_WORDS.contains(word)) return Kind.PASSWORD;
            // db_pass, smtp_pass, "pass" + "phrase" (but not user_pass, first_pass)
            if (word.equals("pass") && ((i == words.size() - 1 && i > 0 && PASS_OWNERS.contains(words.get(i - 1)))
                    || (i + 1 < words.size() && words.get(i + 1).equals("phrase")))) {
                return Kind.PASSWORD;
            }
        }
        for (String word : words) {
            if (SECRET_WORDS.contains(word)) return Kind.SECRET;
        }
        for (int i = 0; i < words.size(); i++) {
            if ((words.get(i).equals("key") || words.get(i).equals("token")) && i > 0
                    && KEY_QUALIFIERS.contains(words.get(i - 1))) {
                return Kind.SECRET;
            }
        }
        return null;
    }

    /** The credential candidate at a node of one of {@link #NODE_TYPES}, or null. */
    static Candidate candidate(PyNode node, Values values) {
        switch (node.type()) {
            case "assignment" -> {
                PyNode left = node.field("left");
                String name = Identifiers.targetName(left);
                return make(name, Shape.ASSIGNMENT, node.field("right"), node, values);
            }
            case "keyword_argument" -> {
                PyNode name = node.field("name");
                return make(name == null ? null : name.text(), Shape.KEYWORD, node.field("value"), node, values);
            }
            case "default_parameter", "typed_default_parameter" -> {
                PyNode name = node.field("name");
                return make(name == null ? null : name.text(), Shape.DEFAULT, node.field("value"), node, values);
            }
            case "pair" -> {
                PyNode key = node.field("key");
                Optional<String> name = key == null ? Optional.empty() : values.string(key);
                return make(name.orElse(null), Shape.DICT_ENTRY, node.field("value"), node, values);
            }
            case "comparison_operator" -> {
                List<PyNode> operands = node.namedChildren();
                List<PyNode> operators = node.fields("operators");
                if (operands.size() != 2 || operators.size() != 1) return null;
                String op = operators.get(0).text();
                if (!op.equals("==") && !op.equals("!=")) return null;
                PyNode a = operands.get(0);
                PyNode b = operands.get(1);
                Candidate left = make(operandName(a, values), Shape.COMPARISON, b, node, values);
                return left != null ? left : make(operandName(b, values), Shape.COMPARISON, a, node, values);
            }
            default -> {
                return null;
            }
        }
    }

    private static Candidate make(String name, Shape shape, PyNode value, PyNode site, Values values) {
        if (name == null || value == null || !NAME_LIKE.matcher(name).matches()) return null;
        Kind kind = kindOf(name);
        if (kind == null) return null;
        PyNode literal = literal(value, values);
        if (literal == null) return null;
        Optional<String> text = values.string(literal);
        if (text.isEmpty() || !looksLikeCredential(text.get(), name, kind)) return null;
        PyNode direct = value;
        while (direct.is("parenthesized_expression") && direct.namedChildren().size() == 1) {
            direct = direct.namedChildren().get(0);
        }
        String via = direct.is("identifier") ? direct.text() : null;
        return new Candidate(kind, shape, name, literal, text.get(), site, via);
    }

    /**
     * The string literal an expression is: a literal itself, or a name assigned once to a literal
     * when that name does not itself say credential (then it is reported where it is assigned).
     */
    private static PyNode literal(PyNode value, Values values) {
        PyNode v = value;
        while (v.is("parenthesized_expression") && v.namedChildren().size() == 1) v = v.namedChildren().get(0);
        if (v.is("string") || v.is("concatenated_string")) return values.string(v).isPresent() ? v : null;
        if (v.is("identifier") && kindOf(v.text()) == null) {
            PyNode assigned = values.singleAssignedValue(v);
            if (assigned != null && (assigned.is("string") || assigned.is("concatenated_string"))
                    && values.string(assigned).isPresent()) {
                return assigned;
            }
        }
        return null;
    }

    /** Whether a literal given to a credential name looks like a real credential. */
    static boolean looksLikeCredential(String value, String name, Kind kind) {
        String v = value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if (v.isEmpty() || NON_VALUES.contains(lower)) return false;
        // A framework's signing key is a key whatever it reads like ("super secret key", "dev-secret"): only a
        // placeholder, a reference to the environment, a template field or a label made of the name's own words
        // ("Secret key" in a form's labels) says it is not the key itself.
        if (kind == Kind.SECRET && isSigningKeyName(name)) {
            return !notAValue(v, lower) && !Identifiers.words(name).containsAll(Identifiers.words(v))
                    && !namesASetting(v, Identifiers.words(name), kind);
        }
        if (!v.equals(value) || v.chars().anyMatch(Character::isWhitespace)) return false;
        if (v.chars().distinct().count() == 1 && v.length() > 1) return false;  // xxxx
        if (v.chars().noneMatch(Character::isLetterOrDigit)) return false;  // ****, :****, ---
        if (looksLikeRegex(v) || ENUM_LIKE.matcher(v).matches() || DOTTED_PATH.matcher(v).matches()) return false;
        if (notAValue(v, lower)) return false;
        List<String> nameWords = Identifiers.words(name);
        if (namesASetting(v, nameWords, kind)) return false;
        // a name that only says "token" is as often a lexer or paging token: ask for a random-looking value
        if (kind == Kind.SECRET && !nameWords.contains("secret") && !nameWords.contains("key")
                && !nameWords.contains("apikey") && (v.length() < 8 || !looksRandom(v))) {
            return false;
        }
        return true;
    }

    /** A literal given where only a key can go (a JWT library's key argument): a key unless it is a placeholder or a reference. */
    static boolean literalKey(String value) {
        String v = value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        return !v.isEmpty() && !NON_VALUES.contains(lower) && !notAValue(v, lower);
    }

    /** "password", "X-Auth-Token", "admin_password", "fungible:kmip_secret_key": a label, header or setting's name. */
    private static boolean namesASetting(String v, List<String> nameWords, Kind kind) {
        if (!IDENTIFIER_LIKE.matcher(v).matches()) return false;
        List<String> valueWords = Identifiers.words(v);
        if (valueWords.equals(nameWords)) return true;
        for (String word : valueWords) {
            boolean label = kind == Kind.PASSWORD ? PASSWORD_WORDS.contains(word) || word.equals("pass")
                    : SECRET_WORDS.contains(word) || word.equals("key") || word.equals("keys") || word.equals("auth");
            if (label) return true;
        }
        return false;
    }

    /** A placeholder, a path or URL, a reference to the environment or a template field: not a credential's value. */
    private static boolean notAValue(String v, String lower) {
        for (String part : PLACEHOLDER_PARTS) {
            if (lower.contains(part)) return true;
        }
        return v.startsWith("$") || v.startsWith("/") || v.startsWith("~/") || v.startsWith("./") || lower.contains("://")
                || FORMAT_FIELD.matcher(v).find()
                || ENV_NAME.matcher(v).matches();  // DB_PASSWORD: the name of an env var or setting
    }

    /** SECRET_KEY, app.secret_key, JWT_SIGNING_KEY: the key a web framework signs sessions and tokens with. */
    static boolean isSigningKeyName(String name) {
        List<String> words = Identifiers.words(name);
        int n = words.size();
        if (n < 2 || !words.get(n - 1).equals("key")) return false;
        String qualifier = words.get(n - 2);
        return (qualifier.equals("secret") || qualifier.equals("signing")) && !words.contains("access")
                && !words.contains("aws") && !words.contains("api") && !words.contains("client");
    }

    /** Letters and digits mixed, or three kinds of characters: what generated keys and tokens look like. */
    private static boolean looksRandom(String v) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isLowerCase(c)) lower = true;
            else if (Character.isUpperCase(c)) upper = true;
            else if (Character.isDigit(c)) digit = true;
            else other = true;
        }
        int kinds = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        return ((lower || upper) && digit) || kinds >= 3;
    }

    private static boolean looksLikeRegex(String v) {
        return v.contains("\\w") || v.contains("\\d") || v.contains("\\s") || v.contains("\\b") || v.contains("(?")
                || v.contains("[^") || (v.startsWith("^") && v.endsWith("$"));
    }


    /** The name a compared operand says it is: {@code password}, {@code form.password}, {@code request.form["password"]}. */
    private static String operandName(PyNode operand, Values values) {
        return switch (operand.type()) {
            case "identifier" -> operand.text();
            case "attribute" -> {
                PyNode attribute = operand.field("attribute");
                if (attribute == null) yield null;
                // form.password.data == "..."
                PyNode object = operand.field("object");
                if ((attribute.text().equals("data") || attribute.text().equals("value")) && object != null
                        && object.is("attribute") && object.field("attribute") != null) {
                    yield object.field("attribute").text();
                }
                yield attribute.text();
            }
            case "subscript" -> {
                PyNode key = operand.field("subscript");
                yield key == null ? null : values.string(key).orElse(null);
            }
            case "call" -> {
                // request.form.get("password") == "..."
                PyNode function = operand.field("function");
                PyNode args = operand.field("arguments");
                if (function == null || !function.is("attribute") || args == null || args.namedChildren().isEmpty()
                        || function.field("attribute") == null || !function.field("attribute").text().equals("get")) {
                    yield null;
                }
                yield values.string(args.namedChildren().get(0)).orElse(null);
            }
            default -> null;
        };
    }

    /** A value shown in a message without revealing it: first two characters and the length. */
    static String masked(String value) {
        if (value.length() <= 4) return "\"" + "*".repeat(value.length()) + "\" (" + value.length() + " characters)";
        return "\"" + value.substring(0, 2) + "…\" (" + value.length() + " characters)";
    }

    /** Where the literal went, for a message. */
    static String describe(Candidate c) {
        String literal = (c.via() == null ? "the literal " : "`" + c.via() + "`, the literal ") + masked(c.value());
        return switch (c.shape()) {
            case ASSIGNMENT -> "`" + c.name() + "` is set to " + literal;
            case KEYWORD -> "`" + c.name() + "=` is passed " + literal;
            case DEFAULT -> "Parameter `" + c.name() + "` defaults to " + literal;
            case DICT_ENTRY -> "Key `" + c.name() + "` holds " + literal;
            case COMPARISON -> "`" + c.name() + "` is compared with " + literal;
        };
    }
}
