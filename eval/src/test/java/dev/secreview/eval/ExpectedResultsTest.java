package dev.secreview.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExpectedResultsTest {

    @TempDir
    Path dir;

    @Test
    void readsTheOwaspFormatSkippingTheHeaderAndExtraColumns() throws Exception {
        Path csv = Files.writeString(dir.resolve("expectedresults-1.0.csv"), """
                # test name, category, real vulnerability, cwe, Benchmark version: 1.0, 2025-11-5
                BenchmarkTest00001,pathtraver,true,22
                 BenchmarkTest00002 , sqli , FALSE , 89 , extra

                """);
        assertEquals(List.of(new TestCase("BenchmarkTest00001", "pathtraver", true, 22),
                new TestCase("BenchmarkTest00002", "sqli", false, 89)), ExpectedResults.read(csv));
    }

    @Test
    void malformedRowsAreNamedByLine() {
        assertEquals("e.csv:2: expected 'test name, category, real vulnerability, cwe'",
                error("# header", "T1,cmdi,true"));
        assertEquals("e.csv:1: real vulnerability must be true or false, not 'yes'", error("T1,cmdi,yes,78"));
        assertEquals("e.csv:1: cwe must be a number, not 'CWE-78'", error("T1,cmdi,true,CWE-78"));
        assertEquals("e.csv:1: empty test name or category", error(",cmdi,true,78"));
        assertEquals("e.csv:2: test case T1 is listed twice", error("T1,cmdi,true,78", "T1,cmdi,false,78"));
        assertEquals("e.csv: no test cases", error("# only a header"));
    }

    @Test
    void unreadableFilesAreOneLineErrors() throws IOException {
        Path missing = dir.resolve("missing.csv");
        assertEquals(missing + ": no such file",
                assertThrows(EvalInputException.class, () -> ExpectedResults.read(missing)).getMessage());
        assertEquals(dir + ": is a directory",
                assertThrows(EvalInputException.class, () -> ExpectedResults.read(dir)).getMessage());
        Path binary = Files.write(dir.resolve("binary.csv"), new byte[]{(byte) 0xff, (byte) 0xfe, 0});
        assertEquals(binary + ": not UTF-8 text",
                assertThrows(EvalInputException.class, () -> ExpectedResults.read(binary)).getMessage());
    }

    private static String error(String... lines) {
        return assertThrows(EvalInputException.class, () -> ExpectedResults.parse(List.of(lines), "e.csv")).getMessage();
    }
}
