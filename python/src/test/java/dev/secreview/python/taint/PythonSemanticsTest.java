package dev.secreview.python.taint;

import dev.secreview.dataflow.ir.Constant;
import dev.secreview.dataflow.model.Operation;
import dev.secreview.python.lowering.Operators;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Python's constant folding, text, indexing and slicing, and the names its models give the analysis' operations. */
class PythonSemanticsTest {
    private static final PythonSemantics PYTHON = PythonSemantics.INSTANCE;

    private static Object binary(String operator, Object left, Object right) {
        return PYTHON.fold(Operators.binary(operator), left, right);
    }

    private static Object unary(String operator, Object operand) {
        return PYTHON.fold(Operators.unary(operator), operand);
    }


    @Test
    void integerArithmetic() {
        assertEquals(5L, binary("+", 2L, 3L));
        assertEquals(-1L, binary("-", 2L, 3L));
        assertEquals(6L, binary("*", 2L, 3L));
        assertEquals(-4L, binary("//", -7L, 2L), "floor division rounds down");
        assertEquals(1L, binary("%", -7L, 2L), "modulo takes the divisor's sign");
        assertEquals(3.5, binary("/", 7L, 2L), "true division gives a float");
        assertEquals(8L, binary("**", 2L, 3L));
        assertEquals(2L, binary("&", 6L, 3L));
        assertEquals(7L, binary("|", 6L, 3L));
        assertEquals(5L, binary("^", 6L, 3L));
        assertEquals(12L, binary("<<", 3L, 2L));
        assertEquals(1L, binary(">>", 6L, 2L));
        assertNull(binary("<<", 1L, -1L));
        assertNull(binary("**", 2L, -1L));
        assertEquals(2L, binary("+", true, 1L), "booleans are integers");
    }

    @Test
    void floatArithmetic() {
        assertEquals(3.5, binary("+", 1.5, 2L));
        assertEquals(-0.5, binary("-", 1.5, 2.0));
        assertEquals(3.0, binary("*", 1.5, 2L));
        assertEquals(0.75, binary("/", 1.5, 2L));
        assertNull(binary("//", 1.5, 2L), "not folded on floats");
    }

    @Test
    void divisionByZeroIsNotAConstant() {
        assertNull(binary("/", 1L, 0L));
        assertNull(binary("//", 1L, 0L));
        assertNull(binary("%", 1L, 0L));
        assertNull(binary("/", 1.0, 0.0));
        assertNull(binary("/", 1L, false));
    }

    @Test
    void stringOperations() {
        assertEquals("ab", binary("+", "a", "b"));
        assertEquals("ababab", binary("*", "ab", 3L));
        assertNull(binary("*", "ab", -1L));
        assertNull(binary("*", "ab", 100_000L), "too long to build");
        assertNull(binary("+", "x".repeat(4000), "y".repeat(100)), "too long to build");
        assertNull(binary("+", "a", 1L), "a TypeError at run time");
        assertNull(binary("-", "a", "b"));
    }

    @Test
    void percentFormatting() {
        assertEquals("id=7;", binary("%", "id=%d;", 7L));
        assertEquals("n=3", binary("%", "n=%s", 3L));
        assertNull(binary("%", "%d", "x"), "%d of a string fails at run time");
        assertNull(binary("%", "%s-%s", "x"), "more than one conversion");
        assertNull(binary("%", "plain", "x"), "no conversion");
        assertNull(binary("%", "%r", "x"));
        assertNull(binary("%", "%s", List.of("a")));
    }

    @Test
    void comparisons() {
        assertEquals(true, binary("==", 1L, 1.0));
        assertEquals(true, binary("==", true, 1L));
        assertEquals(false, binary("==", "1", 1L));
        assertEquals(true, binary("!=", "a", "b"));
        assertEquals(true, binary("<", 1L, 2L));
        assertEquals(false, binary(">=", 1L, 2L));
        assertEquals(true, binary("<=", 2.0, 2L));
        assertEquals(true, binary("<", "abc", "abd"));
        assertEquals(false, binary(">", "a", "b"));
        assertEquals(true, binary("is", Constant.NONE, Constant.NONE));
        assertEquals(false, binary("is", "x", Constant.NONE));
        assertEquals(true, binary("is not", 1L, Constant.NONE));
        assertNull(binary("is", "a", "a"), "identity of non-None values is not known");
        assertEquals(true, binary("==", Constant.NONE, Constant.NONE));
    }

    @Test
    void booleanOperatorsReturnAnOperand() {
        assertEquals("b", binary("and", "a", "b"));
        assertEquals("", binary("and", "", "b"));
        assertEquals("a", binary("or", "a", "b"));
        assertEquals(0L, binary("or", Constant.NONE, 0L));
    }

