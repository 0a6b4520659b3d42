package dev.secreview.python.rules.config;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges an oslo.config option by what it is: the words of its name, its type, its default and the
 * words of its {@code help=} text. A name that only sounds like a protection ({@code enforce_*},
 * {@code *_check}, {@code verify_*_clock}) needs its object or its help text to say it is one.
 */
@RuleInfo(
        id = "py-oslo-insecure-default",
        cwe = 1188,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "An oslo.config option defaults to turning a protection off, or ships a default credential.",
        fix = "Make the safe value the default and let operators opt out knowingly: "
                + "`cfg.BoolOpt(\"insecure\", default=False, help=\"Skip TLS certificate verification. Only for "
                + "testing: this allows man-in-the-middle attacks.\")`; credentials default to None with `secret=True` "
                + "and the service refuses to start without them.")
public final class OsloInsecureDefaultRule implements CallRule {
    private static final Set<String> INSECURE = Set.of("insecure");
    private static final Set<String> NEGATIONS = Set.of("skip", "disable", "disabled", "no", "ignore", "bypass", "without");
    private static final Set<String> VERIFICATIONS = Set.of("verify", "verification", "validate", "validation",
            "check", "checks");
    /** What a verification can be of, for it to be a security control. */
    private static final Set<String> VERIFIED_OBJECTS = Set.of("cert", "certs", "certificate", "certificates", "ssl",
            "tls", "https", "hostname", "signature", "signatures", "auth", "authentication", "x509");
    private static final Set<String> SIGNATURES = Set.of("signature", "signatures", "signed", "signing");
    private static final Set<String> TLS_WORDS = Set.of("ssl", "tls", "https", "hostname");
    private static final Set<String> CERTIFICATES = Set.of("cert", "certs", "certificate", "certificates", "x509");
    private static final Set<String> ENCRYPTION_WORDS = Set.of("ssl", "tls", "https", "secure", "encrypt",
            "encryption", "encrypted");
    private static final Set<String> SWITCHES = Set.of("use", "enable", "enabled", "require", "required", "force");
    private static final Set<String> ENFORCEMENTS = Set.of("enforce", "require", "validate");
    /** Words of a help text that say an option guards access, integrity or secrecy. */
    private static final Set<String> SECURITY_HELP = Set.of("authentication", "authenticate", "authenticated",
            "unauthenticated", "authorization", "authorize", "authorized", "policy", "policies", "scope", "permission",
            "permissions", "signature", "signatures", "signed", "encrypt", "encrypted", "encryption", "credential",
            "credentials", "token", "tokens", "password", "passwords", "secure", "insecure", "integrity",
            "certificate", "certificates", "ssl", "tls", "https", "x509", "spoofing", "mitm");
    private static final Set<String> CREDENTIAL_ENDINGS = Set.of("password", "passwd", "pwd", "token", "secret");
    /** The word before {@code key} or {@code secret} that makes it key material this service encrypts or signs with. */
    private static final Set<String> KEY_MATERIAL = Set.of("secret", "encryption", "crypt", "private", "signing",
            "shared", "hmac", "master", "fernet");
    /** The word before {@code key} that makes it a credential for calling another service. */
    private static final Set<String> CREDENTIAL_KEYS = Set.of("api", "access", "auth");
    private static final Set<String> NOT_SECURITY = Set.of("debug", "verbose", "log", "logging", "trace");
    /** {@code scheme://user:password@host}: the only URL that holds a credential. */
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://(?:([^/@:]*):([^/@]*)@)?.*",
            Pattern.DOTALL);
    /** Help text that describes how this service authenticates to another one, not its own callers. */
    private static final Pattern OUTGOING = Pattern.compile("\\b(against|towards?|to talk to|when talking to|"
            + "to connect to|when connecting to|to access|when accessing|to authenticate (to|with))\\b");
    /** Help text that describes the service's own endpoint. */
    private static final Pattern INCOMING = Pattern.compile("\\b(incoming|api requests?|clients?|callers?|"
            + "requests? (to|received by|made to) (this|the) (service|api|server))\\b");

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null || !callee.startsWith("oslo_config.cfg.") || !callee.endsWith("Opt")) return;
        String type = callee.substring("oslo_config.cfg.".length());
        Values values = context.values();
        Optional<String> optionName = values.string(call.argument(0, "name"));
        PyNode defaultNode = call.keyword("default");
        if (optionName.isEmpty() || defaultNode == null) return;
        String help = OsloOptions.helpText(call.keyword("help"), values);
        Option option = new Option(optionName.get(), Identifiers.words(optionName.get()),
                Set.copyOf(Identifiers.words(help)), help);
        if (option.words.stream().anyMatch(NOT_SECURITY::contains)) return;

        if (type.equals("BoolOpt")) {
            if (values.isTrue(defaultNode)) {
                reportDisabledProtection(call, option, context);
            } else if (values.isFalse(defaultNode)) {
                reportProtectionOffByDefault(call, option, context);
            }
        } else if (type.equals("StrOpt") || type.equals("Opt")) {
            values.string(defaultNode).ifPresent(def -> checkString(call, option, def, context));
        }
    }

    /** An option as its declaration describes it: name, name words, help words and help text (lower case). */
    private record Option(String name, List<String> words, Set<String> help, String helpText) {
        boolean says(Set<String> vocabulary) {
            return words.stream().anyMatch(vocabulary::contains);
        }

        boolean helpSays(Set<String> vocabulary) {
            return help.stream().anyMatch(vocabulary::contains);
        }

        boolean aboutTls() {
            return says(TLS_WORDS) || helpSays(TLS_WORDS);
        }
    }

    /**
     * What is not verified when the option is at its default, in the words its name and help text
     * justify; null when they name no verification. A certificate is a TLS one only where TLS, SSL
     * or HTTPS is mentioned: image signing certificates are not.
     */
    private static String verificationOff(Option option) {
        if (option.says(SIGNATURES)) return "signature verification is off and altered or forged data is accepted";
        if (!option.aboutTls() && option.helpSays(SIGNATURES) && option.says(CERTIFICATES)) {
            return "signing certificates are not validated and data signed with an untrusted certificate is accepted";
        }
        if (option.aboutTls()) {
            return "TLS certificate verification is off and connections accept any certificate (open to "
                    + "man-in-the-middle)";
        }
        if (option.says(CERTIFICATES) || option.helpSays(CERTIFICATES)) {
            return "certificate verification is off and the peer's identity is not checked";
        }
        return null;
    }

    /** {@code insecure=True}, {@code skip_ssl_verify=True}, {@code disable_cert_checks=True}. */
    private void reportDisabledProtection(Call call, Option option, RuleContext context) {
        boolean negated = option.says(NEGATIONS);
        boolean named = option.says(INSECURE)
                || negated && (option.says(VERIFIED_OBJECTS) || option.says(Set.of("verify", "verification")));
        // "ignore_x_check": a check of what? Only the help text can tell it is a security control.
        boolean described = negated && option.says(VERIFICATIONS) && option.helpSays(SECURITY_HELP);
        if (!named && !described) return;
        String what = option.says(INSECURE) && verificationOff(option) == null
                ? "it runs in the insecure mode the option names (the help text does not say what that relaxes)"
                : Objects.requireNonNullElse(verificationOff(option), "the check it names is skipped");
        context.report(call.node(), "Option `" + option.name + "` defaults to True: in every deployment that does "
                + "not set it, " + what + ". Default it to False and say in `help=` what enabling it gives up.",
                Severity.MEDIUM, named ? Confidence.HIGH : Confidence.MEDIUM);
    }

    private void reportProtectionOffByDefault(Call call, Option option, RuleContext context) {
        if (option.says(NEGATIONS) || option.says(INSECURE)) return;
        if (verifiesSecurityObject(option)) {
            String what = Objects.requireNonNullElse(verificationOff(option), "the check it names is off");
            context.report(call.node(), "Option `" + option.name + "` defaults to False: unless an operator turns it "
                    + "on, " + what + ". Default it to True, and say in `help=` when turning it off is acceptable.",
                    Severity.MEDIUM, option.says(VERIFIED_OBJECTS) ? Confidence.HIGH : Confidence.MEDIUM);
        } else if (switchesEncryption(option)) {
            context.report(call.node(), "Option `" + option.name + "` defaults to False: unless an operator turns it "
                    + "on, the connection it configures is not encrypted (readable and alterable on the network). "
                    + "A hardening default: consider True, or say in `help=` what production deployments should set.",
                    Severity.LOW, Confidence.MEDIUM);
        } else if (ENFORCEMENTS.contains(option.words.get(0)) && option.helpSays(SECURITY_HELP)) {
            context.report(call.node(), "Option `" + option.name + "` defaults to False: the check it enforces "
                    + "is off unless an operator turns it on (its help text ties it to " + securityTopic(option)
                    + "). A hardening default: consider True, or say in `help=` what production deployments should "
                    + "set.", Severity.LOW, Confidence.LOW);
        }
    }

    /**
     * {@code verify_ssl}, {@code driver_ssl_cert_verify}, {@code verify_image_signatures}; a bare
     * {@code verify} when its help text speaks of certificates. Not {@code verify_bmc_clock}.
     */
    private static boolean verifiesSecurityObject(Option option) {
        if (!option.says(VERIFICATIONS)) return false;
        if (option.says(VERIFIED_OBJECTS)) return true;
        boolean bare = option.words.stream().allMatch(w -> VERIFICATIONS.contains(w) || SWITCHES.contains(w));
        return bare && (option.helpSays(TLS_WORDS) || option.helpSays(CERTIFICATES));
    }

    /** {@code use_ssl}, {@code rabbit_use_ssl}, {@code ssl_enabled}, {@code require_secure}, {@code enable_tls}. */
    private static boolean switchesEncryption(Option option) {
        List<String> words = option.words;
        if (words.size() < 2) return false;
        String last = words.get(words.size() - 1);
        String before = words.get(words.size() - 2);
        return SWITCHES.contains(before) && ENCRYPTION_WORDS.contains(last)
                || ENCRYPTION_WORDS.contains(before) && SWITCHES.contains(last);
    }

    private static String securityTopic(Option option) {
        return option.help.stream().filter(SECURITY_HELP::contains).sorted().limit(2).map(w -> "`" + w + "`")
                .reduce((a, b) -> a + " and " + b).orElse("security");
    }

    private void checkString(Call call, Option option, String def, RuleContext context) {
        if (option.name.toLowerCase(Locale.ROOT).endsWith("auth_strategy") && def.startsWith("noauth")) {
            reportNoAuth(call, option, def, context);
            return;
        }
        if (def.isBlank() || def.startsWith("$") || def.startsWith("<")) return;  // empty, substitution, placeholder
        Matcher url = URL.matcher(def);
        if (url.matches()) {
            String password = url.group(2);
            if (password != null && !password.isEmpty() && !password.startsWith("$") && !password.startsWith("<")) {
                context.report(call.node(), "Option `" + option.name + "` defaults to a URL with the password `"
                        + password + "` in it: a deployment that does not override it connects with a password anyone "
                        + "can read in the source. Leave the credentials out of the default and require them.",
                        Severity.MEDIUM, Confidence.HIGH);
            }
            return;  // a URL without user:password@ holds no credential
        }
        boolean secretFlag = context.values().isTrue(call.keyword("secret"));
        boolean key = isKeyMaterial(option.words);
        boolean credential = !key && isCredentialName(option.words);
        if (!key && !credential && !secretFlag || looksLikePath(def)) return;
        if (key) {
            context.report(call.node(), "Option `" + option.name + "` ships with the key " + shown(def) + ": every "
                    + "deployment that does not override it encrypts or signs with a key anyone can read in the "
                    + "source, so what it protects can be read or forged. Default it to None (with `secret=True`) "
                    + "and fail at start-up when it is unset.", Severity.HIGH, Confidence.HIGH);
        } else {
            context.report(call.node(), "Option `" + option.name + "` ships with the default " + shown(def) + ": a "
                    + "deployment that does not override it uses a " + (credential ? "credential" : "secret value")
                    + " anyone can read in the source. Default it to None (with `secret=True`) and fail at start-up "
                    + "when it is unset.", Severity.MEDIUM, credential ? Confidence.HIGH : Confidence.MEDIUM);
        }
    }

    /**
     * {@code auth_strategy = noauth} leaves the service's own API open; a strategy the service uses
     * to call another server (its help says "against the image server") does not.
     */
    private void reportNoAuth(Call call, Option option, String def, RuleContext context) {
        if (OUTGOING.matcher(option.helpText).find()) return;
        boolean incoming = option.name.equals("auth_strategy") || INCOMING.matcher(option.helpText).find();
        if (incoming) {
            context.report(call.node(), "Option `" + option.name + "` defaults to `" + def + "`: a deployment that "
                    + "does not set it accepts API requests without authenticating them. Default it to `keystone`, "
                    + "and keep `noauth` for tests with a `help=` warning.", Severity.HIGH, Confidence.HIGH);
        } else {
            context.report(call.node(), "Option `" + option.name + "` defaults to `" + def + "`; if this strategy "
                    + "guards requests made to this service (the declaration does not say), a deployment that does "
                    + "not set it accepts them without authentication.", Severity.MEDIUM, Confidence.LOW);
        }
    }

    /** {@code secret_key}, {@code auth_encryption_key}, {@code proxy_shared_secret}. */
    private static boolean isKeyMaterial(List<String> words) {
        String last = words.get(words.size() - 1);
        return (last.equals("key") || last.equals("secret")) && words.size() > 1
                && KEY_MATERIAL.contains(words.get(words.size() - 2));
    }

    /** {@code rabbit_password}, {@code admin_token}, {@code client_secret}, {@code api_key}. */
    private static boolean isCredentialName(List<String> words) {
        String last = words.get(words.size() - 1);
        if (CREDENTIAL_ENDINGS.contains(last)) return true;
        return last.equals("key") && words.size() > 1 && CREDENTIAL_KEYS.contains(words.get(words.size() - 2));
    }

    private static boolean looksLikePath(String value) {
        return value.startsWith("/") || value.startsWith("./") || value.startsWith("~/");
    }

    private static String shown(String value) {
        return "`" + (value.length() > 30 ? value.substring(0, 27) + "..." : value) + "`";
    }
}
