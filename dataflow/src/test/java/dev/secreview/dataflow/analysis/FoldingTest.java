package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.ir.Constant;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FoldingTest {

    @Test
    void integerArithmetic() {
        assertEquals(5L, Folding.binary("+", 2L, 3L));
        assertEquals(-1L, Folding.binary("-", 2L, 3L));
        assertEquals(6L, Folding.binary("*", 2L, 3L));
        assertEquals(-4L, Folding.binary("//", -7L, 2L), "floor division rounds down");
        assertEquals(1L, Folding.binary("%", -7L, 2L), "modulo takes the divisor's sign");
        assertEquals(3.5, Folding.binary("/", 7L, 2L), "true division gives a float");
        assertEquals(8L, Folding.binary("**", 2L, 3L));
        assertEquals(2L, Folding.binary("&", 6L, 3L));
        assertEquals(7L, Folding.binary("|", 6L, 3L));
        assertEquals(5L, Folding.binary("^", 6L, 3L));
        assertEquals(12L, Folding.binary("<<", 3L, 2L));
        assertEquals(1L, Folding.binary(">>", 6L, 2L));
        assertNull(Folding.binary("<<", 1L, -1L));
        assertNull(Folding.binary("**", 2L, -1L));
        assertEquals(2L, Folding.binary("+", true, 1L), "booleans are integers");
    }

    @Test
    void floatArithmetic() {
        assertEquals(3.5, Folding.binary("+", 1.5, 2L));
        assertEquals(-0.5, Folding.binary("-", 1.5, 2.0));
        assertEquals(3.0, Folding.binary("*", 1.5, 2L));
        assertEquals(0.75, Folding.binary("/", 1.5, 2L));
        assertNull(Folding.binary("//", 1.5, 2L), "not folded on floats");
    }

    @Test
    void divisionByZeroIsNotAConstant() {
        assertNull(Folding.binary("/", 1L, 0L));
        assertNull(Folding.binary("//", 1L, 0L));
        assertNull(Folding.binary("%", 1L, 0L));
        assertNull(Folding.binary("/", 1.0, 0.0));
        assertNull(Folding.binary("/", 1L, false));
    }

    @Test
    void stringOperations() {
        assertEquals("ab", Folding.binary("+", "a", "b"));
        assertEquals("ababab", Folding.binary("*", "ab", 3L));
        assertNull(Folding.binary("*", "ab", -1L));
        assertNull(Folding.binary("*", "ab", 100_000L), "too long to build");
        assertNull(Folding.binary("+", "x".repeat(4000), "y".repeat(100)), "too long to build");
        assertNull(Folding.binary("+", "a", 1L), "a TypeError at run time");
        assertNull(Folding.binary("-", "a", "b"));
    }

    @Test
    void percentFormatting() {
        assertEquals("id=7;", Folding.binary("%", "id=%d;", 7L));
        assertEquals("n=3", Folding.binary("%", "n=%s", 3L));
        assertNull(Folding.binary("%", "%d", "x"), "%d of a string fails at run time");
        assertNull(Folding.binary("%", "%s-%s", "x"), "more than one conversion");
        assertNull(Folding.binary("%", "plain", "x"), "no conversion");
        assertNull(Folding.binary("%", "%r", "x"));
        assertNull(Folding.binary("%", "%s", List.of("a")));
    }

    @Test
    void comparisons() {
        assertEquals(true, Folding.binary("==", 1L, 1.0));
        assertEquals(true, Folding.binary("==", true, 1L));
        assertEquals(false, Folding.binary("==", "1", 1L));
        assertEquals(true, Folding.binary("!=", "a", "b"));
        assertEquals(true, Folding.binary("<", 1L, 2L));
        assertEquals(false, Folding.binary(">=", 1L, 2L));
        assertEquals(true, Folding.binary("<=", 2.0, 2L));
        assertEquals(true, Folding.binary("<", "abc", "abd"));
        assertEquals(false, Folding.binary(">", "a", "b"));
        assertEquals(true, Folding.binary("is", Constant.NONE, Constant.NONE));
        assertEquals(false, Folding.binary("is", "x", Constant.NONE));
        assertEquals(true, Folding.binary("is not", 1L, Constant.NONE));
        assertNull(Folding.binary("is", "a", "a"), "identity of non-None values is not known");
        assertEquals(true, Folding.binary("==", Constant.NONE, Constant.NONE));
    }

    @Test
    void booleanOperatorsReturnAnOperand() {
        assertEquals("b", Folding.binary("and", "a", "b"));
        assertEquals("", Folding.binary("and", "", "b"));
        assertEquals("a", Folding.binary("or", "a", "b"));
        assertEquals(0L, Folding.binary("or", Constant.NONE, 0L));
    }

    @Test
    void membership() {
        assertEquals(true, Folding.binary("in", "..", "a/../b"));
        assertEquals(false, Folding.binary("in", "..", "a/b"));
        assertEquals(true, Folding.binary("not in", "x", "abc"));
        assertEquals(true, Folding.binary("in", "b", List.of("a", "b")));
        assertEquals(false, Folding.binary("in", "c", List.of("a", "b")));
        assertEquals(true, Folding.binary("in", 1.0, List.of(1L, 2L)), "list membership compares numbers by value");
        assertEquals(true, Folding.binary("not in", "c", List.of("a", "b")));
        assertEquals(false, Folding.binary("not in", "a", List.of("a", "b")));
        assertNull(Folding.binary("in", 1L, "abc"), "a TypeError at run time");
        assertNull(Folding.binary("not in", "a", 5L));
    }

    @Test
    void unaryOperators() {
        assertEquals(true, Folding.unary("not", ""));
        assertEquals(false, Folding.unary("not", "x"));
        assertEquals(true, Folding.unary("not", Constant.NONE));
        assertEquals(true, Folding.unary("not", 0L));
        assertEquals(false, Folding.unary("not", 0.5));
        assertEquals(-3L, Folding.unary("-", 3L));
        assertEquals(-1.5, Folding.unary("-", 1.5));
        assertNull(Folding.unary("-", "x"));
        assertEquals(3L, Folding.unary("+", 3L));
        assertNull(Folding.unary("+", "x"));
        assertEquals(-4L, Folding.unary("~", 3L));
        assertNull(Folding.unary("~", 1.0));
        assertNull(Folding.unary("?", 1L));
    }

    @Test
    void text() {
        assertEquals("None", Folding.text(Constant.NONE));
        assertEquals("True", Folding.text(true));
        assertEquals("False", Folding.text(false));
        assertEquals("42", Folding.text(42L));
        assertEquals("x", Folding.text("x"));
    }

    @Test
    void indexing() {
        assertEquals("a", Folding.index("abc", 0L));
        assertEquals("c", Folding.index("abc", -1L));
        assertNull(Folding.index("abc", 3L), "an IndexError at run time");
        assertNull(Folding.index("abc", -4L));
        assertNull(Folding.index("abc", "x"));
        assertNull(Folding.index(List.of("a"), 0L));
    }

    @Test
    void slices() {
        assertArrayEquals(new int[]{1, 4}, Folding.sliceBounds(5, 1L, -1L));
        assertArrayEquals(new int[]{0, 5}, Folding.sliceBounds(5, null, null));
        assertArrayEquals(new int[]{3, 5}, Folding.sliceBounds(5, -2L, null));
        assertArrayEquals(new int[]{0, 5}, Folding.sliceBounds(5, -10L, 10L), "bounds are clamped");
        assertArrayEquals(new int[]{4, 4}, Folding.sliceBounds(5, 4L, 2L), "an empty slice, never reversed");
        assertArrayEquals(new int[]{1, 1}, Folding.sliceBounds(2, 1L, -1L));
        assertNull(Folding.sliceBounds(5, "a", null));
        assertNull(Folding.sliceBounds(5, null, 1.5));
    }

    @Test
    void stringMethods() {
        assertEquals("ABC", Folding.stringMethod("abc", "upper", List.of()));
        assertEquals("abc", Folding.stringMethod("AbC", "lower", List.of()));
        assertEquals("x", Folding.stringMethod("  x \n", "strip", List.of()));
        assertEquals("x ", Folding.stringMethod(" x ", "lstrip", List.of()));
        assertEquals(" x", Folding.stringMethod(" x ", "rstrip", List.of()));
        assertNull(Folding.stringMethod("xxaxx", "strip", List.of("x")), "stripping given characters is not folded");
        assertEquals(true, Folding.stringMethod("'x'", "startswith", List.of("'")));
        assertEquals(false, Folding.stringMethod("x'", "startswith", List.of("'")));
        assertEquals(true, Folding.stringMethod("x'", "endswith", List.of("'")));
        assertNull(Folding.stringMethod("x'", "endswith", List.of(1L)));
        assertEquals("a-b-c", Folding.stringMethod("a b c", "replace", List.of(" ", "-")));
        assertNull(Folding.stringMethod("abc", "replace", List.of("", "-")), "replacing the empty string is not folded");
        assertEquals(true, Folding.stringMethod("123", "isdigit", List.of()));
        assertEquals(false, Folding.stringMethod("12a", "isdigit", List.of()));
        assertEquals(false, Folding.stringMethod("", "isdigit", List.of()));
        assertNull(Folding.stringMethod("abc", "split", List.of()));
        assertNull(Folding.stringMethod("abc", "upper", List.of("x")));
    }

    @Test
    void unknownOperatorsAndOperands() {
        assertNull(Folding.binary("@", 1L, 2L));
        assertNull(Folding.binary("+", Constant.NONE, 1L));
        assertNull(Folding.binary("<", List.of(), List.of()));
    }
}
