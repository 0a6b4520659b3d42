package dev.secreview.python.rules.crypto;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "py-insecure-random",
        cwe = 330,
        severity = Severity.HIGH,
        confidence = Confidence.HIGH,
        summary = "The random module (a Mersenne Twister) makes a token, password, key, salt or other secret value.",
        fix = "Use the secrets module: secrets.token_urlsafe(32), secrets.token_hex(16), "
                + "''.join(secrets.choice(alphabet) for _ in range(n)), secrets.randbelow(10**6) for numeric codes.",
        altNames = {"B311"})
public final class InsecureRandomRule implements CallRule {

    private static final Set<String> FUNCTIONS = Set.of("random", "randint", "randrange", "choice", "choices",
            "getrandbits", "sample", "shuffle", "uniform", "randbytes");

    /** Words that on their own say the value is a secret. */
    private static final Set<String> SECRET_WORDS = Set.of("token", "tokens", "password", "passwords", "passwd",
            "passphrase", "pwd", "secret", "secrets", "nonce", "salt", "otp", "totp", "hotp", "csrf", "xsrf",
            "apikey", "sessionid", "sessid", "passcode");

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
            report(call, context, why, list.text());
            return;
        }
        List<String> destinations = CryptoSupport.destinationNames(target, context.file());
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
