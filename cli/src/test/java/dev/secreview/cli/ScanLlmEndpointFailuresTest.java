package dev.secreview.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.secreview.cli.ScanLlmFixtures.MISSING_AUTHORIZATION;
import static dev.secreview.cli.ScanLlmFixtures.app;
import static dev.secreview.cli.ScanLlmFixtures.array;
import static dev.secreview.cli.ScanLlmFixtures.assertReview;
import static dev.secreview.cli.ScanLlmFixtures.scanWithLlm;
import static dev.secreview.cli.ScanLlmEndpoint.Reply.answer;
import static dev.secreview.cli.ScanLlmEndpoint.Reply.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An endpoint that is slow, busy, failing or absent: the static review is complete, the exit code is the static
 * review's, one warning names the endpoint and no further file is sent; with --llm-required, it is an error.
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
            assertEquals(List.of("secreview: warning: LLM endpoint " + endpoint.baseUrl() + ": HTTP 500"
                    + " ({\"error\":{\"message\":\"model crashed\",\"type\":\"server_error\"}}) after 2 attempts;"
                    + " 1 of 1 files have no second opinion (their review is the static one)"), run.errLines());
        }
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsGivenUpOn() throws IOException {
        Path file = app(dir);
        try (ScanLlmEndpoint endpoint = ScanLlmEndpoint.replying(answer("[]").after(Duration.ofSeconds(4)))) {
            CliRun run = scanWithLlm(file, endpoint, "--llm-timeout", 1, "--llm-retries", 0);

            assertEquals(ExitCode.FINDINGS, run.exitCode(), run::toString);
            assertReview(run, file, "");
            assertEquals(List.of("secreview: warning: LLM endpoint " + endpoint.baseUrl() + ": no answer within 1 s;"
                    + " 1 of 1 files have no second opinion (their review is the static one)"), run.errLines());
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
        assertEquals(List.of("secreview: warning: LLM endpoint http://127.0.0.1:" + closedPort + "/v1: cannot connect to"
                + " the endpoint; 2 of 2 files have no second opinion (their review is the static one)"), run.errLines());

        CliRun cleanOnly = CliRun.scan(clean, "--llm", "--llm-model", "m",
                "--llm-base-url", "http://127.0.0.1:" + closedPort + "/v1");
        assertEquals(ExitCode.CLEAN, cleanOnly.exitCode(), cleanOnly::toString);
    }

    @Test
    void afterTheEndpointFailsNoFurtherFileIsSent() throws IOException {
        app(dir);
        CliRun.write(dir.resolve("b.py"), CliRun.SHELL_BUILT);
        CliRun.write(dir.resolve("c.py"), CliRun.CLEAN);
        try (ScanLlmEndpoint endpoint = ScanLlmEndpoint.replying(error(500, "model crashed"))) {
            CliRun run = CliRun.scan("-f", "json", dir, "--llm", "--llm-model", "m", "--llm-retries", 0,
                    "--llm-base-url", endpoint.baseUrl()).assertNoStackTrace();

            assertEquals(1, endpoint.requests().size(), "one file asked, once; the other two not sent");
            assertEquals(ExitCode.FINDINGS, run.exitCode(), run::toString);
            assertEquals(1, run.errLines().size(), run::toString);
            assertTrue(run.errLines().get(0).endsWith("; 3 of 3 files have no second opinion (their review is the"
                    + " static one)"), run::toString);
        }
    }

    @Test
    void withLlmRequiredAnEndpointThatIsDownIsOneErrorLineExit2AndNoReview() throws IOException {
        Path file = app(dir);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CliRun run = CliRun.scan(file, "--llm", "--llm-required", "--llm-model", "m",
                "--llm-base-url", "http://127.0.0.1:" + closedPort + "/v1").assertNoStackTrace();

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertEquals(List.of("secreview: error: LLM endpoint http://127.0.0.1:" + closedPort + "/v1: cannot connect to"
                + " the endpoint; --llm-required: no review is written"), run.errLines());
        assertEquals("", run.out());
    }

    @Test
    void withLlmRequiredAFailingEndpointIsAnErrorEvenWithExitZero() throws IOException {
        Path file = app(dir);
        try (ScanLlmEndpoint endpoint = ScanLlmEndpoint.replying(error(503, "overloaded"))) {
            CliRun run = scanWithLlm(file, endpoint, "--llm-required", "--llm-retries", 0, "--exit-zero");

            assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
            assertTrue(run.errLines().get(0).startsWith("secreview: error: LLM endpoint " + endpoint.baseUrl()
                    + ": HTTP 503"), run::toString);
        }
    }

    @Test
    void withLlmRequiredAWorkingEndpointIsANormalReview() throws IOException {
        Path file = app(dir);
        try (ScanLlmEndpoint endpoint = ScanLlmEndpoint.answering(array(MISSING_AUTHORIZATION))) {
            CliRun run = scanWithLlm(file, endpoint, "--llm-required");

            assertEquals(ExitCode.FINDINGS, run.exitCode(), run::toString);
            assertEquals("", run.err());
            assertReview(run, file, "llm-cwe-862@11");
        }
    }
}
