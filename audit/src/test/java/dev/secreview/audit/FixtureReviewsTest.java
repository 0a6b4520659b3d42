package dev.secreview.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.secreview.audit.Verdict.BAD_LINE;
import static dev.secreview.audit.Verdict.CONTRADICTED;
import static dev.secreview.audit.Verdict.SUPPORTED;
import static dev.secreview.audit.Verdict.MISNAMED_CWE;
import static dev.secreview.audit.Verdict.NOT_A_WEAKNESS;
import static dev.secreview.audit.Verdict.UNKNOWN_SYMBOL;
import static dev.secreview.audit.Verdict.UNVERIFIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first fixture reviews, written as an LLM would, audited claim by claim: the checks before the evidence, mostly. */
class FixtureReviewsTest {

    private static final String OPTIONS = "fixtures/conf/api_opts.py";
    private static final String ORDERS = "fixtures/webapp/orders.py";

    @Test
    void optionsModuleReview() {
        AuditReport report = Fixtures.audit(OPTIONS, "reviews/api_opts-review.md");

        assertEquals(List.of(SUPPORTED, CONTRADICTED, CONTRADICTED, CONTRADICTED, MISNAMED_CWE, NOT_A_WEAKNESS,
                NOT_A_WEAKNESS, SUPPORTED, UNVERIFIED, CONTRADICTED, CONTRADICTED), Fixtures.verdicts(report));
        assertEvidence(report, 1, "the static review reports it: " + OPTIONS + ":21 `cfg.StrOpt(\"auth_strategy\", default=\"noauth\",` "
                + "py-oslo-insecure-default (CWE-1188, high confidence)");
        assertEvidence(report, 2, OPTIONS + ":9 `IntOpt(\"workers\", ...)` is declared with min=0, so oslo.config rejects smaller values");
        assertEvidence(report, 3, OPTIONS + ":15 `BoolOpt(\"verify_ssl\", ...)` defaults to True, so the protection is on unless turned off");
        assertEvidence(report, 4, OPTIONS + ":19 `StrOpt(\"admin_token\", ...)` is declared with secret=True, so oslo.config masks "
                + "its value in logs");
        assertEvidence(report, 5, "'Improper Handling of Libraries' is not the name of CWE-20: Improper Input Validation");
        assertEvidence(report, 6, "CWE-711 is a View, not a weakness (Weaknesses in OWASP Top Ten (2004), status Obsolete)");
        assertEvidence(report, 7, "CWE-712 is a Category, not a weakness (OWASP Top Ten 2007 Category A1 - Cross Site "
                + "Scripting (XSS), status Obsolete)");
        assertEvidence(report, 9, "the claim names no line and no code of the file, so nothing in it could be checked");
        assertEvidence(report, 8, OPTIONS + ":13 `IntOpt(\"token_cache_time\", ...)` is declared without min=, so oslo.config "
                + "accepts negative values");
        assertEvidence(report, 10, OPTIONS + ":21 `StrOpt(\"auth_strategy\", ...)` is declared with choices=[\"keystone\", "
                + "\"noauth\"], so oslo.config rejects other values");
        assertEvidence(report, 11, OPTIONS + ":7 `PortOpt(\"bind_port\", ...)` is a PortOpt, which only accepts 0-65535");
    }

    @Test
    void webModuleReview() {
        AuditReport report = Fixtures.audit(ORDERS, "reviews/orders-review.md");

        assertEquals(List.of(SUPPORTED, SUPPORTED, CONTRADICTED, CONTRADICTED, CONTRADICTED, CONTRADICTED, UNKNOWN_SYMBOL,
                UNKNOWN_SYMBOL, BAD_LINE, MISNAMED_CWE, NOT_A_WEAKNESS, BAD_LINE, UNVERIFIED), Fixtures.verdicts(report));
        assertEvidence(report, 3, ORDERS + ":38 `subprocess.run([\"archive-order\", str(order_id)], check=True)` does not pass shell=True");
        assertEvidence(report, 4, ORDERS + ":15 `open(path)` is opened in a with statement, which closes it");
        assertEvidence(report, 5, ORDERS + ":16 `yaml.load(handle, Loader=yaml.SafeLoader)` uses yaml.SafeLoader, which builds only "
                + "plain data");
        assertEvidence(report, 6, ORDERS + ":43 `requests.post(...)` passes timeout=10");
        assertEvidence(report, 7, "the claim speaks of a try/except block, but the file has none");
        assertEvidence(report, 8, "`validate_customer` does not occur in the file");
        assertEvidence(report, 9, "line 58 is past the end of the file (45 lines)");
        assertEvidence(report, 10, "the CWE-1000 pillar of CWE-22 is CWE-664: Improper Control of a Resource Through its "
                + "Lifetime, not CWE-707");
        assertEvidence(report, 11, "CWE-217 is a deprecated weakness (DEPRECATED: Failure to Protect Stored Data from Modification)");
        assertEvidence(report, 12, "`response.json` is on line 45, not within 3 lines of line 23");
        assertEquals(2, report.count(SUPPORTED));
        assertEquals(2.0 / 13, report.supportedShare(), 1e-9);
    }

    @Test
    void supportedClaimsShowWhatWasFound() {
        AuditedClaim sqlInjection = Fixtures.audit(ORDERS, "reviews/orders-review.md").claims().get(0);

        assertEquals(List.of("CWE-89 is a Base weakness",
                "'SQL Injection' matches the official name of CWE-89",
                "line 23 is in the file (45 lines)",
                "`orders_of` is on line 20",
                "`cursor.execute(f\"SELECT id, total FROM orders WHERE custo...` is on line 23",
                "the static review reports it: " + ORDERS + ":23 `cursor.execute(f\"SELECT id, total FROM orders WHERE custo...` "
                        + "py-sql-injection (CWE-89, high confidence)"), sqlInjection.evidence());
        assertTrue(sqlInjection.accepted());
    }

    @Test
    void jsonAnswerReview() {
        AuditReport report = Fixtures.audit(ORDERS, "reviews/orders-review.json");

        assertEquals(List.of(SUPPORTED, SUPPORTED, CONTRADICTED, UNKNOWN_SYMBOL, BAD_LINE), Fixtures.verdicts(report));
        assertEvidence(report, 4, "the code `sanitize(customer)` does not occur in the file");
        assertEvidence(report, 5, "line 99 is past the end of the file (45 lines)");
    }

    @Test
    void aReviewThatFindsNothingMakesNoClaims() {
        AuditReport report = Fixtures.audit(ORDERS, "reviews/clean-review.md");

        assertEquals(List.of(), report.claims());
        assertTrue(report.allSupported());
    }

    private static void assertEvidence(AuditReport report, int claim, String evidence) {
        List<String> all = report.claims().get(claim - 1).evidence();
        assertTrue(all.contains(evidence), () -> "claim " + claim + " evidence " + all + " lacks: " + evidence);
    }
}
