package dev.secreview.audit;

import dev.secreview.core.model.SourceFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.secreview.audit.Verdict.CONTRADICTED;
import static dev.secreview.audit.Verdict.SUPPORTED;
import static dev.secreview.audit.Verdict.UNSUPPORTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each fact checker on pairs of claims: one the code refutes (contradicted, with the line that says so), one it
 * confirms (supported by that fact), or one it leaves to the static review.
 */
class FactCheckersTest {

    private static final String OPTIONS = """
            from oslo_config import cfg

            opts = [
                cfg.IntOpt("workers", default=4, min=1, max=32),
                cfg.IntOpt("retries", default=3),
                cfg.PortOpt("port", default=8080),
                cfg.BoolOpt("verify_ssl", default=True),
                cfg.BoolOpt("check_hostname", default=False),
                cfg.StrOpt("password", secret=True),
                cfg.StrOpt("token"),
                cfg.StrOpt("mode", default="strict", choices=["strict", "lax"]),
                cfg.StrOpt("backend", default="file"),
            ]
            """;
    private static final String CALLS = """
            import subprocess

            import requests
            import yaml


            def fetch(url):
                return requests.get(url, timeout=5)


            def fetch_slowly(url):
                return requests.get(url)


            def read(path):
                with open(path) as handle:
                    return handle.read()


            def read_later(path):
                handle = open(path)
                return handle


            def run(name):
                subprocess.run(["report", name], check=True)
                subprocess.run("report " + name, shell=True)


            def settings(path):
                with open(path) as stream:
                    return yaml.load(stream, Loader=yaml.SafeLoader), yaml.load(stream)
            """;

