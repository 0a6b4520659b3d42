package dev.secreview.audit;

import dev.secreview.core.cwe.CweCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CweNamesTest {

    private static final CweCatalog CATALOG = CweCatalog.embedded();

    @ParameterizedTest(name = "CWE-{0} ''{1}'' matches: {2}")
    @CsvSource(delimiter = '|', value = {
            "89 | Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection') | true",
            "89 | improper neutralization of special elements used in an sql command | true",
            "89 | Improper Neutralisation of Special Elements in SQL Commands | true",
            "89 | SQL Injection | true",
            "89 | SQL injection vulnerability | true",
            "89 | SQLi | true",
            "78 | OS Command Injection | true",
            "78 | Improper Neutralisation of Special Elements used in an OS Command | true",
            "79 | Cross-site Scripting | true",
            "79 | Cross Site Scripting (XSS) | true",
            "79 | XSS | true",
            "79 | Improper Neutralization of Input During Web Page Generation | true",
            "611 | XXE | true",
            "352 | CSRF | true",
            "259 | Use of Hard-coded Password | true",
            "259 | Hardcoded Password | true",
            "502 | Deserialisation of Untrusted Data | true",
            "20 | Improper Handling of Libraries | false",
            "20 | Missing Input Validation | false",
            "78 | Improper Neutralization of Special Elements used in a Command ('Command Injection') | false",
            "78 | SQL Injection | false",
            "79 | Improper Neutralization of Input During Web Page Generation (SQL Injection) | false",
            "328 | Use of a Broken Hash | false",
            "89 | XSS | false"})
    void toleratesWordingButNotMeaning(int cwe, String claimed, boolean matches) {
        assertEquals(matches, CweNames.matches(claimed.strip(), CATALOG.require(cwe)));
    }
}
