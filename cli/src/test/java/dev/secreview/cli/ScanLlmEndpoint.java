package dev.secreview.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 that answers {@code POST /v1/chat/completions} like an OpenAI-compatible
 * endpoint, with scripted replies in order (the last one repeats), and records every request.
 */
final class ScanLlmEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One scripted reply: an HTTP status and body, sent after {@code delay}. */
    record Reply(int status, String body, Duration delay) {

        /** HTTP 200 with a chat completion whose message content is {@code content}. */
        static Reply answer(String content) {
            ObjectNode completion = JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion")
                    .put("created", 1_700_000_000L).put("model", "test-model");
            ObjectNode choice = completion.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", content);
            completion.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 50).put("total_tokens", 150);
            return new Reply(200, completion.toString(), Duration.ZERO);
        }

        static Reply error(int status, String message) {
            ObjectNode error = JSON.createObjectNode();
            error.putObject("error").put("message", message).put("type", "server_error");
            return new Reply(status, error.toString(), Duration.ZERO);
        }

        Reply after(Duration wait) {
            return new Reply(status, body, wait);
        }
    }

    /** What the client sent: its Authorization header (null if none) and the JSON request body. */
    record Request(String authorization, JsonNode body) {

        String systemMessage() {
            return body.at("/messages/0/content").asText();
        }

        String userMessage() {
            return body.at("/messages/1/content").asText();
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers;
    private final Deque<Reply> replies;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    private ScanLlmEndpoint(List<Reply> replies) throws IOException {
        this.replies = new ArrayDeque<>(replies);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        // Several threads, so that a reply held back for a timeout test does not block the next request.
        handlers = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "fake-llm-endpoint");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.start();
    }

    static ScanLlmEndpoint replying(Reply... replies) throws IOException {
        return new ScanLlmEndpoint(List.of(replies));
    }

    static ScanLlmEndpoint answering(String... answers) throws IOException {
        return new ScanLlmEndpoint(Arrays.stream(answers).map(Reply::answer).toList());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(new Request(exchange.getRequestHeaders().getFirst("Authorization"),
                    JSON.readTree(exchange.getRequestBody())));
            Reply reply = nextReply();
            Thread.sleep(reply.delay().toMillis());
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up (a timeout test): nothing is left to answer.
        }
    }

    private synchronized Reply nextReply() {
        return replies.size() > 1 ? replies.poll() : replies.peek();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
