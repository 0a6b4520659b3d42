package dev.secreview.python.rules.crypto;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UncheckedJwtClaimTest {

    private static final String DECODER = """
            import jwt


            def decode(token, key):
                options = {}
                options["verify_exp"] = False
                return jwt.decode(token, key, algorithms=["RS256"], options=options)
            """;

    @Test
    void anExpiryCheckTurnedOffIsAMediumFindingThatShowsWhere() {
        Finding f = RuleCheck.only(new JwtNoExpiryRule(), "app/tokens.py", DECODER);
        assertEquals(7, f.line());
        assertEquals(613, f.cwe());
        assertEquals(Severity.MEDIUM, f.severity());
        assertEquals(Confidence.HIGH, f.confidence());
        assertEquals("`jwt.decode` is told not to check the `exp` claim (`options[\"verify_exp\"] = False`) and nothing "
                + "in this module reads it to check it: a token, once issued or stolen, is accepted for ever, also "
                + "after the user logged out or lost their access.", f.message());
    }

    @Test
    void aModuleThatReadsTheClaimChecksItItsOwnWay() {
        String code = DECODER + """


                def validate(token, key):
                    payload = decode(token, key)
                    if payload["exp"] < now():
                        raise Expired()
                    return payload
                """;
        assertEquals(List.of(), RuleCheck.findings(new JwtNoExpiryRule(), "app/tokens.py", code));
    }

    @Test
    void theAudienceRuleLooksAtItsOwnOptionOnly() {
        assertEquals(List.of(), RuleCheck.findings(new JwtNoAudienceRule(), "app/tokens.py", DECODER));
    }
}
