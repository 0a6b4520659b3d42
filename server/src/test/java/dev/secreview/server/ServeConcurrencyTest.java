package dev.secreview.server;

import static dev.secreview.server.Samples.COMMAND_INJECTION;
import static dev.secreview.server.Samples.FINDING_LINE;
import static dev.secreview.server.Samples.oneFile;
import static dev.secreview.server.Samples.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Sixteen reviews at once, each of different code: every answer is the review of its own request. */
class ServeConcurrencyTest {

    @TempDir
    Path temporary;

    @Test
    void concurrentReviewsEachGetTheirOwnAnswer() throws Exception {
        int clients = 16;
        try (ReviewServer server = new ReviewServer("test", ServeLimits.DEFAULT, temporary).start("127.0.0.1", 0)) {
            ServeClient client = new ServeClient(server.port());
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    // Request i has i blank lines more, so its finding is on its own line, in its own file.
                    String request = oneFile("client" + i + ".py", "\n".repeat(i) + COMMAND_INJECTION);
                    answers.add(pool.submit(() -> client.postJson("/api/review", request)));
                }
                for (int i = 0; i < clients; i++) {
                    HttpResponse<String> answer = answers.get(i).get();
                    assertEquals(200, answer.statusCode(), answer.body());
                    JsonNode files = parse(answer.body()).get("files");
                    assertEquals(1, files.size());
                    JsonNode finding = files.get(0).get("findings").get(0);
                    assertEquals("py-command-injection", finding.get("ruleId").asText());
                    assertEquals("client" + i + ".py", finding.get("location").get("path").asText());
                    assertEquals(FINDING_LINE + i, finding.get("location").get("startLine").asInt());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
