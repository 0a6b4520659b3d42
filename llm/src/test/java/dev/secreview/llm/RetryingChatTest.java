package dev.secreview.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetryingChatTest {

    private static final Prompt PROMPT = new Prompt("system", "user");

    private static RetryingChat chat(ScriptedChatModel model, int retries) {
        return new RetryingChat(model, retries, Duration.ZERO, Duration.ofSeconds(5));
    }

    @Test
    void rateLimitAndServerErrorsAreRetried() throws LlmFailure {
        ScriptedChatModel model = new ScriptedChatModel()
                .then(() -> {
                    throw new RateLimitException(new HttpException(429, "slow down"));
                })
                .then(() -> {
                    throw new InternalServerException(new HttpException(503, "busy"));
                })
                .then(() -> "[]");

        assertEquals("[]", chat(model, 2).ask(PROMPT));
        assertEquals(3, model.questions.size());
    }

    @Test
    void givingUpSaysWhyAndHowOftenItTried() {
        ScriptedChatModel model = new ScriptedChatModel().then(() -> {
            throw new InternalServerException(new HttpException(500, "{\"error\": \"overloaded\"}"));
        });

        LlmFailure failure = assertThrows(LlmFailure.class, () -> chat(model, 2).ask(PROMPT));

        assertEquals("HTTP 500 ({\"error\": \"overloaded\"}) after 3 attempts", failure.getMessage());
        assertEquals(3, model.questions.size());
    }

    @Test
    void otherFailuresAreNotRetried() {
        ScriptedChatModel model = new ScriptedChatModel().then(() -> {
            throw new AuthenticationException(new HttpException(401, "bad key"));
        });

        LlmFailure failure = assertThrows(LlmFailure.class, () -> chat(model, 5).ask(PROMPT));

        assertEquals("HTTP 401 (bad key)", failure.getMessage());
        assertEquals(1, model.questions.size());
    }

    @Test
    void waitsDoubleUpToACap() {
        RetryingChat chat = new RetryingChat(new ScriptedChatModel(), 10, Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L),
                List.of(1, 2, 3, 4, 5, 6, 40).stream().map(n -> chat.waitBefore(n).toSeconds()).toList());
    }
}
