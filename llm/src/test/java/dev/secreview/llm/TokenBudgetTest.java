package dev.secreview.llm;

import dev.secreview.core.model.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TokenBudgetTest {

    /** Twelve lines of ten characters: numbered as "NN | xxxxxxxxxx\n", 16 characters each. */
    private static final SourceFile TWELVE_LINES = new SourceFile(Path.of("t.py"), "t.py",
            "x = 1     \n".repeat(12));

    @Test
    void aFileThatFitsIsOnePartWithNumberedLines() {
        TokenBudget.Split split = new TokenBudget(1000).split(TWELVE_LINES, 100);

        assertNull(split.skipReason());
        assertEquals(1, split.chunks().size());
        CodeChunk only = split.chunks().get(0);
        assertEquals(List.of(1, 12), List.of(only.firstLine(), only.lastLine()));
        assertEquals(" 1 | x = 1     \n", only.numberedCode().lines().findFirst().orElseThrow() + "\n");
        assertEquals("12 | x = 1     ", only.numberedCode().lines().toList().get(11));
    }

    @Test
    void aLargerFileIsCutIntoWholeLinesThatFit() {
        // 20 tokens of room for code is 60 characters: three numbered lines of 16 characters per part.
        TokenBudget.Split split = new TokenBudget(120).split(TWELVE_LINES, 100);

        assertEquals(List.of("1-3", "4-6", "7-9", "10-12"),
                split.chunks().stream().map(c -> c.firstLine() + "-" + c.lastLine()).toList());
    }

    @Test
    void aLineThatCannotFitSkipsTheFileWithAReason() {
        TokenBudget.Split split = new TokenBudget(104).split(TWELVE_LINES, 100);

        assertEquals(List.of(), split.chunks());
        assertEquals("line 1 alone does not fit the budget of 104 tokens", split.skipReason());
    }

    @Test
    void aBudgetTheInstructionsFillSkipsTheFileWithAReason() {
        TokenBudget.Split split = new TokenBudget(100).split(TWELVE_LINES, 100);

        assertEquals(List.of(), split.chunks());
        assertEquals("the instructions alone take about 100 tokens, leaving no room for code in the budget of 100 tokens", split.skipReason());
    }

    @Test
    void estimateErrsOnTheLargeSide() {
        assertEquals(0, TokenBudget.estimate(""));
        assertEquals(1, TokenBudget.estimate("a"));
        assertEquals(4, TokenBudget.estimate("subprocess"));
    }
}
