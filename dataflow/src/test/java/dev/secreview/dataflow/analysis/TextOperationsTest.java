package dev.secreview.dataflow.analysis;

import dev.secreview.dataflow.model.Operation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TextOperationsTest {

    @Test
    void foldedOnConstantStrings() {
        assertEquals("ABC", TextOperations.fold(Operation.UPPER, "abc", List.of()));
        assertEquals("abc", TextOperations.fold(Operation.LOWER, "AbC", List.of()));
        assertEquals("x", TextOperations.fold(Operation.STRIP, "  x \n", List.of()));
        assertEquals("x ", TextOperations.fold(Operation.STRIP_LEADING, " x ", List.of()));
        assertEquals(" x", TextOperations.fold(Operation.STRIP_TRAILING, " x ", List.of()));
        assertNull(TextOperations.fold(Operation.STRIP, "xxaxx", List.of("x")), "stripping given characters is not folded");
        assertEquals(true, TextOperations.fold(Operation.STARTS_WITH, "'x'", List.of("'")));
        assertEquals(false, TextOperations.fold(Operation.STARTS_WITH, "x'", List.of("'")));
        assertEquals(true, TextOperations.fold(Operation.ENDS_WITH, "x'", List.of("'")));
        assertNull(TextOperations.fold(Operation.ENDS_WITH, "x'", List.of(1L)));
        assertEquals("a-b-c", TextOperations.fold(Operation.REPLACE, "a b c", List.of(" ", "-")));
        assertNull(TextOperations.fold(Operation.REPLACE, "abc", List.of("", "-")), "replacing the empty string is not folded");
        assertEquals(true, TextOperations.fold(Operation.ALL_DIGITS, "123", List.of()));
        assertEquals(false, TextOperations.fold(Operation.ALL_DIGITS, "12a", List.of()));
        assertEquals(false, TextOperations.fold(Operation.ALL_DIGITS, "", List.of()));
        assertNull(TextOperations.fold(Operation.JOIN, ", ", List.of()), "joining is the caller's: it reads the elements");
        assertNull(TextOperations.fold(Operation.UPPER, "abc", List.of("x")));
    }
}
