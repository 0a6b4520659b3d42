package dev.secreview.cli;

import dev.secreview.llm.LlmReviewer;
import dev.secreview.llm.LlmSettings;
import dev.secreview.llm.PromptStyle;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Optional;

/** The {@code --llm*} options of {@code scan}; nothing of them takes effect without {@code --llm}. */
final class LlmOptions {

    /** The wait before the first retry; it doubles with each further one. */
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    @Option(names = "--llm", description = "Also ask an LLM (any OpenAI-compatible endpoint) for a second opinion;"
            + " only claims that recur across samples and pass the claim auditor are added to the static findings.")
    boolean enabled;

    @Option(names = "--llm-required", description = "Make an endpoint that gives no answer (unreachable, an HTTP error"
            + " after the retries, a timeout) an error, exit code 2, instead of one warning and the static review.")
    boolean required;

    @Option(names = "--llm-base-url", paramLabel = "URL", defaultValue = "http://localhost:11434/v1",
            description = "The OpenAI-compatible endpoint (default: ${DEFAULT-VALUE}, a local Ollama).")
    String baseUrl;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "The model to ask (required with --llm).")
    String model;

    @Option(names = "--llm-api-key-env", paramLabel = "VAR", defaultValue = "OPENAI_API_KEY",
            description = "The environment variable holding the API key (default: ${DEFAULT-VALUE}; unset: no key is sent).")
    String apiKeyVariable;

    @Option(names = "--llm-prompt", paramLabel = "STYLE", defaultValue = "basic", converter = PromptStyleConverter.class,
            description = "The prompt: basic, pillars (the ten CWE-1000 pillars as checklist), commit (with"
                    + " --llm-commit-message) or steps (step by step) (default: ${DEFAULT-VALUE}).")
    PromptStyle promptStyle;

    @Option(names = "--llm-commit-message", paramLabel = "TEXT", description = "The commit message for --llm-prompt commit.")
    String commitMessage;

    @Option(names = "--llm-samples", paramLabel = "N", defaultValue = "1",
            description = "Ask N times per file (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--llm-agree", paramLabel = "K",
            description = "Keep a claim only if K samples make it (same CWE pillar, lines within 2; default: half of N, rounded up).")
    Integer agree;

    @Option(names = "--llm-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Connect and read timeout of one request (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--llm-retries", paramLabel = "N", defaultValue = "2",
            description = "Retries after HTTP 429, 5xx or a timeout, waiting 1 s, 2 s, 4 s... (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--llm-max-tokens", paramLabel = "N", defaultValue = "6000",
            description = "Token budget of one request (estimated); larger files are sent in parts (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    /** The stage that adds the second opinion, or empty without {@code --llm}; bad values are usage errors. */
    Optional<LlmStage> stage(CommandLine commandLine) {
        if (!enabled) return Optional.empty();
        if (model == null || model.isBlank()) {
            throw new CommandLine.ParameterException(commandLine, "--llm needs --llm-model NAME (a model the endpoint serves)");
        }
        if (timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(commandLine, "--llm-timeout must be at least 1 second");
        }
        String apiKey = System.getenv(apiKeyVariable);
        try {
            LlmSettings settings = new LlmSettings(baseUrl, model, apiKey == null || apiKey.isBlank() ? null : apiKey,
                    Duration.ofSeconds(timeoutSeconds), retries, FIRST_BACKOFF, promptStyle, commitMessage,
                    samples, agree != null ? agree : LlmSettings.majorityOf(samples), maxTokens);
            return Optional.of(new LlmStage(new LlmReviewer(settings), baseUrl, required));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, "invalid --llm options: " + e.getMessage());
        }
    }

    static final class PromptStyleConverter implements ITypeConverter<PromptStyle> {
        @Override
        public PromptStyle convert(String value) {
            try {
                return PromptStyle.named(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
