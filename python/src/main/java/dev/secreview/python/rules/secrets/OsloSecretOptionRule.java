package dev.secreview.python.rules.secrets;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.rules.config.OsloOptions;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.tree.PyNode;

import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "py-oslo-secret-opt",
        cwe = 532,
        severity = Severity.MEDIUM,
        confidence = Confidence.HIGH,
        summary = "An oslo.config option that holds a password, token or key is registered without secret=True, so "
                + "the configuration dump services log at start-up (log_opt_values) writes its value in clear.",
        fix = "Register it with secret=True: cfg.StrOpt(\"admin_password\", secret=True, help=...); oslo.config then "
                + "logs **** in its place.",
        altNames = {})
public final class OsloSecretOptionRule implements CallRule {

    /** Option types whose values are text a secret can be (not numbers, booleans or port numbers). */
    private static final Set<String> TEXT_OPTIONS = Set.of("Opt", "StrOpt", "URIOpt", "ListOpt", "DictOpt",
            "MultiStrOpt");

    /** Words in the help text that say the option holds where a secret is, or which mechanism, not the secret. */
    private static final Set<String> ABOUT_WORDS = Set.of("file", "filename", "path", "directory", "folder",
            "repository", "location", "plugin", "driver", "entrypoint", "policy", "policies", "module", "class");

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null || !callee.startsWith("oslo_config.cfg.")) return;
        if (!TEXT_OPTIONS.contains(callee.substring("oslo_config.cfg.".length())) || call.unpacksArguments()) return;
        PyNode nameNode = call.argument(0, "name");
        Optional<String> name = nameNode == null ? Optional.empty() : context.values().string(nameNode);
        if (name.isEmpty()) return;
        String what = LogSecretRule.secretKind(name.get());
        // a credential object or a token id is not itself the secret an operator types into the file
        if (what == null || what.equals("credential") || what.equals("token id")) return;
        PyNode secret = call.keyword("secret");
        if (secret != null && !context.values().isFalse(secret)) return;
        if (namesSomethingElse(call, context)) return;
        context.report(call.node(), "Option `" + name.get() + "` holds " + (what.startsWith("A") ? "an " : "a ") + what
                + " but is registered without `secret=True`: `CONF.log_opt_values()`, which services call at start-up "
                + "and on SIGHUP, writes its value to the log in clear, and so does any debug dump of the configuration.");
    }

    /**
     * The option holds a file name, a directory or a plugin name rather than the secret itself, by its help text
     * ("Filename of private key to use") or its default (an absolute path).
     */
    private static boolean namesSomethingElse(Call call, RuleContext context) {
        String help = OsloOptions.helpText(call.keyword("help"), context.values()).replace("entry point", "entrypoint");
        if (Identifiers.words(help).stream().anyMatch(ABOUT_WORDS::contains)) return true;
        return context.values().string(call.keyword("default")).map(d -> d.startsWith("/")).orElse(false);
    }
}
