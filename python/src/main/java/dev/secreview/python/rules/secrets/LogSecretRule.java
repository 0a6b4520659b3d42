package dev.secreview.python.rules.secrets;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Binding;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.Interpolation;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleInfo(
        id = "py-log-secret",
        cwe = 532,
        severity = Severity.MEDIUM,
        confidence = Confidence.HIGH,
        summary = "A logging call writes a password, token, API key or other secret into the log.",
        fix = "Do not log the secret: drop it from the message, or mask it first, e.g. "
                + "LOG.debug(\"Connecting with %s\", strutils.mask_password(conn_str)) with oslo_utils.strutils.")
public final class LogSecretRule implements CallRule {

    private static final Set<String> LEVELS = Set.of("debug", "info", "warning", "warn", "error", "exception",
            "critical", "fatal", "log");

    /** Single words that name a secret. */
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwords", "passwd", "pwd", "passphrase",
            "secret", "secrets", "token", "tokens", "apikey", "privatekey", "accesskey", "secretkey", "authtoken",
            "credential", "credentials");

    /** Words before {@code key} that make it a secret: api_key, private_key, access_key, secret_key. */
    private static final Set<String> KEY_QUALIFIERS = Set.of("api", "private", "access", "secret");

    /** Words that make a name describe a secret (its id, length, expiry, location) rather than hold it. */
    private static final Set<String> METADATA = Set.of("id", "ids", "uuid", "name", "names", "length", "len", "size",
            "count", "expiry", "expires", "expiration", "expire", "ttl", "lifetime", "age", "type", "types", "kind",
            "field", "fields", "file", "filename", "path", "dir", "url", "uri", "endpoint", "ref", "href", "info",
            "format", "fmt", "policy", "min", "max", "required", "enabled", "set", "provided", "missing", "invalid",
            "valid", "header", "headers", "label", "prompt", "msg", "message", "opt", "option", "options", "version",
            "location", "store", "backend", "plugin", "driver", "class", "manager", "mode", "scope", "method",
            "time", "timestamp", "created", "updated", "changed", "hash", "hashed", "digest", "fingerprint",
            "salt", "algorithm", "strength", "is", "has", "use", "needs", "needed", "allow", "allowed", "env",
            "var", "arn", "template", "pattern", "regex", "error", "errors", "expected",
            "status", "state", "flag", "num", "number", "hint", "help", "attr", "attribute", "param",
            "prefix", "suffix", "mask", "masked", "redacted", "sanitized", "encrypted", "generator", "helper",
            "plugins", "loader", "cache", "refresh", "pos", "position", "index", "idx", "offset", "start",
            "starting", "end", "line", "col", "column", "next", "page", "pagination", "paging", "continuation",
            "cursor", "marker", "ignored", "unused");

    /**
     * Words before a final {@code token} that make it an authentication token; a bare {@code token} also
     * counts, while {@code acquire_token} or {@code next_token} (semaphores, lexers, paging) do not.
     */
    private static final Set<String> TOKEN_QUALIFIERS = Set.of("auth", "access", "refresh", "bearer", "session",
            "api", "csrf", "xsrf", "keystone", "admin", "service", "user", "subject", "security", "oauth", "oauth2",
            "jwt", "reset", "verification", "activation", "invite", "invitation", "confirmation", "client", "id",
            "identity", "trust", "secret", "private", "signing", "console", "scoped", "unscoped", "federated", "os",
            "github", "gitlab", "slack", "bot", "personal", "sas", "vault", "registration");

    /** Token ids that in OpenStack Keystone are the bearer token itself. */
    private static final Set<List<String>> TOKEN_IDS = Set.of(List.of("token", "id"), List.of("auth", "token", "id"),
            List.of("subject", "token", "id"));

    /** Functions whose call returns a secret named by the rest of their name: get_password(), read_token(). */
    private static final Set<String> GETTER_VERBS = Set.of("get", "read", "load", "fetch", "decrypt", "generate");

    /** Calls and methods that hand back their argument's text unchanged. */
    private static final Set<String> PASSTHROUGH_FUNCTIONS = Set.of("str", "repr");
    /** Methods that check a policy: oslo.policy's {@code Enforcer.enforce}/{@code authorize} and the wrappers named after them. */
    private static final Set<String> POLICY_CHECKS = Set.of("enforce", "authorize");
    /** Methods of str and bytes: a name they are called on may still hold the secret text itself. */
    private static final Set<String> TEXT_METHODS = Set.of("decode", "encode", "strip", "rstrip", "lstrip", "split",
            "rsplit", "splitlines", "startswith", "endswith", "lower", "upper", "replace", "format", "join", "find",
            "rfind", "index", "count", "partition", "rpartition", "hex", "isdigit", "isalnum", "zfill", "ljust",
            "rjust", "center", "casefold", "title", "translate", "removeprefix", "removesuffix", "expandtabs");
    private static final Set<String> PASSTHROUGH_METHODS = Set.of("decode", "encode", "strip", "rstrip", "lstrip");

    private static final String HEADER_MAP = "request header map";
    private static final Pattern NAMED_CONVERSION = Pattern.compile("%\\(([^)]*)\\)");

    @Override
    public void visitCall(Call call, RuleContext context) {
        String method = call.name();
        PythonFile file = context.file();
        boolean alias = !LEVELS.contains(method) && loggerAlias(call, file);
        if (!alias && (!LEVELS.contains(method) || !isLogger(call, file))) return;
        List<PyNode> positional = call.positional();
        int messageIndex = "log".equals(method) ? 1 : 0;
        if (positional.size() <= messageIndex) return;
        Values values = context.values();
        PyNode message = positional.get(messageIndex);
        Interpolation.Result built = Interpolation.of(message, file, values);
        Set<String> referenced = referencedKeys(built == null ? values.string(message).orElse(null) : built.literal());

        Finding found = null;
        if (built == null) {
            found = direct(message, file, values);
        } else {
            for (PyNode part : built.parts()) {
                found = better(found, formatted(part, file, values));
            }
        }
        List<PyNode> arguments = positional.subList(messageIndex + 1, positional.size());
        for (PyNode argument : arguments) {
            found = better(found, argument(argument, arguments.size() == 1 ? referenced : Set.of(), file, values));
        }
        PyNode extra = call.keyword("extra");
        if (extra != null) found = better(found, requestHeadersWithin(extra));
        if (found == null) return;
        String logger = call.function().text().replaceAll("\\s+", "");
        String msg = found.what.equals(HEADER_MAP)
                ? "`" + logger + "(...)` writes " + Interpolation.quote(found.value) + ", every header of the request, "
                        + "to the log: the Authorization, Cookie and X-Auth-Token headers carry the caller's "
                        + "credentials, and log files are read by operators and shipped to collectors."
                : found.dict == null
                ? "`" + logger + "(...)` writes " + Interpolation.quote(found.value) + " to the log, and its name "
                        + "says it holds " + article(found.what) + "; log files are read by operators and shipped "
                        + "to collectors, so the credential leaks with them."
                : "`" + logger + "(...)` logs " + Interpolation.quote(found.dict) + ", whose entry `" + found.key
                        + "` holds " + article(found.what) + " (" + Interpolation.quote(found.value)
                        + "); the whole dict, credential included, ends up in the log.";
        String fix = found.what.equals(HEADER_MAP)
                ? "Log only the headers you need, by name, and never Authorization, Cookie or X-Auth-Token "
                        + "(or mask them first with oslo_utils `strutils.mask_dict_password(...)`)."
                : "Drop " + Interpolation.quote(found.dict == null ? found.value : found.dict)
                + " from the log call, or mask it first with oslo_utils `strutils.mask_password(...)` (text) or "
                + "`strutils.mask_dict_password(...)` (dicts).";
        context.report(call.node(), msg, Severity.MEDIUM, found.confidence, fix);
    }

    private static String article(String what) {
        return ("aeiouAEIOU".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what;
    }

    /** A secret value found among what a call logs. */
    private record Finding(PyNode value, String what, Confidence confidence, PyNode dict, String key) {
    }

    private static Finding better(Finding current, Finding candidate) {
        if (current == null) return candidate;
        if (candidate == null) return current;
        return current.confidence == Confidence.HIGH || candidate.confidence != Confidence.HIGH ? current : candidate;
    }

    /** Whether the call is a logging call: resolved to logging / oslo.log, or a method on a logger-named object. */
    private static boolean isLogger(Call call, PythonFile file) {
        String callee = call.callee();
        if (callee != null && (callee.startsWith("logging.") || callee.startsWith("oslo_log.log."))) return true;
        return loggerNamed(call.receiver());
    }

    /** {@code LOG}, {@code self.logger}, {@code access_log}: a name with the word log, logger or logging. */
    private static boolean loggerNamed(PyNode receiver) {
        if (receiver == null) return false;
        String name = switch (receiver.type()) {
            case "identifier" -> receiver.text();
            case "attribute" -> receiver.field("attribute") == null ? null : receiver.field("attribute").text();
            default -> null;
        };
        if (name == null) return false;
        for (String word : Identifiers.words(name)) {
            if (word.equals("log") || word.equals("logger") || word.equals("logging") || word.equals("lg")) {
                return true;
            }
        }
        return false;
    }

    /** The {@code %(key)s} names a constant logging template uses. */
    private static Set<String> referencedKeys(String template) {
        if (template == null) return Set.of();
        Set<String> keys = new HashSet<>();
        Matcher m = NAMED_CONVERSION.matcher(template);
        while (m.find()) keys.add(m.group(1));
        return keys;
    }

    /** A part inserted into the message by %, format() or an f-string. */
    private static Finding formatted(PyNode part, PythonFile file, Values values) {
        Finding found = direct(part, file, values);
        if (found != null) return found;
        PyNode parent = part.parent();
        if (parent == null) return null;
        // "{password}".format(password=pw), "%(password)s" % {"password": pw}
        String label = null;
        if (parent.is("keyword_argument") && parent.field("value") == part && parent.field("name") != null) {
            label = parent.field("name").text();
        } else if (parent.is("pair") && parent.field("value") == part) {
            label = values.string(parent.field("key")).orElse(null);
        }
        if (label == null || masks(part, file)) return null;
        String what = secretKind(label);
        return what == null ? null : new Finding(part, what, Confidence.HIGH, null, null);
    }

    /** A positional argument after the message. */
    private static Finding argument(PyNode argument, Set<String> referenced, PythonFile file, Values values) {
        Finding found = direct(argument, file, values);
        if (found != null) return found;
        PyNode dict = argument;
        if (argument.is("identifier")) {
            PyNode assigned = values.singleAssignedValue(argument);
            if (assigned != null && assigned.is("dictionary")) dict = assigned;
        }
        if (!dict.is("dictionary")) return null;
        for (PyNode pair : dict.namedChildren()) {
            if (!pair.is("pair")) continue;
            Optional<String> key = values.string(pair.field("key"));
            PyNode value = pair.field("value");
            if (key.isEmpty() || value == null) continue;
            // with "%(host)s" and a dict argument, logging formats only the keys the template names
            if (!referenced.isEmpty() && !referenced.contains(key.get())) continue;
            if (value.is("identifier") && notSecretText(value, file)) continue;
            Finding inner = direct(value, file, values);
            String what = inner != null ? inner.what : masks(value, file) ? null : secretKind(key.get());
            if (what == null) continue;
            // The template names the key, so the value is logged; how sure it is a secret is the value's own.
            if (!referenced.isEmpty()) return new Finding(value, what, inner != null ? inner.confidence() : Confidence.HIGH, null, null);
            return new Finding(value, what, Confidence.MEDIUM, argument, key.get());
        }
        return null;
    }

    /**
     * A variable every assignment of which is a logger's level method ({@code log_method = access_log.error}),
     * called as the project's own logging shorthand.
     */
    private static boolean loggerAlias(Call call, PythonFile file) {
        PyNode function = call.function();
        if (function == null || !function.is("identifier")) return false;
        List<Binding> bindings = file.resolve(function.text(), function);
        if (bindings.isEmpty()) return false;
        for (Binding binding : bindings) {
            PyNode value = binding.kind() == Binding.Kind.ASSIGNMENT ? binding.value() : null;
            if (value == null || !value.is("attribute") || value.field("attribute") == null
                    || !LEVELS.contains(value.field("attribute").text()) || !loggerNamed(value.field("object"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A request's headers, cookies or WSGI/Django header map handed to the log whole ({@code req.headers},
     * {@code dict(request.headers)}, {@code json.dumps(dict(self.request.headers))}): they carry the
     * Authorization, Cookie and X-Auth-Token headers.
     */
    private static Finding requestHeaders(PyNode value) {
        PyNode v = value;
        for (int i = 0; v != null && i < 6 && v.is("call"); i++) {
            PyNode function = v.field("function");
            PyNode args = v.field("arguments");
            List<PyNode> list = args == null ? List.of() : args.namedChildren();
            String name = function == null ? "" : function.is("attribute") && function.field("attribute") != null
                    ? function.field("attribute").text() : function.text();
            if (function != null && function.is("attribute") && Set.of("items", "copy").contains(name)) {
                v = function.field("object");
            } else if (Set.of("dict", "str", "repr", "list", "dumps", "json.dumps", "pformat", "pprint.pformat")
                    .contains(name) && !list.isEmpty() && !list.get(0).is("keyword_argument")) {
                v = list.get(0);
            } else {
                return null;
            }
        }
        if (v == null || !v.is("attribute") || v.field("attribute") == null) return null;
        String part = v.field("attribute").text();
        if (!Set.of("headers", "cookies", "COOKIES", "META").contains(part)) return null;
        PyNode owner = v.field("object");
        String ownerName = owner == null ? null : owner.is("attribute") && owner.field("attribute") != null
                ? owner.field("attribute").text() : owner.is("identifier") ? owner.text() : null;
        if (ownerName == null) return null;
        List<String> words = Identifiers.words(ownerName);
        if (!words.contains("request") && !words.contains("req")) return null;
        return new Finding(value, HEADER_MAP, Confidence.HIGH, null, null);
    }

    private static Finding requestHeadersWithin(PyNode expr) {
        Finding[] found = {requestHeaders(expr)};
        expr.forEachDescendant(n -> {
            if (found[0] == null && (n.is("attribute") || n.is("call"))) found[0] = requestHeaders(n);
        });
        return found[0];
    }

    /** The value itself is named as a secret: {@code password}, {@code self.auth_token}, {@code creds["secret"]}. */
    private static Finding direct(PyNode value, PythonFile file, Values values) {
        Finding headers = requestHeaders(value);
        if (headers != null) return headers;
        PyNode v = unwrap(value);
        if (v == null) return null;
        String name = valueName(v, values);
        if (name == null) return null;
        String what = secretKind(name);
        if (what == null) return null;
        if (v.is("identifier") && (!holdsValue(v, file) || checkedAsError(v) || notSecretText(v, file))) return null;
        boolean object = what.equals("credential");
        boolean tokenId = what.equals("token id");
        return new Finding(value, tokenId ? "token (a Keystone token id is the bearer token)" : what,
                object || tokenId ? Confidence.MEDIUM : Confidence.HIGH, null, null);
    }

    /**
     * Whether the logged name sits in an {@code if 'Code' in credentials:} branch: the code checked that
     * the value is an error reply (error code or message keys), not the secret it was meant to hold.
     */
    private static boolean checkedAsError(PyNode identifier) {
        for (PyNode n = identifier.parent(); n != null && !n.is("function_definition"); n = n.parent()) {
            PyNode block = n;
            PyNode statement = n.parent();
            if (statement == null || !statement.is("if_statement") || statement.field("consequence") != block) continue;
            PyNode condition = statement.field("condition");
            if (condition == null) continue;
            boolean[] errorKey = {false};
            condition.forEachDescendant(c -> {
                if (!c.is("comparison_operator") || c.namedChildren().size() != 2) return;
                List<PyNode> operators = c.fields("operators");
                PyNode key = c.namedChildren().get(0);
                PyNode container = c.namedChildren().get(1);
                if (operators.size() == 1 && operators.get(0).text().equals("in") && key.is("string")
                        && container.is("identifier") && container.text().equals(identifier.text())) {
                    for (String word : Identifiers.words(key.text())) {
                        if (word.equals("error") || word.equals("errors") || word.equals("code")
                                || word.equals("message") || word.equals("fault")) {
                            errorKey[0] = true;
                        }
                    }
                }
            });
            if (errorKey[0]) return true;
        }
        return false;
    }

    private static PyNode unwrap(PyNode value) {
        PyNode v = value;
        for (int i = 0; v != null && i < 8; i++) {
            if (v.is("parenthesized_expression") && v.namedChildren().size() == 1) {
                v = v.namedChildren().get(0);
            } else if (v.is("call")) {
                PyNode function = v.field("function");
                PyNode args = v.field("arguments");
                List<PyNode> list = args == null ? List.of() : args.namedChildren();
                if (function != null && function.is("identifier") && PASSTHROUGH_FUNCTIONS.contains(function.text())
                        && list.size() == 1) {
                    v = list.get(0);
                } else if (function != null && function.is("attribute") && function.field("attribute") != null
                        && PASSTHROUGH_METHODS.contains(function.field("attribute").text())) {
                    v = function.field("object");
                } else {
                    return v;
                }
            } else {
                return v;
            }
        }
        return v;
    }

    /** The name a value goes by: a variable, an attribute, a constant subscript key, {@code .get("key")}, a getter. */
    private static String valueName(PyNode v, Values values) {
        switch (v.type()) {
            case "identifier":
                return v.text();
            case "attribute":
                return v.field("attribute") == null ? null : v.field("attribute").text();
            case "subscript": {
                PyNode key = v.field("subscript");
                return key == null ? null : values.string(key).orElse(null);
            }
            case "call": {
                PyNode function = v.field("function");
                if (function == null || !function.is("attribute") || function.field("attribute") == null) {
                    return getterName(function);
                }
                String method = function.field("attribute").text();
                PyNode args = v.field("arguments");
                if ((method.equals("get") || method.equals("pop")) && args != null && !args.namedChildren().isEmpty()
                        && args.namedChildren().get(0).is("string")) {
                    return values.string(args.namedChildren().get(0)).orElse(null);
                }
                return getterName(function);
            }
            default:
                return null;
        }
    }

    /** {@code get_password()}, {@code self._read_token()}: the rest of the name; null for other functions. */
    private static String getterName(PyNode function) {
        if (function == null) return null;
        String name = function.is("attribute") ? (function.field("attribute") == null ? null
                : function.field("attribute").text()) : function.is("identifier") ? function.text() : null;
        if (name == null) return null;
        List<String> words = Identifiers.words(name);
        if (words.size() < 2 || !GETTER_VERBS.contains(words.get(0))) return null;
        return String.join("_", words.subList(1, words.size()));
    }

    /** A name whose use in its function shows it holds an object or a policy context, whatever its name says. */
    private static boolean notSecretText(PyNode identifier, PythonFile file) {
        return usedAsObject(identifier, file) || policyContext(identifier, file);
    }

    /**
     * Whether the function reads fields of the name ({@code token.expires_at}) other than text methods: it then
     * holds an object (a token model, a credentials record), and the log shows what its class's repr shows,
     * not the secret string the name suggests.
     */
    private static boolean usedAsObject(PyNode identifier, PythonFile file) {
        return anyUse(identifier, file, use -> {
            PyNode parent = use.parent();
            return parent.is("attribute") && "object".equals(use.field()) && parent.field("attribute") != null
                    && !TEXT_METHODS.contains(parent.field("attribute").text());
        });
    }

    /**
     * Whether the function hands the name to a policy check ({@code policy.enforce(credentials, action, target)},
     * {@code enforcer.authorize(...)}): the credentials of a policy check are the caller's authorization context
     * (user and project ids, roles), not a secret.
     */
    private static boolean policyContext(PyNode identifier, PythonFile file) {
        return anyUse(identifier, file, use -> {
            PyNode call = use.parent().is("argument_list") ? use.parent().parent() : null;
            PyNode callee = call == null ? null : call.field("function");
            PyNode method = callee != null && callee.is("attribute") ? callee.field("attribute") : null;
            return method != null && POLICY_CHECKS.contains(method.text());
        });
    }

    /** Whether some use of the same binding of the name in its function is one {@code test} accepts. */
    private static boolean anyUse(PyNode identifier, PythonFile file, java.util.function.Predicate<PyNode> test) {
        PyNode function = file.enclosingFunction(identifier);
        if (function == null) return false;
        List<Binding> bindings = file.resolve(identifier.text(), identifier);
        boolean[] found = {false};
        function.forEachDescendant(n -> {
            if (!found[0] && n.is("identifier") && n.text().equals(identifier.text()) && n.parent() != null
                    && test.test(n) && file.resolve(n.text(), n).equals(bindings)) {
                found[0] = true;
            }
        });
        return found[0];
    }

    /** A plain name that holds a value: not a module ({@code import pwd}) and not {@code pwd = os.getcwd()}. */
    private static boolean holdsValue(PyNode identifier, PythonFile file) {
        List<Binding> bindings = file.resolve(identifier.text(), identifier);
        for (Binding binding : bindings) {
            if (binding.kind() == Binding.Kind.IMPORT || binding.kind() == Binding.Kind.DEFINITION) return false;
        }
        PyNode made = file.constructorCall(identifier);
        if (made != null) {
            String callee = file.qualifiedName(made.field("function"));
            return callee == null || !(callee.equals("os.getcwd") || callee.equals("os.getcwdb"));
        }
        return true;
    }

    /** A call that masks or hashes its argument, so the secret itself is not logged. */
    private static boolean masks(PyNode value, PythonFile file) {
        PyNode v = value;
        while (v.is("parenthesized_expression") && v.namedChildren().size() == 1) v = v.namedChildren().get(0);
        if (!v.is("call")) return v.is("comparison_operator") || v.is("not_operator") || v.is("boolean_operator")
                || v.is("integer") || v.is("none") || v.is("true") || v.is("false") || v.is("string")
                || Interpolation.isNumeric(v, file);
        return true;  // a call's result is not the key's secret unless its name says so (checked first)
    }

    /** What kind of secret a name says it holds, or null: "password", "token", "API key", "credential". */
    static String secretKind(String name) {
        if (name == null || name.isEmpty()) return null;
        List<String> words = Identifiers.words(name);
        if (words.isEmpty()) return null;
        if (TOKEN_IDS.contains(words)) return "token id";
        String kind = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("key") && i > 0 && KEY_QUALIFIERS.contains(words.get(i - 1))) {
                kind = words.get(i - 1).equals("api") ? "API key" : words.get(i - 1) + " key";
            } else if ((word.equals("token") || word.equals("tokens"))
                    && (i != words.size() - 1 || (i > 0 && !TOKEN_QUALIFIERS.contains(words.get(i - 1))))) {
                continue;  // token_pos, acquire_token, starting_token: not a credential
            } else if (kind == null && SECRET_WORDS.contains(word)) {
                kind = switch (word) {
                    case "password", "passwords", "passwd", "pwd", "passphrase" -> "password";
                    case "token", "tokens", "authtoken" -> "token";
                    case "credential", "credentials" -> "credential";
                    case "apikey" -> "API key";
                    case "privatekey" -> "private key";
                    case "accesskey" -> "access key";
                    case "secretkey" -> "secret key";
                    default -> "secret";
                };
            }
        }
        if (kind == null) return null;
        for (String word : words) {
            if (METADATA.contains(word)) return null;
        }
        return kind;
    }
}
