package dev.secreview.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a security review into its claims, one per finding. Reads free-text (Markdown) reviews as an
 * LLM or a person writes them, numbered, bulleted or with headings, and the JSON answer schema
 * ({@code [{cwe, line, code, explanation, fix}]}). Text that states no finding (a preamble, a summary,
 * "No security defects are detected") makes no claim. Prose never fails; text that starts as JSON and is not
 * JSON of that schema (truncated, a finding that is not an object, {@code "line": -1}) is malformed, and
 * {@link MalformedReviewException} says why: read as prose, its fragments would become claims nobody made.
 */
public final class ReviewParser {

    /** The claims of a review; throws {@link MalformedReviewException} for malformed JSON. */
    public List<Claim> parse(String reviewText) {
        if (reviewText == null || reviewText.isBlank()) return List.of();
        return JsonReview.parse(reviewText).orElseGet(() -> markdownClaims(reviewText));
    }

    private static List<Claim> markdownClaims(String review) {
        List<Claim> claims = new ArrayList<>();
        for (FindingSplitter.Block block : FindingSplitter.split(review)) {
            claims.add(ClaimReader.read(claims.size() + 1, block));
        }
        return List.copyOf(claims);
    }
}
