package dev.secreview.python.rules.access;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.RateLimiting;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A login, token, password-reset or one-time-code endpoint that checks a credential can be asked as often as a
 * client likes: passwords and six-digit codes fall to guessing. The rule reports such an endpoint only where
 * nothing limits attempts: not in a module that names a limiter, and, in the whole-tree phase, not in an application
 * any of whose files does ({@link RateLimiting}; a throttle set in the settings covers every view).
 */
@RuleInfo(
        id = LoginRateLimitRule.ID,
        cwe = 307,
        severity = Severity.MEDIUM,
        confidence = Confidence.LOW,
        summary = "An endpoint that checks a password or one-time code (login, token, password reset, 2FA) limits "
                + "neither how often it is tried nor how many failures an account takes, and nothing in the "
                + "application limits request rates: a client can guess passwords or codes as fast as it can send.",
        fix = "Limit attempts per client and per account on this endpoint: flask-limiter (`@limiter.limit(\"5/minute\")`), "
                + "django-ratelimit or django-axes, Django REST framework throttling (`throttle_classes`), or a count of "
                + "failed attempts that locks the account for a while; one-time codes also need a short lifetime.",
        altNames = {})
public final class LoginRateLimitRule implements NodeRule {

    /** The rule's id, by which the whole-tree phase drops its findings in an application that limits attempts. */
    public static final String ID = "py-login-no-rate-limit";

    /** Names and paths of endpoints that take a credential. */
    private static final Pattern AUTHENTICATION_ENDPOINT = Pattern.compile(
            "(?i)log_?in|sign_?in|log_?on|token|passw|reset|otp|2fa|two_?factor|mfa|verify|authenticat");
    /** Calls that check a password or a one-time code. */
    private static final Set<String> CREDENTIAL_CHECKS = Set.of("check_password", "check_password_hash",
            "verify_password", "authenticate", "checkpw", "check_otp", "verify_otp", "verify_totp", "verify_token");
    /** {@code totp.verify(code)}: a one-time-password object's check. */
    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("(?i)otp");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("module");
    }

    @Override
    public void visitNode(PyNode module, RuleContext context) {
        for (WebRoutes.Handler handler : WebRoutes.handlers(module)) {
            if (!AUTHENTICATION_ENDPOINT.matcher(endpoint(handler)).find()) continue;
            PyNode check = credentialCheck(handler.definition().field("body"));
            if (check == null || context.file().namesLimiter()) continue;
            PyNode name = handler.definition().field("name");
            context.report(name, "`" + name.text() + "` checks a credential (`" + check.text().strip()
                    + "`) on every request it gets, and nothing in this application limits how often a client may "
                    + "try (no rate limiter, throttle or count of failed attempts): passwords and one-time codes "
                    + "can be guessed by sending requests.", Severity.MEDIUM, Confidence.LOW,
                    List.of(Map.entry(check, "the credential is checked here")));
        }
    }

    /** The endpoint's function name, its route decorators and, for a method, its class's name. */
    private static String endpoint(WebRoutes.Handler handler) {
        StringBuilder text = new StringBuilder(handler.definition().field("name").text());
        for (PyNode decorator : WebRoutes.decoratorNodes(handler.decorated())) text.append(' ').append(decorator.text());
        for (PyNode up = handler.decorated().parent(); up != null; up = up.parent()) {
            if (up.is("class_definition") && up.field("name") != null) text.append(' ').append(up.field("name").text());
        }
        return text.toString();
    }

    /** The first call in {@code body} that checks a password or a one-time code, or null. */
    private static PyNode credentialCheck(PyNode body) {
        if (body == null) return null;
        if (body.is("call") && body.field("function") != null) {
            PyNode callee = body.field("function");
            String name = Identifiers.lastName(callee);
            if (CREDENTIAL_CHECKS.contains(name)) return body;
            if (name.equals("verify") && callee.is("attribute")
                    && ONE_TIME_PASSWORD.matcher(callee.field("object").text()).find()) {
                return body;
            }
        }
        for (PyNode child : body.namedChildren()) {
            if (child.is("function_definition") || child.is("class_definition")) continue;
            PyNode found = credentialCheck(child);
            if (found != null) return found;
        }
        return null;
    }
}