    @Test
    void membership() {
        assertEquals(true, binary("in", "..", "a/../b"));
        assertEquals(false, binary("in", "..", "a/b"));
        assertEquals(true, binary("not in", "x", "abc"));
        assertEquals(true, binary("in", "b", List.of("a", "b")));
        assertEquals(false, binary("in", "c", List.of("a", "b")));
        assertEquals(true, binary("in", 1.0, List.of(1L, 2L)), "list membership compares numbers by value");
        assertEquals(true, binary("not in", "c", List.of("a", "b")));
        assertEquals(false, binary("not in", "a", List.of("a", "b")));
        assertNull(binary("in", 1L, "abc"), "a TypeError at run time");
        assertNull(binary("not in", "a", 5L));
    }

    @Test
    void unaryOperators() {
        assertEquals(true, unary("not", ""));
        assertEquals(false, unary("not", "x"));
        assertEquals(true, unary("not", Constant.NONE));
        assertEquals(true, unary("not", 0L));
        assertEquals(false, unary("not", 0.5));
        assertEquals(-3L, unary("-", 3L));
        assertEquals(-1.5, unary("-", 1.5));
        assertNull(unary("-", "x"));
        assertEquals(3L, unary("+", 3L));
        assertNull(unary("+", "x"));
        assertEquals(-4L, unary("~", 3L));
        assertNull(unary("~", 1.0));
        assertNull(unary("?", 1L));
    }

    @Test
    void text() {
        assertEquals("None", PYTHON.text(Constant.NONE));
        assertEquals("True", PYTHON.text(true));
        assertEquals("False", PYTHON.text(false));
        assertEquals("42", PYTHON.text(42L));
        assertEquals("x", PYTHON.text("x"));
    }

    @Test
    void indexing() {
        assertEquals("a", PYTHON.index("abc", 0L));
        assertEquals("c", PYTHON.index("abc", -1L));
        assertNull(PYTHON.index("abc", 3L), "an IndexError at run time");
        assertNull(PYTHON.index("abc", -4L));
        assertNull(PYTHON.index("abc", "x"));
        assertNull(PYTHON.index(List.of("a"), 0L));
    }

    @Test
    void slices() {
        assertArrayEquals(new int[]{1, 4}, PYTHON.sliceBounds(5, 1L, -1L));
        assertArrayEquals(new int[]{0, 5}, PYTHON.sliceBounds(5, null, null));
        assertArrayEquals(new int[]{3, 5}, PYTHON.sliceBounds(5, -2L, null));
        assertArrayEquals(new int[]{0, 5}, PYTHON.sliceBounds(5, -10L, 10L), "bounds are clamped");
        assertArrayEquals(new int[]{4, 4}, PYTHON.sliceBounds(5, 4L, 2L), "an empty slice, never reversed");
        assertArrayEquals(new int[]{1, 1}, PYTHON.sliceBounds(2, 1L, -1L));
        assertNull(PYTHON.sliceBounds(5, "a", null));
        assertNull(PYTHON.sliceBounds(5, null, 1.5));
    }

    @Test
    void unknownOperatorsAndOperands() {
        assertNull(binary("@", 1L, 2L));
        assertNull(binary("+", Constant.NONE, 1L));
        assertNull(binary("<", List.of(), List.of()));
    }

    @Test
    void compoundNamesJoinWordsWithAnUnderscore() {
        assertTrue(PYTHON.compoundName("db_contains_type"));
        assertEquals(false, PYTHON.compoundName("path"));
        assertEquals(false, PYTHON.compoundName("_private"));
    }

    @Test
    void truthiness() {
        assertEquals(false, PYTHON.truthy(Constant.NONE));
        assertEquals(false, PYTHON.truthy(""));
        assertEquals(false, PYTHON.truthy(0L));
        assertEquals(false, PYTHON.truthy(0.0));
        assertEquals(true, PYTHON.truthy("x"));
        assertEquals(true, PYTHON.truthy(List.of()), "a constant list is not folded to its length");
    }

    @Test
    void builtinMethodsAndFunctionsAreTheAnalysisOperations() {
        var models = PythonModels.get();
        assertEquals(Operation.APPEND, models.method("append", Operation.Target.CONTAINER).orElseThrow());
        assertEquals(Operation.APPEND, models.method("add", Operation.Target.CONTAINER).orElseThrow());
        assertEquals(Operation.PREPEND, models.method("appendleft", Operation.Target.CONTAINER).orElseThrow());
        assertEquals(Operation.SET_DEFAULT, models.method("setdefault", Operation.Target.CONTAINER).orElseThrow());
        assertEquals(Operation.STRIP_LEADING, models.method("lstrip", Operation.Target.TEXT).orElseThrow());
        assertEquals(Operation.ALL_DIGITS, models.method("isdigit", Operation.Target.TEXT).orElseThrow());
        assertEquals(Operation.JOIN, models.method("join", Operation.Target.TEXT).orElseThrow());
        assertTrue(models.method("join", Operation.Target.CONTAINER).isEmpty());
        assertEquals(Operation.TO_TEXT, models.function("str").orElseThrow());
        assertEquals(Operation.LENGTH, models.function("len").orElseThrow());
        assertEquals(Operation.TO_SEQUENCE, models.function("tuple").orElseThrow());
        assertEquals("str", PYTHON.stringType());
        assertEquals("__init__", PYTHON.initializer());
    }
}
