package dev.secreview.python.rules.crypto;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "py-insecure-random",
        cwe = 330,
        judgedBy = "secret",
        severity = Severity.HIGH,
        confidence = Confidence.HIGH,
        summary = "The random module (a Mersenne Twister) makes a token, password, key, nonce or other secret value.",
        fix = "Use the secrets module: secrets.token_urlsafe(32), secrets.token_hex(16), "
                + "''.join(secrets.choice(alphabet) for _ in range(n)), secrets.randbelow(10**6) for numeric codes.",
        altNames = {"B311"})
public final class InsecureRandomRule implements CallRule {

    private static final Set<String> FUNCTIONS = Set.of("random", "randint", "randrange", "choice", "choices",
            "getrandbits", "sample", "shuffle", "uniform", "randbytes");

    /**
     * Words that on their own say the value is a secret. A salt is not one: it must be unique, not
     * unpredictable, so {@code random} making it is not CWE-330.
     */
    private static final Set<String> SECRET_WORDS = Set.of("token", "tokens", "password", "passwords", "passwd",
            "passphrase", "pwd", "secret", "secrets", "nonce", "otp", "totp", "hotp", "csrf", "xsrf",
            "apikey", "sessionid", "sessid", "passcode");

    private static final Set<String> LIST_ADDERS = Set.of("append", "extend", "insert");

    /** Sources of cryptographically strong randomness: values they make are not guessable. */
    private static final Set<String> CSPRNG_PREFIXES = Set.of("os.urandom", "os.getrandom", "secrets.",
            "random.SystemRandom", "ssl.RAND_bytes", "Crypto.Random.", "Cryptodome.Random.");

    /** Words that name a secret only together with a qualifier from {@link #QUALIFIERS}. */
    private static final Set<String> HEADS = Set.of("key", "code", "id", "session", "link", "hash", "cookie");

    /** Qualifiers that make a key/code/id/session a secret (api_key, reset_code, session_id). */
    private static final Set<String> QUALIFIERS = Set.of("api", "secret", "private", "signing", "encryption", "crypt",
            "crypto", "aes", "hmac", "session", "access", "auth", "master", "license", "activation", "reset", "verify",
            "verification", "confirm", "confirmation", "login", "sms", "mfa", "2fa", "invite", "invitation",
            "security", "recovery", "unlock", "otp");

