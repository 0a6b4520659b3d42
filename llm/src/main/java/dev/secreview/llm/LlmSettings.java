package dev.secreview.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the model and how to ask it.
 *
 * @param baseUrl       an OpenAI-compatible endpoint, e.g. {@code http://localhost:11434/v1}
 * @param model         the model name the endpoint knows
 * @param apiKey        sent as a bearer token; null when the endpoint needs none (local servers)
 * @param timeout       connect and read timeout of one request
 * @param maxRetries    further attempts after a 429, a 5xx or a timeout
 * @param firstBackoff  the wait before the first retry; each later wait doubles
 * @param promptStyle   the shape of the question
 * @param commitMessage the commit message for {@link PromptStyle#COMMIT}; null otherwise
 * @param samples       how many times each file is asked
 * @param agree         in how many samples a claim must recur to be kept
 * @param tokenBudget   the most (estimated) prompt tokens one request may carry
 */
public record LlmSettings(String baseUrl, String model, String apiKey, Duration timeout, int maxRetries,
                          Duration firstBackoff, PromptStyle promptStyle, String commitMessage,
                          int samples, int agree, int tokenBudget) {

    public LlmSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(promptStyle, "promptStyle");
        require(baseUrl.matches("(?i)https?://\\S+"), "the base URL must start with http:// or https://");
        require(!model.isBlank(), "the model name is empty");
        require(!timeout.isNegative() && !timeout.isZero(), "the timeout must be positive");
        require(maxRetries >= 0, "the number of retries cannot be negative");
        require(!firstBackoff.isNegative(), "the backoff cannot be negative");
        require(samples >= 1, "at least one sample is needed");
        require(agree >= 1 && agree <= samples,
                "the agreement must be between 1 and the number of samples (" + samples + ")");
        require(tokenBudget >= 1, "the token budget must be positive");
        require(promptStyle != PromptStyle.COMMIT || (commitMessage != null && !commitMessage.isBlank()),
                "the commit prompt needs a commit message");
    }

    /** The default agreement: a strict majority of an odd number of samples, half of an even one. */
    public static int majorityOf(int samples) {
        return (samples + 1) / 2;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) throw new IllegalArgumentException(problem);
    }
}
