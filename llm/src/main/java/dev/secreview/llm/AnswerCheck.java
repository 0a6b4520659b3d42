package dev.secreview.llm;

import dev.secreview.audit.Claim;
import dev.secreview.audit.MalformedReviewException;
import dev.secreview.audit.ReviewParser;

import java.util.List;

/**
 * Reads an answer into claims, or says why it cannot be read. Free text is fine (the review parser reads
 * prose reviews), but an empty answer or one that starts as JSON and is not JSON of the answer schema is
 * unusable.
 */
final class AnswerCheck {

    private static final ReviewParser PARSER = new ReviewParser();

    /** The claims of an answer, or (claims empty) the reason it is unusable. */
    record Read(List<Claim> claims, String problem) {
    }

    private AnswerCheck() {
    }

    static Read read(String answer) {
        if (answer.isBlank()) return new Read(List.of(), "an empty answer");
        try {
            return new Read(PARSER.parse(answer), null);
        } catch (MalformedReviewException e) {
            return new Read(List.of(), e.getMessage());
        }
    }
}
