package dev.secreview.python.rules.secrets;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.tree.PyNode;

import java.util.Set;

@RuleInfo(
        id = "py-hardcoded-password",
        cwe = 259,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A password is written into the source as a string literal.",
        fix = "Read the password at run time from configuration or a secret store, e.g. "
                + "password = os.environ[\"DB_PASSWORD\"] or CONF.database.password (oslo.config option with secret=True), "
                + "and rotate the password that was committed.",
        altNames = {"B105", "B106", "B107"})
public final class HardcodedPasswordRule implements NodeRule {

    @Override
    public Set<String> nodeTypes() {
        return Credentials.NODE_TYPES;
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        Credentials.Candidate c = Credentials.candidate(node, context.values());
        if (c == null || c.kind() != Credentials.Kind.PASSWORD) return;
        switch (c.shape()) {
            case COMPARISON -> context.report(node, Credentials.describe(c) + ": whoever knows this string (anyone "
                    + "with the source) passes the check, a built-in backdoor that cannot be rotated.",
                    Severity.HIGH, Confidence.HIGH);
            case KEYWORD -> context.report(node, Credentials.describe(c) + "; everyone with the source or the "
                    + "package has this password, and changing it means a new release.", Severity.MEDIUM, Confidence.HIGH);
            case DEFAULT -> context.report(node, Credentials.describe(c) + ", so callers that omit it all "
                    + "authenticate with a password published in the source.");
            default -> context.report(node, Credentials.describe(c) + "; everyone with the source or the package "
                    + "has this password, and changing it means a new release.");
        }
    }
}
