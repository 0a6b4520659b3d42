package dev.secreview.java.taint;

import dev.secreview.dataflow.analysis.LanguageSemantics;
import dev.secreview.dataflow.ir.Constant;
import dev.secreview.dataflow.ir.Operator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaSemanticsTest {
    private final JavaSemantics java = JavaSemantics.INSTANCE;

    @Test
    void plusConcatenatesWhenEitherSideIsText() {
        assertEquals("a1", java.fold(Operator.ADD, "a", 1L));
        assertEquals("1a", java.fold(Operator.ADD, 1L, "a"));
        assertEquals("anull", java.fold(Operator.ADD, "a", Constant.NONE));
        assertEquals("atrue", java.fold(Operator.ADD, "a", true));
        assertEquals(3L, java.fold(Operator.ADD, 1L, 2L));
    }

    @Test
    void integerArithmeticTruncatesAsJavaDoes() {
        assertEquals(-2L, java.fold(Operator.DIVIDE, -7L, 3L));
        assertEquals(-1L, java.fold(Operator.REMAINDER, -7L, 3L));
        assertNull(java.fold(Operator.DIVIDE, 1L, 0L));
        assertEquals(false, java.fold(Operator.GREATER, (7L * 42) - 106L, 200L));
    }

    @Test
    void charsAreOneCharacterStringsThatCompareByCode() {
        assertEquals("B", java.index("ABC", 1L));
        assertEquals(true, java.fold(Operator.EQUAL, "B", "B"));
        assertEquals(true, java.fold(Operator.LESS, "A", "B"));
        assertNull(java.index("ABC", -1L));
    }

    @Test
    void onlyBooleansDecideBranches() {
        assertTrue(java.truthy(true));
        assertFalse(java.truthy(false));
        assertFalse(java.truthy(Constant.NONE));
        assertEquals(false, java.fold(Operator.NOT, true));
        assertNull(java.fold(Operator.NOT, 1L));
        assertNull(java.fold(Operator.AND, 1L, true));
    }

    @Test
    void namesTheEngineAsks() {
        assertEquals("java.lang.String", java.stringType());
        assertEquals("<init>", java.initializer());
        assertEquals(LanguageSemantics.TextOperator.CONCATENATE, java.onText(Operator.ADD));
        assertEquals(LanguageSemantics.TextOperator.NEITHER, java.onText(Operator.REMAINDER));
        assertTrue(java.compoundName("userName"));
        assertFalse(java.compoundName("name"));
        assertEquals("null", java.text(Constant.NONE));
    }
}
