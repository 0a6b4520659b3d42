package dev.secreview.audit;

import dev.secreview.core.model.SourceFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.secreview.audit.Verdict.CONTRADICTED;
import static dev.secreview.audit.Verdict.GROUNDED;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each fact checker on a pair of small files: one where the code states the fact the claim denies
 * (contradicted), one where it does not (the claim stands, grounded).
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
                Arguments.of(OPTIONS, "1. CWE-1284, line 4: `workers` has no lower bound, so negative values are accepted.", CONTRADICTED),
                Arguments.of(OPTIONS, "1. CWE-1284, line 5: `retries` could be set to a negative number.", GROUNDED),
                Arguments.of(OPTIONS, "1. CWE-1284, line 6: `port` can be negative.", CONTRADICTED),
                // upper bound: max=
                Arguments.of(OPTIONS, "1. CWE-1284, line 4: `workers` has no upper bound.", CONTRADICTED),
                Arguments.of(OPTIONS, "1. CWE-1284, line 5: `retries` has no maximum, so it can be arbitrarily large.", GROUNDED),
                // secure default of a protection switch
                Arguments.of(OPTIONS, "1. CWE-295, line 7: certificate verification (`verify_ssl`) is disabled by default.", CONTRADICTED),
                Arguments.of(OPTIONS, "1. CWE-295, line 8: `check_hostname` is disabled by default.", GROUNDED),
                // secret=True
                Arguments.of(OPTIONS, "1. CWE-532, line 9: `password` is not marked as secret, so it is logged.", CONTRADICTED),
                Arguments.of(OPTIONS, "1. CWE-532, line 10: `token` is not marked as secret, so it is logged.", GROUNDED),
                // choices=
                Arguments.of(OPTIONS, "1. CWE-20, line 11: `mode` has no allow-list; any string value is accepted.", CONTRADICTED),
                Arguments.of(OPTIONS, "1. CWE-20, line 12: `backend` has no allow-list; any string value is accepted.", GROUNDED),
                // timeout=
                Arguments.of(CALLS, "1. CWE-400, line 8: `requests.get` is called without a timeout.", CONTRADICTED),
                Arguments.of(CALLS, "1. CWE-400, line 12: `requests.get` is called without a timeout.", GROUNDED),
                Arguments.of(CALLS, "1. CWE-400, line 12: `requests.get(url)` has no `timeout=` argument.", GROUNDED),
                // with statement
                Arguments.of(CALLS, "1. CWE-772, line 16: the file opened in `read` is never closed.", CONTRADICTED),
                Arguments.of(CALLS, "1. CWE-772, line 21: the file opened in `read_later` is never closed.", GROUNDED),
                // shell=True
                Arguments.of(CALLS, "1. CWE-78, line 26: `subprocess.run` is called with shell=True.", CONTRADICTED),
                Arguments.of(CALLS, "1. CWE-78, line 27: `subprocess.run` is called with shell=True.", GROUNDED),
                Arguments.of(CALLS, "1. CWE-78, lines 26-27: `subprocess.run` is called with shell=True.", GROUNDED),
                // yaml SafeLoader: one safe and one unsafe call on the same line leaves the claim standing
                Arguments.of(CALLS, "1. CWE-502: `yaml.load(stream, Loader=yaml.SafeLoader)` can build arbitrary objects.", CONTRADICTED),
                Arguments.of(CALLS, "1. CWE-502, line 32: `yaml.load` can build arbitrary objects.", GROUNDED));
    }

    @ParameterizedTest
    @MethodSource("claims")
    void codeFactsAgainstClaims(String code, String review, Verdict expected) {
        SourceFile file = Fixtures.source("module.py", code);
        AuditedClaim audited = Fixtures.only(Fixtures.audit(file, review));
        assertEquals(expected, audited.verdict(), () -> audited.evidence().toString());
    }
}
