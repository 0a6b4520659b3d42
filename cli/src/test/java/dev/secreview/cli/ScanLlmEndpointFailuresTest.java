package dev.secreview.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.secreview.cli.BadInputTest.slashes;
import static dev.secreview.cli.ScanLlmFixtures.MISSING_AUTHORIZATION;
import static dev.secreview.cli.ScanLlmFixtures.app;
import static dev.secreview.cli.ScanLlmFixtures.array;
import static dev.secreview.cli.ScanLlmFixtures.assertReview;
import static dev.secreview.cli.ScanLlmFixtures.scanWithLlm;
import static dev.secreview.cli.ScanLlmEndpoint.Reply.answer;
import static dev.secreview.cli.ScanLlmEndpoint.Reply.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An endpoint that is slow, busy, failing or absent: the static review is complete, the exit code is
 * the static review's, and each file gets one line on standard error.
 */
class ScanLlmEndpointFailuresTest {

    @TempDir
    Path dir;

    @Test
    void aRateLimitIsRetriedAndThenTheAnswerCounts() throws IOException {
        Path file = app(dir);
        try (ScanLlmEndpoint endpoint = ScanLlmEndpoint.replying(error(429, "Rate limit reached"),
                answer(array(MISSING_AUTHORIZATION)))) {
            CliRun run = scanWithLlm(file, endpoint, "--llm-retries", 1);

            assertEquals(2, endpoint.requests().size());
            assertEquals("", run.err());
            assertReview(run, file, "llm-cwe-862@11");
        }
    }

    @Test
    void aPersistentServerErrorGivesUpAfterTheRetries() throws IOException {
        Path file = app(dir);
        try (ScanLlmEndpoint endpoint = ScanLlmEndpoint.replying(error(500, "model crashed"))) {
            CliRun run = scanWithLlm(file, endpoint, "--llm-retries", 1);

            assertEquals(2, endpoint.requests().size());
            assertEquals(ExitCode.FINDINGS, run.exitCode(), run::toString);
            assertReview(run, file, "");
            assertEquals(List.of("secreview: llm: " + slashes(file) + ": no second opinion: HTTP 500"
                    + " ({\"error\":{\"message\":\"model crashed\",\"type\":\"server_error\"}}) after 2 attempts"), run.errLines());
        }
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsGivenUpOn() throws IOException {
        Path file = app(dir);
        try (ScanLlmEndpoint endpoint = ScanLlmEndpoint.replying(answer("[]").after(Duration.ofSeconds(4)))) {
            CliRun run = scanWithLlm(file, endpoint, "--llm-timeout", 1, "--llm-retries", 0);

            assertEquals(ExitCode.FINDINGS, run.exitCode(), run::toString);
            assertReview(run, file, "");
            assertEquals(List.of("secreview: llm: " + slashes(file) + ": no second opinion: no answer within 1 s"),
                    run.errLines());
        }
    }

    @Test
    void anEndpointThatIsDownLeavesTheReviewAndExitCodeAsTheyAre() throws IOException {
        Path dirty = app(dir);
        Path clean = CliRun.write(dir.resolve("clean.py"), CliRun.CLEAN);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliRun run = CliRun.scan("-f", "json", dir, "--llm", "--llm-model", "m",
                "--llm-base-url", "http://127.0.0.1:" + closedPort + "/v1").assertNoStackTrace();

        assertEquals(ExitCode.FINDINGS, run.exitCode(), run::toString);
        assertEquals(CliRun.scan("-f", "json", dir).out(), run.out(), "the review is exactly the static one");
        assertEquals(List.of(
                "secreview: llm: " + slashes(dirty) + ": no second opinion: cannot connect to the endpoint",
                "secreview: llm: " + slashes(clean) + ": no second opinion: cannot connect to the endpoint"), run.errLines());

        CliRun cleanOnly = CliRun.scan(clean, "--llm", "--llm-model", "m",
                "--llm-base-url", "http://127.0.0.1:" + closedPort + "/v1");
        assertEquals(ExitCode.CLEAN, cleanOnly.exitCode(), cleanOnly::toString);
    }
}