    static Stream<Arguments> claims() {
        return Stream.of(
                // lower bound: min= and PortOpt
                Arguments.of(OPTIONS, "1. CWE-1284, line 4: `workers` has no lower bound, so negative values are accepted.",
                        CONTRADICTED, "module.py:4 `IntOpt(\"workers\", ...)` is declared with min=1, so oslo.config rejects smaller values"),
                Arguments.of(OPTIONS, "1. CWE-1284, line 5: `retries` could be set to a negative number.",
                        SUPPORTED, "module.py:5 `IntOpt(\"retries\", ...)` is declared without min=, so oslo.config accepts negative values"),
                Arguments.of(OPTIONS, "1. CWE-1284, line 6: `port` can be negative.",
                        CONTRADICTED, "module.py:6 `PortOpt(\"port\", ...)` is a PortOpt, which only accepts 0-65535"),
                // upper bound: max=
                Arguments.of(OPTIONS, "1. CWE-1284, line 4: `workers` has no upper bound.",
                        CONTRADICTED, "module.py:4 `IntOpt(\"workers\", ...)` is declared with max=32, so oslo.config rejects larger values"),
                Arguments.of(OPTIONS, "1. CWE-1284, line 5: `retries` has no maximum, so it can be arbitrarily large.",
                        SUPPORTED, "module.py:5 `IntOpt(\"retries\", ...)` is declared without max=, so oslo.config accepts any larger value"),
                // secure default of a protection switch
                Arguments.of(OPTIONS, "1. CWE-295, line 7: certificate verification (`verify_ssl`) is disabled by default.",
                        CONTRADICTED, "module.py:7 `BoolOpt(\"verify_ssl\", ...)` defaults to True, so the protection is on unless turned off"),
                Arguments.of(OPTIONS, "1. CWE-295, line 8: `check_hostname` is disabled by default.",
                        SUPPORTED, "module.py:8 `BoolOpt(\"check_hostname\", ...)` defaults to False, so the protection is off unless turned on"),
                // secret=True
                Arguments.of(OPTIONS, "1. CWE-532, line 9: `password` is not marked as secret, so it is logged.",
                        CONTRADICTED, "module.py:9 `StrOpt(\"password\", ...)` is declared with secret=True, so oslo.config masks its value in logs"),
                Arguments.of(OPTIONS, "1. CWE-532, line 10: `token` is not marked as secret, so it is logged.",
                        SUPPORTED, "module.py:10 `StrOpt(\"token\", ...)` is declared without secret=True, so oslo.config logs its value in clear"),
                // choices=
                Arguments.of(OPTIONS, "1. CWE-20, line 11: `mode` has no allow-list; any string value is accepted.",
                        CONTRADICTED, "module.py:11 `StrOpt(\"mode\", ...)` is declared with choices=[\"strict\", \"lax\"], so oslo.config "
                                + "rejects other values"),
                Arguments.of(OPTIONS, "1. CWE-20, line 12: `backend` has no allow-list; any string value is accepted.",
                        SUPPORTED, "module.py:12 `StrOpt(\"backend\", ...)` is a StrOpt declared without choices= or regex=, so oslo.config "
                                + "accepts any string"),
                // timeout=
                Arguments.of(CALLS, "1. CWE-400, line 8: `requests.get` is called without a timeout.",
                        CONTRADICTED, "module.py:8 `requests.get(url, timeout=5)` passes timeout=5"),
                Arguments.of(CALLS, "1. CWE-400, line 12: `requests.get` is called without a timeout.",
                        SUPPORTED, "module.py:12 `requests.get(url)` passes no timeout"),
                Arguments.of(CALLS, "1. CWE-400, line 12: `requests.get(url)` has no `timeout=` argument.",
                        SUPPORTED, "module.py:12 `requests.get(url)` passes no timeout"),
                // with statement: refuted, never confirmed (the handle may be closed later)
                Arguments.of(CALLS, "1. CWE-772, line 16: the file opened in `read` is never closed.",
                        CONTRADICTED, "module.py:16 `open(path)` is opened in a with statement, which closes it"),
                Arguments.of(CALLS, "1. CWE-772, line 21: the file opened in `read_later` is never closed.",
                        UNSUPPORTED, "the static review reports no CWE-772 finding, nor any under its pillar CWE-664, within 2 lines "
                                + "of line 21"),
                // shell=True
                Arguments.of(CALLS, "1. CWE-78, line 26: `subprocess.run` is called with shell=True.",
                        CONTRADICTED, "module.py:26 `subprocess.run([\"report\", name], check=True)` does not pass shell=True"),
                Arguments.of(CALLS, "1. CWE-78, line 27: `subprocess.run` is called with shell=True.",
                        SUPPORTED, "module.py:27 `subprocess.run(\"report \" + name, shell=True)` passes shell=True"),
                // one call with shell=True and one without: the fact settles nothing, the static review does
                Arguments.of(CALLS, "1. CWE-78, lines 26-27: `subprocess.run` is called with shell=True.",
                        SUPPORTED, "the static review reports it: module.py:27 `subprocess.run(\"report \" + name, shell=True)` "
                                + "py-subprocess-shell (CWE-78, low confidence)"),
                // yaml SafeLoader: one safe and one unsafe call on the same line leaves the claim standing
                Arguments.of(CALLS, "1. CWE-502: `yaml.load(stream, Loader=yaml.SafeLoader)` can build arbitrary objects.",
                        CONTRADICTED, "module.py:32 `yaml.load(stream, Loader=yaml.SafeLoader)` uses yaml.SafeLoader, which builds only "
                                + "plain data"),
                Arguments.of(CALLS, "1. CWE-502, line 32: `yaml.load` can build arbitrary objects.",
                        SUPPORTED, "the static review reports it: module.py:32 `return yaml.load(stream, Loader=yaml.SafeLoader), "
                                + "yaml.lo...` py-yaml-load (CWE-502, low confidence)"));
    }

    @ParameterizedTest
    @MethodSource("claims")
    void codeFactsAgainstClaims(String code, String review, Verdict expected, String evidence) {
        SourceFile file = Fixtures.source("module.py", code);
        AuditedClaim audited = Fixtures.only(Fixtures.audit(file, review));
        assertEquals(expected, audited.verdict(), () -> audited.evidence().toString());
        assertTrue(audited.evidence().contains(evidence), () -> audited.evidence() + " lacks: " + evidence);
    }
}
