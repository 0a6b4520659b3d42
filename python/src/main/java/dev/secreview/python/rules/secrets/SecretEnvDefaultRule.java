package dev.secreview.python.rules.secrets;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.tree.PyNode;

import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "py-secret-env-default",
        cwe = 1188,
        severity = Severity.HIGH,
        confidence = Confidence.HIGH,
        summary = "A secret read from the environment falls back to a key written in the source when the variable is "
                + "not set, so a deployment that forgets it runs with a key everyone has.",
        fix = "Read the secret without a default and refuse to start without it: "
                + "SECRET_KEY = os.environ[\"APP_SECRET_KEY\"] (a KeyError at start-up), or generate one per "
                + "installation and store it outside the source.",
        altNames = {})
public final class SecretEnvDefaultRule implements CallRule {

    /** Lookups of the environment (and of python-decouple's settings) that take a default: name, then default. */
    private static final Set<String> LOOKUPS = Set.of("os.environ.get", "os.getenv", "os.environ.setdefault",
            "decouple.config", "environ.Env().str");

    @Override
    public void visitCall(Call call, RuleContext context) {
        if (call.callee() == null || !LOOKUPS.contains(call.callee())) return;
        PyNode variable = call.argument(0, "key");
        PyNode fallback = call.argument(1, "default");
        if (variable == null || fallback == null) return;
        Optional<String> name = context.values().string(variable);
        Optional<String> value = context.values().string(fallback);
        if (name.isEmpty() || value.isEmpty() || !fallback.is("string")) return;
        // The setting the value goes to, or the variable's own name, must say it is a signing key or secret.
        String setting = assignedName(call.node());
        String named = secretName(setting) ? setting : secretName(name.get()) ? name.get() : null;
        if (named == null || value.get().strip().length() < 8
                || !Credentials.looksLikeCredential(value.get(), named, Credentials.Kind.SECRET)) {
            return;
        }
        context.report(call.node(), "`" + (setting != null ? setting : name.get()) + "` falls back to "
                + Credentials.masked(value.get()) + ", written in the source, when `" + name.get() + "` is not set: "
                + "a deployment that forgets the variable signs and encrypts with a key anyone can read here, "
                + "without a word.");
    }

    /** SECRET_KEY, COOKIE_SECRET, JWT_SECRET, signing keys and secret tokens; not passwords (their own rule). */
    private static boolean secretName(String name) {
        if (name == null) return false;
        return Credentials.isSigningKeyName(name) || Credentials.kindOf(name) == Credentials.Kind.SECRET
                && Identifiers.words(name).contains("secret");
    }

    /** The target of {@code NAME = os.environ.get(...)} (or of {@code app.config["NAME"] = ...}), when the call is the whole value. */
    private static String assignedName(PyNode call) {
        PyNode parent = call.parent();
        if (parent == null || !parent.is("assignment") || parent.field("right") != call) return null;
        return Identifiers.targetName(parent.field("left"));
    }
}
