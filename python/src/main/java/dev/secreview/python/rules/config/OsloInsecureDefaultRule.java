package dev.secreview.python.rules.config;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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
    private static final Set<String> NEGATIONS = Set.of("skip", "disable", "disabled", "no", "ignore", "bypass", "without");
    private static final Set<String> PROTECTIONS = Set.of("verify", "verification", "validation", "validate", "check",
            "checks", "cert", "certs", "certificate", "certificates", "ssl", "tls", "auth", "authentication", "hostname");
    private static final Set<String> CREDENTIAL_ENDINGS = Set.of("password", "passwd", "pwd", "secret", "token");
    private static final Set<String> NOT_SECURITY = Set.of("debug", "verbose", "log", "logging", "trace");

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null || !callee.startsWith("oslo_config.cfg.") || !callee.endsWith("Opt")) return;
        String type = callee.substring("oslo_config.cfg.".length());
        Values values = context.values();
        Optional<String> optionName = values.string(call.argument(0, "name"));
        PyNode defaultNode = call.keyword("default");
        if (optionName.isEmpty() || defaultNode == null) return;
        String option = optionName.get();
        List<String> words = Identifiers.words(option);
        if (words.stream().anyMatch(NOT_SECURITY::contains)) return;

        if (type.equals("BoolOpt")) {
            checkBoolean(call, option, words, defaultNode, context);
        } else if (type.equals("StrOpt") || type.equals("Opt")) {
            checkString(call, option, words, defaultNode, context);
        }
    }

    private void checkBoolean(Call call, String option, List<String> words, PyNode defaultNode, RuleContext context) {
        Values values = context.values();
        if (values.isTrue(defaultNode) && disablesProtection(words)) {
            context.report(call.node(), "Option `" + option + "` defaults to True, so every deployment that does not "
                    + "set it runs with this protection off (for TLS options: no certificate or hostname check, "
                    + "open to man-in-the-middle). Default it to False and say in `help=` what enabling it gives up.",
                    Severity.MEDIUM, Confidence.HIGH);
            return;
        }
        if (!values.isFalse(defaultNode)) return;
        Confidence confidence = enablesProtectionStrongly(words);
        if (confidence == null) return;
        context.report(call.node(), "Option `" + option + "` defaults to False, so the protection it names is off "
                + "unless every operator remembers to turn it on. Default it to True, and explain in `help=` when "
                + "turning it off is acceptable.", Severity.MEDIUM, confidence);
    }

    private void checkString(Call call, String option, List<String> words, PyNode defaultNode, RuleContext context) {
        Values values = context.values();
        Optional<String> value = values.string(defaultNode);
        if (value.isEmpty()) return;
        String def = value.get();
        String lowerName = option.toLowerCase(Locale.ROOT);
        if (lowerName.contains("auth_strategy") && (def.equals("noauth") || def.equals("noauth2"))) {
            context.report(call.node(), "Option `" + option + "` defaults to `" + def + "`: a deployment that does not "
                    + "set it accepts requests without authenticating them. Default it to `keystone`, and keep "
                    + "`noauth` for tests with a `help=` warning.", Severity.HIGH, Confidence.HIGH);
            return;
        }
        boolean secretFlag = values.isTrue(call.keyword("secret"));
        boolean credentialName = isCredentialName(words);
        if (!secretFlag && !credentialName) return;
        if (def.isBlank() || def.startsWith("$") || def.startsWith("<")) return;  // empty, substitution, placeholder
        context.report(call.node(), "Option `" + option + "` ships with the default " + shown(def) + ": any deployment "
                + "that does not override it runs with a credential anyone can read in the source. Default it to "
                + "None (with `secret=True`) and fail at start-up when it is unset.", Severity.HIGH,
                credentialName ? Confidence.HIGH : Confidence.MEDIUM);
    }

    /** {@code insecure}, {@code api_insecure}, {@code allow_insecure_clients}, {@code skip_verify}, {@code disable_ssl_verification}. */
    private static boolean disablesProtection(List<String> words) {
        if (words.contains("insecure")) return true;
        boolean negation = words.stream().anyMatch(NEGATIONS::contains);
        return negation && words.stream().anyMatch(PROTECTIONS::contains);
    }

    /** HIGH for names that are plainly a protection switch, MEDIUM for prefix-based guesses, null otherwise. */
    private static Confidence enablesProtectionStrongly(List<String> words) {
        if (words.stream().anyMatch(NEGATIONS::contains) || words.contains("insecure")) return null;
        String name = String.join("_", words);
        if (words.contains("verify") || name.equals("check_hostname") || name.endsWith("_check_hostname")
                || name.equals("verify_ssl") || name.equals("ssl_verify")) {
            return Confidence.HIGH;
        }
        String first = words.get(0);
        if (first.equals("enforce") || first.equals("require") || first.equals("validate")
                || first.startsWith("secure") || name.equals("use_ssl") || name.equals("use_tls")
                || name.equals("ssl_enabled") || name.equals("tls_enabled")) {
            return Confidence.MEDIUM;
        }
        return null;
    }

    private static boolean isCredentialName(List<String> words) {
        String last = words.get(words.size() - 1);
        if (CREDENTIAL_ENDINGS.contains(last)) return true;
        if (last.equals("key") && words.size() > 1) {
            String before = words.get(words.size() - 2);
            return before.equals("secret") || before.equals("api") || before.equals("access") || before.equals("auth")
                    || before.equals("encryption") || before.equals("private") || before.equals("signing");
        }
        return false;
    }

    private static String shown(String value) {
        return "`" + (value.length() > 30 ? value.substring(0, 27) + "..." : value) + "`";
    }
}
