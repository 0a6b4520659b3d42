package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "py-insecure-cookie",
        cwe = 614,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A cookie is set without the Secure attribute, or a framework's session/CSRF cookie is configured without it.",
        fix = "Mark the cookie Secure (and HttpOnly unless scripts must read it): "
                + "`resp.set_cookie(\"session_id\", sid, secure=True, httponly=True, samesite=\"Lax\")`; in Django "
                + "settings `SESSION_COOKIE_SECURE = True` and `CSRF_COOKIE_SECURE = True`; in Flask "
                + "`app.config[\"SESSION_COOKIE_SECURE\"] = True`.")
public final class InsecureCookieRule implements CallRule, NodeRule {
    private static final Set<String> WEB_MODULES = Set.of("flask", "werkzeug", "django", "webob", "pecan",
            "starlette", "fastapi");
    private static final Set<String> SECURE_SETTINGS = Set.of("SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
            "REMEMBER_COOKIE_SECURE");
    private static final Set<String> SENSITIVE_WORDS = Set.of("session", "sessionid", "sid", "token", "auth", "jwt",
            "csrf", "xsrf", "remember", "refresh", "credential", "credentials", "secret", "apikey", "sso", "saml",
            "oidc", "bearer");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("assignment");
    }

    @Override
    public void visitCall(Call call, RuleContext context) {
        String name = call.name();
        if (name.equals("update") || name.equals("from_mapping")) {
            checkConfigUpdate(call, context);
            return;
        }
        if (!name.equals("set_cookie") && !name.equals("set_signed_cookie")) return;
        if (call.receiver() == null || call.unpacksArguments() || call.positional().size() >= 6) return;
        if (!importsWebFramework(context)) return;
        if (deletes(call, context)) return;
        PyNode secure = call.keyword("secure");
        if (secure != null && !context.values().isFalse(secure)) return;  // True, or decided at run time
        PyNode key = call.argument(0, "key");
        if (key == null) key = call.keyword("name");
        Optional<String> cookie = key == null ? Optional.empty() : context.values().string(key);
        PyNode value = call.argument(1, "value");
        boolean sensitiveName = cookie.isPresent() && isSensitive(Identifiers.words(cookie.get()));
        boolean sensitiveValue = value != null && !context.values().isConstant(value)
                && isSensitive(Identifiers.words(value.text()));
        // A message, a preference or a redirect target is no secret: losing it to the network path costs
        // nothing. Only a deliberate secure=False on such a cookie is worth a (low) note.
        boolean holdsNoSecret = cookie.isPresent() && !sensitiveName && !sensitiveValue;
        if (holdsNoSecret && secure == null) return;
        // A cookie the caller names (a helper that stores any preference) is judged where the name is known:
        // here nothing says it holds a secret, so there is nothing to claim unless secure=False is spelled out.
        if (cookie.isEmpty() && !sensitiveValue && secure == null) return;
        String shown = cookie.map(c -> "`" + c + "`").orElse(key == null ? "a cookie" : "the cookie named by `"
                + key.text() + "`");
        boolean noHttpOnly = call.keyword("httponly") == null || context.values().isFalse(call.keyword("httponly"));
        String how = secure == null ? "without `secure=True`" : "with `secure=False`";
        String message = "`" + call.function().text() + "` sets " + shown + " " + how + ", so the browser also sends it "
                + "over plain HTTP, where anyone on the network path can read it"
                + (noHttpOnly ? "; with no `httponly=True`, page scripts (and any XSS) can read it too." : ".");
        if (sensitiveName || sensitiveValue) {
            context.report(call.node(), message, Severity.MEDIUM, sensitiveName ? Confidence.HIGH : Confidence.MEDIUM);
        } else if (holdsNoSecret) {
            context.report(call.node(), message + " Neither its name nor its value suggests a session id, token or "
                    + "other secret, so this is a hardening note: drop `secure=False` unless the site must work over "
                    + "plain HTTP.", Severity.LOW, Confidence.LOW);
        } else {
            context.report(call.node(), message + " Its name comes from the caller, so what it holds is not known "
                    + "here: `secure=False` matters only if it carries a session id, token or other secret.",
                    Severity.LOW, Confidence.LOW);
        }
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        PyNode left = node.field("left");
        PyNode right = node.field("right");
        if (left == null || right == null || !context.values().isFalse(right)) return;
        String setting = null;
        if (left.is("identifier")) {
            // Django settings module: SESSION_COOKIE_SECURE = False at module level
            if (context.file().enclosingFunction(node) != null || node.ancestor("class_definition") != null) return;
            setting = left.text();
        } else if (left.is("attribute")) {
            PyNode attribute = left.field("attribute");
            setting = attribute == null ? null : attribute.text();
        } else if (left.is("subscript")) {
            // app.config["SESSION_COOKIE_SECURE"] = False
            PyNode container = left.field("value");
            if (container == null || !container.text().endsWith("config")) return;
            setting = context.values().string(left.field("subscript")).orElse(null);
        }
        if (setting == null || !SECURE_SETTINGS.contains(setting)) return;
        context.report(node, settingMessage(setting, left.text()), Severity.MEDIUM, Confidence.HIGH);
    }

    private void checkConfigUpdate(Call call, RuleContext context) {
        PyNode receiver = call.receiver();
        if (receiver == null || !receiver.text().endsWith("config")) return;
        for (String setting : SECURE_SETTINGS) {
            PyNode value = call.keyword(setting);
            if (value != null && context.values().isFalse(value)) {
                context.report(call.node(), settingMessage(setting, setting), Severity.MEDIUM, Confidence.HIGH);
                return;
            }
        }
    }

    private static String settingMessage(String setting, String written) {
        String cookie = setting.startsWith("CSRF") ? "CSRF cookie" : setting.startsWith("REMEMBER")
                ? "remember-me cookie" : "session cookie";
        return "`" + written + " = False` makes the framework send the " + cookie + " without the Secure attribute, so "
                + "browsers also send it over plain HTTP, where anyone on the network path can capture it"
                + (cookie.equals("CSRF cookie") ? "." : " and take over the session.");
    }

    /** {@code set_cookie(name, max_age=0)} / {@code expires=0}: the cookie is being removed, not set. */
    private static boolean deletes(Call call, RuleContext context) {
        Object maxAge = context.values().constant(call.keyword("max_age")).orElse(null);
        Object expires = context.values().constant(call.keyword("expires")).orElse(null);
        return Long.valueOf(0).equals(maxAge) || Long.valueOf(0).equals(expires);
    }

    private static boolean importsWebFramework(RuleContext context) {
        for (String module : WEB_MODULES) {
            if (context.file().imports(module)) return true;
        }
        return false;
    }

    /** Words of a cookie's name, or of the expression its value comes from, that say it holds a secret. */
    private static boolean isSensitive(List<String> words) {
        return words.stream().anyMatch(SENSITIVE_WORDS::contains);
    }
}
