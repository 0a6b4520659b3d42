package dev.secreview.python.rules.injection;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.FlowStep;
import dev.secreview.core.model.Severity;
import dev.secreview.python.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LdapFilterStringRuleTest {

    @Test
    void theFilterIsReportedWhereItIsBuiltWithTheSearchThatUsesItBeside() {
        Finding f = RuleCheck.only(new LdapFilterStringRule(), "svc/auth/ldap_backend.py", """
                import ldap

                def find(conn, base, username):
                    query = "(&(objectClass=person)(uid=%s))" % username
                    conn.search_s(base, ldap.SCOPE_SUBTREE, query)
                    return conn.search_s(base, ldap.SCOPE_ONELEVEL, query, ["cn"])
                """);
        assertEquals("py-ldap-filter-string", f.rule().id());
        assertEquals(4, f.line());
        assertEquals(90, f.cwe());
        assertEquals(Severity.MEDIUM, f.severity());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.message().startsWith("This LDAP filter is built by inserting `username` as a value"), f.message());
        assertEquals(List.of(5, 6), f.related().stream().map(FlowStep::line).toList());
        assertEquals("the search that uses `query`", f.related().get(0).note());
    }
}
