package dev.secreview.python.rules.crypto;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;

@RuleInfo(
        id = "py-jwt-no-audience",
        cwe = 287,
        severity = Severity.MEDIUM,
        confidence = Confidence.HIGH,
        summary = "A JWT is decoded with its audience check turned off (options={\"verify_aud\": False}), and the "
                + "code does not check the aud claim itself: a token the same issuer signed for another service "
                + "is accepted here.",
        fix = "Pass the service's own audience (jwt.decode(token, key, algorithms=[...], audience=\"my-api\")) and "
                + "leave verify_aud on.",
        altNames = {})
public final class JwtNoAudienceRule extends UncheckedJwtClaim {

    public JwtNoAudienceRule() {
        super("verify_aud", "aud", "a token the same issuer signed for another service (or another tenant's "
                + "client) is accepted here as if it were meant for this one.");
    }
}
