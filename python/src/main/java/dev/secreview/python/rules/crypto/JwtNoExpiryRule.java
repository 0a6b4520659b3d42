package dev.secreview.python.rules.crypto;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;

@RuleInfo(
        id = "py-jwt-no-expiry",
        cwe = 613,
        severity = Severity.MEDIUM,
        confidence = Confidence.HIGH,
        summary = "A JWT is decoded with its expiry check turned off (options={\"verify_exp\": False}), and the code "
                + "does not check the exp claim itself: a token, once issued or stolen, is accepted for ever.",
        fix = "Leave verify_exp on (the default) and give the tokens a short lifetime; where an expired token must "
                + "be read (to refresh it), accept it only on that route and only within a bounded leeway.",
        altNames = {})
public final class JwtNoExpiryRule extends UncheckedJwtClaim {

    public JwtNoExpiryRule() {
        super("verify_exp", "exp", "a token, once issued or stolen, is accepted for ever, also after the user "
                + "logged out or lost their access.");
    }
}