    /** Words in the enclosing function's name that say the random value is not a secret. */
    private static final Set<String> NOT_SECRET = Set.of("boundary", "delimiter", "jitter", "backoff", "delay",
            "sleep", "retry", "sample", "sampling", "color", "colour", "demo", "mock", "fake", "dummy", "example",
            "shuffle");

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null) return;
        String function;
        if (callee.startsWith("random.") && callee.indexOf('.', 7) < 0) {
            function = callee.substring(7);
        } else if (callee.startsWith("random.Random().")) {
            function = callee.substring("random.Random().".length());
        } else {
            return;
        }
        if (!FUNCTIONS.contains(function)) return;
        PyNode target = call.node();
        if (function.equals("shuffle")) {
            // shuffle works in place: the secret is the list it shuffles
            PyNode list = call.argument(0, "x");
            if (list == null || !list.is("identifier")) return;
            String why = secretName(List.of(list.text()));
            if (why == null) return;
            if (filledFromCsprng(list, call.node(), context.file())) {
                if (!shuffledBefore(call, list, context.file())) reportOrderOnly(call, list, context);
            } else {
                report(call, context, why, list.text());
            }
            return;
        }
        List<String> destinations = CryptoSupport.destinationNames(target, context.file());
        // salt = random...: the value is a salt even when the function then returns a password hash built with it.
        if (!destinations.isEmpty() && Identifiers.words(destinations.get(0)).contains("salt")) return;
        String why = secretName(destinations);
        if (why == null && generatesText(call)) why = plainKey(destinations);
        if (why == null || notSecretHere(call, context)) return;
        report(call, context, why, null);
    }

    private static void report(Call call, RuleContext context, String name, String shuffled) {
        String what = shuffled != null ? "shuffles `" + shuffled + "`"
                : name.endsWith("()") ? "makes the value returned by `" + name + "`"
                : "makes the value of `" + name + "`";
        context.report(call.node(), "`" + call.callee() + "` " + what + ", but the random module is a Mersenne "
                + "Twister: its output is predictable from earlier outputs, so an attacker can guess this "
                + "secret value. Use the secrets module.");
    }

    /** Characters drawn from os.urandom or secrets stay unguessable; random only decides their order. */
    private static void reportOrderOnly(Call call, PyNode list, RuleContext context) {
        context.report(call.node(), "`" + call.callee() + "` reorders `" + list.text() + "`, whose characters come "
                + "from a CSPRNG: they stay unguessable, and only their order follows the Mersenne Twister, so an "
                + "attacker who learns its state knows where each character ended up. This weakens the secret "
                + "only a little; `random.SystemRandom().shuffle(" + list.text() + ")` makes the order "
                + "unpredictable too.", Severity.LOW, Confidence.HIGH,
                "Shuffle with random.SystemRandom().shuffle(...), which draws from the OS CSPRNG.");
    }

    /** Whether the same list was already shuffled earlier in the function: one note per list. */
    private static boolean shuffledBefore(Call call, PyNode list, PythonFile file) {
        PyNode function = file.enclosingFunction(call.node());
        PyNode scope = function == null ? file.root() : function;
        boolean[] found = {false};
        scope.forEachDescendant(n -> {
            if (found[0] || !n.is("call") || n.endOffset() > call.node().startOffset()) return;
            Call earlier = Call.of(n, file);
            PyNode shuffled = earlier.argument(0, "x");
            found[0] = call.callee().equals(earlier.callee()) && shuffled != null && shuffled.text().equals(list.text());
        });
        return found[0];
    }

    /**
     * Whether every value put into {@code list} in its function (assigned, appended, extended, added) is made
     * with a CSPRNG call; a slice of the list itself adds nothing new.
     */
    private static boolean filledFromCsprng(PyNode list, PyNode shuffle, PythonFile file) {
        PyNode function = file.enclosingFunction(shuffle);
        PyNode scope = function == null ? file.root() : function;
        String name = list.text();
        List<PyNode> filled = new ArrayList<>();
        scope.forEachDescendant(n -> {
            if (file.enclosingFunction(n) != function) return;
            if (n.is("assignment") || n.is("augmented_assignment")) {
                PyNode left = n.field("left");
                if (left != null && left.is("identifier") && left.text().equals(name)) filled.add(n.field("right"));
            } else if (n.is("call") && n.field("function") != null && n.field("function").is("attribute")) {
                PyNode method = n.field("function");
                PyNode receiver = method.field("object");
                PyNode attribute = method.field("attribute");
                if (receiver != null && receiver.is("identifier") && receiver.text().equals(name) && attribute != null
                        && LIST_ADDERS.contains(attribute.text())) {
                    filled.add(n.field("arguments"));
                }
            }
        });
        if (filled.isEmpty()) return false;
        for (PyNode value : filled) {
            if (value == null || !selfDerived(value, name) && !callsCsprng(value, file)) return false;
        }
        return true;
    }

    /** {@code password[:length]}: the list again, nothing new in it. */
    private static boolean selfDerived(PyNode value, String name) {
        PyNode list = value.is("subscript") ? value.field("value") : value;
        return list != null && list.is("identifier") && list.text().equals(name);
    }

    private static boolean callsCsprng(PyNode value, PythonFile file) {
        boolean[] found = {false};
        value.forEachDescendant(n -> {
            if (found[0] || !n.is("call")) return;
            String callee = file.qualifiedName(n.field("function"));
            if (callee != null && CSPRNG_PREFIXES.stream().anyMatch(callee::startsWith)) found[0] = true;
        });
        return found[0];
    }

    /** Whether the enclosing function says what the value is for, and it is not a secret (a MIME boundary, a delay). */
    private static boolean notSecretHere(Call call, RuleContext context) {
        String function = CryptoSupport.functionName(call.node(), context.file());
        if (function == null) return false;
        for (String word : Identifiers.words(function)) {
            if (NOT_SECRET.contains(word)) return true;
        }
        return false;
    }

    /** A bare {@code key} is a secret only when random text or bits are made for it, not a random dict key. */
    private static String plainKey(List<String> names) {
        for (String name : names) {
            List<String> words = Identifiers.words(name);
            if (words.size() == 1 && (words.get(0).equals("key") || words.get(0).equals("keys"))) return name;
        }
        return null;
    }

    /** Whether the call draws random bits/bytes or feeds a {@code "".join(...)} in the same statement. */
    private static boolean generatesText(Call call) {
        if (call.name().equals("getrandbits") || call.name().equals("randbytes")) return true;
        for (PyNode p = call.node().parent(); p != null; p = p.parent()) {
            if (p.type().endsWith("statement") || p.is("block")) return false;
            if (p.is("call") && p.field("function") != null && p.field("function").is("attribute")
                    && p.field("function").field("attribute") != null
                    && p.field("function").field("attribute").text().equals("join")) {
                return true;
            }
        }
        return false;
    }

    /** Words that make a name a quantity about secrets rather than a secret (num_tokens, password_length). */
    private static final Set<String> QUANTITIES = Set.of("num", "count", "number", "len", "length", "size", "max",
            "min", "index", "idx", "total", "ttl", "timeout", "expiry", "expires", "lifetime", "age", "interval",
            "position", "offset", "delay", "rate", "ratio", "percent", "weight", "priority", "attempts", "retries");

    /** The first name that says it holds a secret, or null. */
    static String secretName(List<String> names) {
        for (String name : names) {
            List<String> words = Identifiers.words(name);
            if (words.stream().anyMatch(QUANTITIES::contains)) continue;
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (SECRET_WORDS.contains(word)) return name;
                if (HEADS.contains(word)) {
                    for (int j = 0; j < words.size(); j++) {
                        if (j != i && QUALIFIERS.contains(words.get(j)) && !words.get(j).equals(word)) return name;
                    }
                }
            }
        }
        return null;
    }
}
