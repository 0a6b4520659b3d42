package dev.secreview.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rejects answers that cannot be read. Free text is fine (the review parser reads prose reviews), but an
 * answer that starts as JSON and does not parse is broken, not prose: read as prose, its fragments
 * would turn into claims nobody made.
 */
final class AnswerCheck {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Models often wrap the array in a Markdown fence even when told not to. */
    private static final Pattern FENCED = Pattern.compile("^```[a-zA-Z]*\\s*\\n(.*?)\\n?```\\s*$", Pattern.DOTALL);

    private AnswerCheck() {
    }

    /** Why {@code answer} is unusable, or empty when the review parser may read it. */
    static Optional<String> problem(String answer) {
        String text = answer.strip();
        if (text.isEmpty()) return Optional.of("an empty answer");
        Matcher fenced = FENCED.matcher(text);
        if (fenced.matches()) text = fenced.group(1).strip();
        if (!text.startsWith("[") && !text.startsWith("{")) return Optional.empty();
        try {
            JSON.readTree(text);
            return Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.of("malformed JSON");
        }
    }
}
