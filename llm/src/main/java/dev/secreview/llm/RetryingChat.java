package dev.secreview.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks a chat model and retries what may pass: HTTP 429, 5xx and timeouts, waiting
 * {@code firstBackoff}, then twice as long each time. LangChain4j's own retry is switched off on the
 * model because it does not let the caller choose the waits; everything else fails at once.
 */
final class RetryingChat {

    /** However many retries are allowed, one wait never exceeds this. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    private static final int MAX_DETAIL = 120;

    private final ChatModel model;
    private final int maxRetries;
    private final Duration firstBackoff;
    private final Duration timeout;

    RetryingChat(ChatModel model, int maxRetries, Duration firstBackoff, Duration timeout) {
        this.model = model;
        this.maxRetries = maxRetries;
        this.firstBackoff = firstBackoff;
        this.timeout = timeout;
    }

    /** The text of the model's answer (empty if it sent none). */
    String ask(Prompt prompt) throws LlmFailure {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                String text = model.chat(request).aiMessage().text();
                return text == null ? "" : text;
            } catch (RuntimeException e) {
                if (!retriable(e) || attempt > maxRetries) {
                    throw new LlmFailure(describe(e) + (attempt > 1 ? " after " + attempt + " attempts" : ""));
                }
                pause(waitBefore(attempt));
            }
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based): firstBackoff, 2x, 4x, ... capped. */
    Duration waitBefore(int attempt) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static boolean retriable(RuntimeException e) {
        return e instanceof RetriableException || cause(e, HttpTimeoutException.class).isPresent();
    }

    private String describe(RuntimeException e) {
        Optional<HttpException> http = cause(e, HttpException.class);
        if (http.isPresent()) {
            String body = http.get().getMessage();
            return "HTTP " + http.get().statusCode() + (body == null || body.isBlank() ? "" : " (" + oneLine(body) + ")");
        }
        if (cause(e, HttpTimeoutException.class).isPresent()) return "no answer within " + timeout.toSeconds() + " s";
        if (cause(e, ConnectException.class).isPresent()) return "cannot connect to the endpoint";
        if (cause(e, JsonProcessingException.class).isPresent()) return "the endpoint's response is not OpenAI chat JSON";
        return e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
    }

    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return Optional.of(type.cast(t));
        }
        return Optional.empty();
    }

    private static String oneLine(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_DETAIL ? flat : flat.substring(0, MAX_DETAIL) + "...";
    }

    private static void pause(Duration wait) throws LlmFailure {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmFailure("interrupted while waiting to retry");
        }
    }
}
