package dev.secreview.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixListTest {

    static final String HEADER = "id,repository,advisory,cwe,fix_commit,parent_commit,file,vulnerable_lines,class,summary\n";
    static final String FIX = "1111111111111111111111111111111111111111";
    static final String PARENT = "2222222222222222222222222222222222222222";

    @Test
    void readsEveryColumnWithQuotedSummariesAndLineRanges() throws Exception {
        List<FixCase> fixes = FixList.parse(HEADER
                + "web-CVE-2024-1,example/web,CVE-2024-1,CWE-22," + FIX + "," + PARENT
                + ",web/files.py,12;30-32,path-traversal,\"name from the upload, joined to the root\"\n", "fixes.csv");

        FixCase fix = fixes.get(0);
        assertEquals("web-CVE-2024-1", fix.id());
        assertEquals("example/web", fix.repository());
        assertEquals(22, fix.cwe());
        assertEquals(FIX, fix.fixCommit());
        assertEquals(PARENT, fix.parentCommit());
        assertEquals("web/files.py", fix.file());
        assertEquals("[12, 30-32]", fix.lines().toString());
        assertEquals("path-traversal", fix.defectClass());
        assertEquals("name from the upload, joined to the root", fix.summary());
    }

    @Test
    void nearCountsTheToleranceOnBothSidesOfEveryRange() throws Exception {
        FixCase fix = FixList.parse(HEADER + row("a", "CWE-22", "12;30-32"), "f").get(0);
        assertEquals(List.of(false, true, true, true, false, true, true, true, true, false),
                List.of(9, 10, 12, 14, 15, 28, 30, 32, 34, 35).stream().map(line -> fix.near(line, 2)).toList());
    }

    @Test
    void badRowsAreOneLineErrorsThatSayWhere() {
        assertError("f:2: cwe must look like CWE-22, not '22'", HEADER + row("a", "22", "3"));
        assertError("f:2: CWE-999999 is not in the CWE catalog", HEADER + row("a", "CWE-999999", "3"));
        assertError("f:2: vulnerable_lines must look like 12;30-32, not '5-3'", HEADER + row("a", "CWE-22", "5-3"));
        assertError("f:2: vulnerable_lines must look like 12;30-32, not 'x'", HEADER + row("a", "CWE-22", "x"));
        assertError("f:3: id a is listed twice", HEADER + row("a", "CWE-22", "3") + row("a", "CWE-22", "4"));
        assertError("f:2: fix_commit must be a full 40-digit commit id",
                HEADER + row("a", "CWE-22", "3").replace(FIX, "abc123"));
        assertError("f:2: empty summary", HEADER + row("a", "CWE-22", "3").replace(",what went wrong", ","));
        assertError("f: missing columns class, summary", "id,repository,advisory,cwe,fix_commit,parent_commit,file,"
                + "vulnerable_lines\na,b,c,CWE-1,d,e,f,1\n");
        assertError("f: no fixes", HEADER);
    }

    @Test
    void theCommittedListOfRealFixesIsWellFormed() throws Exception {
        // Maven runs the tests in the module's directory; the list lives beside the sources.
        List<FixCase> fixes = FixList.read(java.nio.file.Path.of("fixes/fixes.csv"));
        assertTrue(fixes.size() >= 60, "at least 60 fixes, got " + fixes.size());
        java.util.Set<String> classes = java.util.Set.of("sql-injection", "command-injection", "code-injection",
                "path-traversal", "xss", "ssrf", "open-redirect", "xxe", "deserialization", "access-control",
                "authentication", "info-exposure", "crypto-tls", "timing", "denial-of-service", "csrf",
                "header-injection", "template-injection", "race", "ldap-injection", "secrets", "other");
        for (FixCase fix : fixes) {
            assertTrue(classes.contains(fix.defectClass()), fix.id() + ": class " + fix.defectClass());
            assertTrue(fix.repository().matches("[\\w.-]+/[\\w.-]+"), fix.id() + ": repository " + fix.repository());
            assertFalse(fix.file().startsWith("/"), fix.id());
        }
    }

    private static String row(String id, String cwe, String lines) {
        return id + ",example/web,none," + cwe + "," + FIX + "," + PARENT + ",web/a.py," + lines + ",xss,what went wrong\n";
    }

    private static void assertError(String message, String text) {
        EvalInputException e = assertThrows(EvalInputException.class, () -> FixList.parse(text, "f"));
        assertEquals(message, e.getMessage());
    }
}
