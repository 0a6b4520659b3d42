package dev.secreview.python.rules.config;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a reader of an oslo.config finding is told: the message must say what the default does. */
class OsloInsecureDefaultRuleTest {

    private static List<Finding> findings(String options) {
        String code = "from oslo_config import cfg\n\nopts = [\n" + options + "\n]\n";
        return RuleCheck.findings(new OsloInsecureDefaultRule(), "svc/conf/opts.py", code);
    }

    private static Finding only(String option) {
        List<Finding> found = findings(option);
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    @Test
    void certificateVerificationOffIsMediumAndSaysManInTheMiddle() {
        Finding f = only("cfg.BoolOpt('backend_ssl_cert_verify', default=False, help='Validate the backend certificate.')");
        assertEquals(Severity.MEDIUM, f.severity());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.message().contains("TLS certificate verification is off"), f.message());
    }

    @Test
    void signingCertificatesAreNotCalledTls() {
        Finding f = only("cfg.BoolOpt('enable_certificate_validation', default=False, "
                + "help='Validate the signing certificate during image signature verification.')");
        assertTrue(f.message().contains("signing certificates are not validated"), f.message());
        assertTrue(!f.message().contains("TLS"), f.message());
    }

    @Test
    void encryptionSwitchIsALowHardeningNote() {
        Finding f = only("cfg.BoolOpt('use_tls', default=False, help='Use TLS to reach the directory.')");
        assertEquals(Severity.LOW, f.severity());
        assertTrue(f.message().contains("not encrypted") && f.message().contains("hardening"), f.message());
    }

    @Test
    void aShippedKeyIsHighAndAPasswordMedium() {
        Finding key = only("cfg.StrOpt('auth_encryption_key', secret=True, default='not a good key at all 32 chars')");
        assertEquals(Severity.HIGH, key.severity());
        assertTrue(key.message().contains("encrypts or signs with a key anyone can read"), key.message());
        Finding password = only("cfg.StrOpt('array_password', default='admin', secret=True)");
        assertEquals(Severity.MEDIUM, password.severity());
        assertTrue(password.message().contains("credential anyone can read"), password.message());
    }

    @Test
    void aUrlOrPathHoldsACredentialOnlyWithUserinfo() {
        assertEquals(List.of(), findings("cfg.StrOpt('backend_url', secret=True, default='file://$state_path')"));
        assertEquals(List.of(), findings("cfg.StrOpt('store', secret=True, default='/var/lib/svc')"));
        Finding f = only("cfg.StrOpt('transport_url', secret=True, default='rabbit://guest:guest@localhost:5672/')");
        assertTrue(f.message().contains("the password `guest`"), f.message());
    }

    @Test
    void noauthIsAnOpenEndpointOnlyForTheServiceItself() {
        Finding own = only("cfg.StrOpt('auth_strategy', default='noauth', help='The type of authentication to use')");
        assertEquals(Severity.HIGH, own.severity());
        assertTrue(own.message().contains("accepts API requests without authenticating"), own.message());
        assertEquals(List.of(), findings("cfg.StrOpt('image_server_auth_strategy', default='noauth', "
                + "help='Authentication strategy against the image hosting HTTP server.')"));
        Finding unclear = only("cfg.StrOpt('rpc_auth_strategy', default='noauth')");
        assertEquals(Confidence.LOW, unclear.confidence());
        assertTrue(unclear.message().contains("if this strategy guards requests made to this service"),
                unclear.message());
    }

    @Test
    void namesThatOnlySoundLikeProtectionsAreNotReported() {
        assertEquals(List.of(), findings("cfg.BoolOpt('enable_verify_bmc_clock', default=False, "
                + "help='Set the BMC clock; this helps avoid TLS certificate issues.')"));
        assertEquals(List.of(), findings("cfg.BoolOpt('enforce_multipath_for_image_xfer', default=False, "
                + "help='Abort when multipathd is not running instead of using a single path.')"));
        assertEquals(List.of(), findings("cfg.BoolOpt('ignore_project_check_for_admin_tasks', default=True, "
                + "help='Allows admin tasks to access images of any project.')"));
    }
}
