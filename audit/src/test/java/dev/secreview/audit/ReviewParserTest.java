package dev.secreview.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReviewParserTest {

    private final ReviewParser parser = new ReviewParser();

    private Claim only(String review) {
        List<Claim> claims = parser.parse(review);
        assertEquals(1, claims.size(), () -> "claims: " + claims);
        return claims.get(0);
    }

    // ------------------------------------------------------------------ how findings are marked

    @Test
    void numberedListWithDotsOrParentheses() {
        for (String marker : List.of("1.", "1)")) {
            List<Claim> claims = parser.parse("Here is what I found.\n\n" + marker.replace("1", "1") + " SQL injection (CWE-89), line 4.\n"
                    + marker.replace("1", "2") + " Command injection (CWE-78), line 9.\n\nOverall the code needs work.\n");
            assertEquals(List.of(89, 78), claims.stream().map(Claim::cwe).toList(), marker);
            assertEquals(List.of(1, 2), claims.stream().map(Claim::index).toList(), marker);
        }
    }

    @Test
    void numberedHeadingsWithFieldBulletsAreOneClaimEach() {
        List<Claim> claims = parser.parse("""
                # Review

                Some preamble that mentions nothing.

                ### 1. SQL injection
                - **CWE**: CWE-89
                - **Line**: 12
                - **Description**: `query` is built with `%`.
                - **Fix**: use parameters such as `cursor.execute(sql, args)`.

                ### 2. Hard-coded password
                - **CWE**: CWE-259 (Use of Hard-coded Password)
                - **Location**: lines 3-4

                ## Summary
                1. Fix the injection first.
                """);

        assertEquals(2, claims.size());
        Claim first = claims.get(0);
        assertEquals("SQL injection", first.title());
        assertEquals(89, first.cwe());
        assertNull(first.cweName());
        assertEquals(List.of(LineSpan.of(12)), first.lines());
        assertEquals(List.of("query"), first.identifiers());
        assertEquals("SQL injection `query` is built with `%`.", first.explanation());
        assertEquals("use parameters such as `cursor.execute(sql, args)`.", first.fix());
        assertEquals("Use of Hard-coded Password", claims.get(1).cweName());
        assertEquals(List.of(new LineSpan(3, 4)), claims.get(1).lines());
    }

    @Test
    void bulletedFindings() {
        List<Claim> claims = parser.parse("""
                Findings:
                - **CWE-78: OS Command Injection** on line 7: `os.system(cmd)` runs a shell.
                - **CWE-502 - Deserialization of Untrusted Data** (L12): `pickle.loads` on request data.
                """);

        assertEquals(List.of(78, 502), claims.stream().map(Claim::cwe).toList());
        assertEquals("OS Command Injection", claims.get(0).cweName());
        assertEquals(List.of("os.system(cmd)"), claims.get(0).codeFragments());
        assertEquals("Deserialization of Untrusted Data", claims.get(1).cweName());
        assertEquals(List.of(LineSpan.of(12)), claims.get(1).lines());
        assertEquals(List.of("pickle.loads"), claims.get(1).identifiers());
    }

    @Test
    void findingLabelsStartFindings() {
        List<Claim> claims = parser.parse("""
                **Finding 1:** CWE-798 (Use of Hard-coded Credentials) at line 3: `API_KEY` is in the source.

                **Finding 2:** CWE-319 on line 9: `http://` URL for the login call.
                """);

        assertEquals(List.of(798, 319), claims.stream().map(Claim::cwe).toList());
        assertEquals(List.of("API_KEY"), claims.get(0).identifiers());
    }

    @Test
    void headingsWithoutNumbersMakeClaimsWhenTheyNameACweOrALine() {
        List<Claim> claims = parser.parse("""
                ## Overview
                The module reads configuration (see line 3 for the loader).

                ### Weak hash
                `hashlib.md5` on line 8 is used for passwords (CWE-328).

                ### Style
                Names could be clearer.
                """);

        assertEquals(1, claims.size());
        assertEquals(328, claims.get(0).cwe());
    }

    @Test
    void paragraphsMentioningACweAreClaimsWhenNothingElseMarksFindings() {
        List<Claim> claims = parser.parse("""
                The code looks reasonable overall.

                The query on line 14 concatenates the user name into SQL (CWE-89).

                Thanks for the opportunity to review.
                """);

        assertEquals(1, claims.size());
        assertEquals(List.of(LineSpan.of(14)), claims.get(0).lines());
    }

    @ParameterizedTest
    @ValueSource(strings = {"No security defects are detected in the code.",
            "## Review\n\nI checked every function. No security issues were found.",
            "1. No vulnerabilities were identified in this file.", "", "   \n"})
    void aReviewThatFindsNothingMakesNoClaims(String review) {
        assertEquals(List.of(), parser.parse(review));
    }

    // ------------------------------------------------------------------ CWE, name, pillar

    static Stream<Arguments> cweForms() {
        return Stream.of(
                Arguments.of("1. CWE-89 (SQL Injection) on line 3", 89, "SQL Injection"),
                Arguments.of("1. CWE-89: Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection'), line 3",
                        89, "Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection')"),
                Arguments.of("1. CWE-89 - SQL Injection - line 3", 89, "SQL Injection"),
                Arguments.of("1. CWE-89 \u2013 SQL Injection (line 3)", 89, "SQL Injection"),
                Arguments.of("1. **CWE-89: SQL Injection** (line 3)", 89, "SQL Injection"),
                Arguments.of("1. SQL injection (CWE-89: SQL Injection), line 3", 89, "SQL Injection"),
                Arguments.of("1. SQL injection (CWE-89), line 3", 89, null),
                Arguments.of("1. **CWE**: CWE-89\n   Line: 3", 89, null),
                Arguments.of("1. **CWE**: 89\n   Line: 3", 89, null),
                Arguments.of("1. CWE-89 - the query is built from the name typed into the form, line 3", 89, null),
                Arguments.of("1. CWE-89, line 3: the query is built from input", 89, null));
    }

    @ParameterizedTest
    @MethodSource("cweForms")
    void cweIdAndName(String review, int cwe, String name) {
        Claim claim = only(review);
        assertEquals(cwe, claim.cwe());
        assertEquals(name, claim.cweName());
    }

    @Test
    void cweNameWrappedOverTwoLinesIsOneName() {
        Claim claim = only("1. **Leak** \u2013 CWE-775 (Missing Release of File Descriptor or Handle after\n"
                + "   Effective Lifetime), line 15: the handle is never closed.");
        assertEquals("Missing Release of File Descriptor or Handle after Effective Lifetime", claim.cweName());
    }

    @Test
    void pillarIsNotTakenForTheCwe() {
        Claim claim = only("1. Pillar: CWE-707 (Improper Neutralization). CWE-78 (OS Command Injection) on line 5.");
        assertEquals(78, claim.cwe());
        assertEquals("OS Command Injection", claim.cweName());
        assertEquals(707, claim.pillar());
    }

    // ------------------------------------------------------------------ lines

    static Stream<Arguments> lineForms() {
        return Stream.of(
                Arguments.of("line 42", List.of(LineSpan.of(42))),
                Arguments.of("lines 10-12", List.of(new LineSpan(10, 12))),
                Arguments.of("line 42-44", List.of(new LineSpan(42, 44))),
                Arguments.of("lines 10 to 12", List.of(new LineSpan(10, 12))),
                Arguments.of("on lines 3 and 7", List.of(LineSpan.of(3), LineSpan.of(7))),
                Arguments.of("lines 3, 7 and 9", List.of(LineSpan.of(3), LineSpan.of(7), LineSpan.of(9))),
                Arguments.of("at L42", List.of(LineSpan.of(42))),
                Arguments.of("L10-L12", List.of(new LineSpan(10, 12))),
                Arguments.of("in app.py:42", List.of(LineSpan.of(42))),
                Arguments.of("**Line**: 42", List.of(LineSpan.of(42))),
                Arguments.of("lines 12-10", List.of(new LineSpan(10, 12))));
    }

    @ParameterizedTest
    @MethodSource("lineForms")
    void lineReferences(String where, List<LineSpan> lines) {
        assertEquals(lines, only("1. CWE-89 " + where + ": the query is built from input").lines());
    }

    @Test
    void lineWordsInsideCodeAreNotLineReferences() {
        assertEquals(List.of(LineSpan.of(4)), only("1. CWE-117, line 4: `log(\"line 99\")` writes input.").lines());
    }

    // ------------------------------------------------------------------ code, explanation, fix

    @Test
    void backtickedNamesCodeAndBlocks() {
        Claim claim = only("""
                1. **Injection in `run_report()`** (CWE-78) on line 9: `subprocess.run` gets `shell=True`
                   and calls helper_fn() with the raw name, e.g. `x; rm -rf /`, reading `config.py`.
                   ```python
                   subprocess.run(cmd, shell=True)
                   ```
                   The `try...except` around it hides failures.
                   Recommendation: use `shlex.quote(name)`:
                   ```python
                   subprocess.run(["report", name])
                   ```
                """);

        assertEquals(List.of("run_report", "subprocess.run", "helper_fn"), claim.identifiers());
        assertEquals(List.of("subprocess.run(cmd, shell=True)", "shell=True"), claim.codeFragments());
        assertEquals("use `shlex.quote(name)`: subprocess.run([\"report\", name])", claim.fix());
    }

    @Test
    void fileNamesAreNotNamesButAttributesThatLookLikeThemAre() {
        Claim claim = only("1. CWE-20, line 8: `views.py` reads `request.json` and `self.db` with `cfg.CONF`.");
        assertEquals(List.of("request.json", "self.db", "cfg.CONF"), claim.identifiers());
    }

    @Test
    void codeTheReviewerSaysIsAbsentIsNotQuotedFromTheFile() {
        Claim claim = only("1. CWE-400, line 8: `fetch` calls `requests.get` without `timeout=`; the "
                + "`@rate_limited` decorator is missing, and it should use `session.get`.");
        assertEquals(List.of("fetch", "requests.get"), claim.identifiers());
        assertEquals(List.of(), claim.codeFragments());
    }

    @Test
    void metadataOnlyLinesAreNotPartOfTheExplanation() {
        Claim claim = only("""
                ### 1. Insecure default
                **CWE-1188: Initialization of a Resource with an Insecure Default** (line 21)

                `auth_strategy` defaults to `noauth`.
                """);

        assertEquals("Insecure default `auth_strategy` defaults to `noauth`.", claim.explanation());
        assertEquals("Insecure default", claim.title());
    }

    @Test
    void titleDropsTheCweInParenthesesAndEmphasis() {
        Claim claim = only("1. **Path traversal (CWE-22: Improper Limitation of a Pathname to a Restricted Directory "
                + "('Path Traversal'))** on line 3");
        assertEquals("Path traversal", claim.title());
    }

    // ------------------------------------------------------------------ the JSON answer schema

    @Test
    void jsonArrayWithEveryFieldForm() {
        List<Claim> claims = parser.parse("""
                [
                  {"cwe": "CWE-89", "line": 12, "code": "cursor.execute(q % name)", "explanation": "SQL built from input", "fix": "bind"},
                  {"cwe": 78, "line": "10-12", "code": "os.system", "explanation": "shell"},
                  {"cwe": "CWE-79: Cross-site Scripting", "line": null, "code": "", "severity": "high"}
                ]
                """);

        assertEquals(3, claims.size());
        Claim first = claims.get(0);
        assertEquals(89, first.cwe());
        assertEquals(List.of(LineSpan.of(12)), first.lines());
        assertEquals(List.of("cursor.execute(q % name)"), first.codeFragments());
        assertEquals("SQL built from input", first.explanation());
        assertEquals("bind", first.fix());
        assertEquals("SQL built from input", first.text());
        assertEquals(78, claims.get(1).cwe());
        assertEquals(List.of(new LineSpan(10, 12)), claims.get(1).lines());
        assertEquals(List.of("os.system"), claims.get(1).identifiers());
        assertEquals("Cross-site Scripting", claims.get(2).cweName());
        assertEquals(List.of(), claims.get(2).lines());
    }

    @Test
    void theExplanationOfAJsonFindingQuotesCodeAsProseDoes() {
        Claim claim = only("""
                [{"cwe": "CWE-697", "line": 70, "code": "def filter_factory(global_conf, **local_conf):",
                  "explanation": "`filter_factory` compares `global_conf` incorrectly; a name such as `x; rm -rf /` or a missing `timeout=` is no quote, sanitize_input() is."}]
                """);
        assertEquals(List.of("filter_factory", "global_conf", "sanitize_input"), claim.identifiers());
        assertEquals(List.of("def filter_factory(global_conf, **local_conf):"), claim.codeFragments());
    }

    @Test
    void jsonInAFenceOrUnderAKey() {
        String finding = "{\"cwe\": \"CWE-22\", \"line\": 5, \"code\": \"open(path)\"}";
        for (String review : List.of("```json\n[" + finding + "]\n```", "{\"findings\": [" + finding + "]}", finding)) {
            Claim claim = only(review);
            assertEquals(22, claim.cwe(), review);
            assertEquals(List.of(LineSpan.of(5)), claim.lines(), review);
        }
    }

    @Test
    void anEmptyJsonArrayMakesNoClaims() {
        assertEquals(List.of(), parser.parse("[]"));
    }

    @Test
    void proseThatStartsWithABracketIsNotJson() {
        Claim claim = only("[HIGH] CWE-89 on line 12: the query is built from `name`.");
        assertEquals(89, claim.cwe());
        assertEquals(List.of(LineSpan.of(12)), claim.lines());
    }

    @Test
    void jsonLinesMayListSeveralLinesAndRanges() {
        assertEquals(List.of(LineSpan.of(3), new LineSpan(7, 9)), only("[{\"cwe\": 78, \"line\": \"3, 7-9\"}]").lines());
    }

    static Stream<Arguments> malformedJson() {
        return Stream.of(
                Arguments.of("[{\"cwe\": \"CWE-89\", \"line\": 12,",
                        "the text ends before the JSON does at line 1, column 31 (truncated?)"),
                Arguments.of("```json\n[{\"cwe\": 89}\n```",
                        "the text ends before the JSON does at line 2, column 13 (truncated?)"),
                Arguments.of("[{\"cwe\": 89}] and more",
                        "Unrecognized token 'and': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false') at line 1, column 15"),
                Arguments.of("[{\"cwe\": 89}, \"a string\"]",
                        "finding 2 is a string (\"a string\"), not an object {cwe, line, code, explanation, fix}"),
                Arguments.of("[{\"cwe\": 89}, [1]]",
                        "finding 2 is an array, not an object {cwe, line, code, explanation, fix}"),
                Arguments.of("[{\"cwe\": 89, \"line\": -1}]",
                        "finding 1: \"line\" is -1, not a line number (42) or lines (\"10-12\", \"3, 7\")"),
                Arguments.of("[{\"cwe\": 89, \"line\": 0}]",
                        "finding 1: \"line\" is 0, not a line number (42) or lines (\"10-12\", \"3, 7\")"),
                Arguments.of("[{\"cwe\": 89, \"line\": 2.5}]",
                        "finding 1: \"line\" is 2.5, not a line number (42) or lines (\"10-12\", \"3, 7\")"),
                Arguments.of("[{\"cwe\": 89, \"line\": \"near the top\"}]",
                        "finding 1: \"line\" is \"near the top\", not a line number (42) or lines (\"10-12\", \"3, 7\")"),
                Arguments.of("[{\"cwe\": 89, \"line\": [12]}]",
                        "finding 1: \"line\" is an array, not text or a number"),
                Arguments.of("[{\"cwe\": \"SQL injection\"}]",
                        "finding 1: \"cwe\" is \"SQL injection\", not a CWE id such as \"CWE-89\" or 89"),
                Arguments.of("[{\"cwe\": 89, \"code\": {\"text\": \"x\"}}]",
                        "finding 1: \"code\" is an object, not text or a number"),
                Arguments.of("[{\"cwe\": 89, \"fix\": true}]",
                        "finding 1: \"fix\" is a boolean (true), not text or a number"),
                Arguments.of("{\"summary\": \"fine\"}",
                        "no array of findings (expected [{cwe, line, code, explanation, fix}] or {\"findings\": [{cwe, line, code, explanation, fix}]})"));
    }

    /** Read as prose, the fragments of broken JSON would become claims nobody made. */
    @ParameterizedTest
    @MethodSource("malformedJson")
    void malformedJsonIsAnErrorThatSaysWhatIsWrong(String review, String problem) {
        MalformedReviewException e = assertThrows(MalformedReviewException.class, () -> parser.parse(review));
        assertEquals("malformed JSON: " + problem, e.getMessage());
    }
}
