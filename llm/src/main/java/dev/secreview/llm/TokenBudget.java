package dev.secreview.llm;

import dev.secreview.core.model.SourceFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a file into parts of whole, numbered lines whose prompts fit a token budget. Tokens are estimated
 * from characters, not counted: every server tokenizes differently, and the estimate errs on the side of
 * smaller requests (code averages a little under four characters per token in common tokenizers).
 */
final class TokenBudget {

    private static final int CHARS_PER_TOKEN = 3;

    /** The parts to send, or (with no parts) why the file cannot be sent at all. */
    record Split(List<CodeChunk> chunks, String skipReason) {
        Split {
            chunks = List.copyOf(chunks);
        }
    }

    private final int budget;

    TokenBudget(int budget) {
        this.budget = budget;
    }

    static int estimate(CharSequence text) {
        return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** Splits {@code source} given the tokens the prompt takes without any code. */
    Split split(SourceFile source, int overheadTokens) {
        if (overheadTokens >= budget) {
            return new Split(List.of(), "the instructions alone take about " + overheadTokens
                    + " tokens, leaving no room for code in the budget of " + budget + " tokens");
        }
        long roomForCode = (long) (budget - overheadTokens) * CHARS_PER_TOKEN;
        String numberFormat = "%" + Integer.toString(source.lineCount()).length() + "d | %s\n";
        List<CodeChunk> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int first = 1;
        for (int line = 1; line <= source.lineCount(); line++) {
            String numbered = String.format(Locale.ROOT, numberFormat, line, source.line(line));
            if (numbered.length() > roomForCode) {
                return new Split(List.of(), "line " + line + " alone does not fit the budget of "
                        + budget + " tokens");
            }
            if (current.length() + numbered.length() > roomForCode) {
                chunks.add(new CodeChunk(first, line - 1, current.toString()));
                current.setLength(0);
                first = line;
            }
            current.append(numbered);
        }
        if (!current.isEmpty()) chunks.add(new CodeChunk(first, source.lineCount(), current.toString()));
        return new Split(chunks, null);
    }
}
