package dev.secreview.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.secreview.cli.BadInputTest.slashes;
import static dev.secreview.cli.ScanLlmFixtures.MISSING_AUTHORIZATION;
import static dev.secreview.cli.ScanLlmFixtures.app;
import static dev.secreview.cli.ScanLlmFixtures.array;
import static dev.secreview.cli.ScanLlmFixtures.assertReview;
import static dev.secreview.cli.ScanLlmFixtures.scanWithLlm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code --llm*} options: off by default, checked before the scan, and each one reaching the request. */
class ScanLlmOptionsTest {

    @TempDir
    Path dir;

    @Test
    void withoutLlmNothingIsAsked() throws IOException {
        Path file = app(dir);
        try (ScanLlmEndpoint endpoint = ScanLlmEndpoint.answering(array(MISSING_AUTHORIZATION))) {
            CliRun run = CliRun.scan("-f", "json", file, "--llm-model", "m", "--llm-base-url", endpoint.baseUrl());

            assertEquals(List.of(), endpoint.requests());
            assertReview(run, file, "");
            assertEquals(CliRun.scan("-f", "json", file).out(), run.out());
        }
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of(List.of("--llm"), "--llm needs --llm-model NAME (a model the endpoint serves)"),
                Arguments.of(List.of("--llm", "--llm-model", "m", "--llm-samples", "2", "--llm-agree", "3"),
                        "invalid --llm options: the agreement must be between 1 and the number of samples (2)"),
                Arguments.of(List.of("--llm", "--llm-model", "m", "--llm-samples", "0"),
                        "invalid --llm options: at least one sample is needed"),
                Arguments.of(List.of("--llm", "--llm-model", "m", "--llm-prompt", "commit"),
                        "invalid --llm options: the commit prompt needs a commit message"),
                Arguments.of(List.of("--llm", "--llm-model", "m", "--llm-base-url", "localhost:11434/v1"),
                        "invalid --llm options: the base URL must start with http:// or https://"),
                Arguments.of(List.of("--llm", "--llm-model", "m", "--llm-timeout", "0"),
                        "--llm-timeout must be at least 1 second"),
                Arguments.of(List.of("--llm", "--llm-model", "m", "--llm-retries", "-1"),
                        "invalid --llm options: the number of retries cannot be negative"),
                Arguments.of(List.of("--llm", "--llm-model", "m", "--llm-prompt", "clever"),
                        "Invalid value for option '--llm-prompt': unknown prompt style 'clever'"
                                + " (expected basic, pillars, commit, steps)"));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void badLlmOptionsAreUsageErrorsBeforeAnythingIsReviewed(List<String> options, String message) throws IOException {
        Path file = app(dir);
        List<Object> args = new ArrayList<>(List.of(file));
        args.addAll(options);

        CliRun run = CliRun.scan(args.toArray()).assertNoStackTrace();

        assertEquals(ExitCode.USAGE_OR_IO_ERROR, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertEquals("secreview: error: " + message, run.errLines().get(0));
    }

    @Test
    void eachPromptStyleShapesTheQuestion() throws IOException {
        Path file = app(dir);
        try (ScanLlmEndpoint endpoint = ScanLlmEndpoint.answering("[]")) {
            scanWithLlm(file, endpoint, "--llm-prompt", "pillars");
            scanWithLlm(file, endpoint, "--llm-prompt", "COMMIT", "--llm-commit-message", "Add invoice deletion");
            scanWithLlm(file, endpoint, "--llm-prompt", "steps");
            scanWithLlm(file, endpoint);

            List<String> questions = endpoint.requests().stream().map(ScanLlmEndpoint.Request::userMessage).toList();
            assertTrue(questions.get(0).contains("\n- CWE-707: Improper Neutralization\n"), questions.get(0));
            assertTrue(questions.get(1).contains("<commit-message>\nAdd invoice deletion\n</commit-message>"), questions.get(1));
            assertTrue(questions.get(2).contains("1. Find where untrusted data enters"), questions.get(2));
            assertTrue(questions.get(3).startsWith("Review this python code for security defects.\n\nFile: "
                    + slashes(file) + "\n"), questions.get(3));
        }
    }

    @Test
    void theModelAndTheKeyFromTheNamedVariableAreSent() throws IOException {
        Path file = app(dir);
        String path = System.getenv("PATH");
        try (ScanLlmEndpoint endpoint = ScanLlmEndpoint.answering("[]")) {
            scanWithLlm(file, endpoint, "--llm-api-key-env", "PATH");
            scanWithLlm(file, endpoint, "--llm-api-key-env", "SECREVIEW_TEST_VARIABLE_THAT_IS_NOT_SET");

            List<ScanLlmEndpoint.Request> requests = endpoint.requests();
            assertEquals("test-model", requests.get(0).body().get("model").asText());
            assertEquals("Bearer " + path, requests.get(0).authorization());
            assertNull(requests.get(1).authorization());
        }
    }

    @Test
    void aFileOverTheTokenBudgetIsSentInPartsAndSaysSo() throws IOException {
        Path file = app(dir);
        try (ScanLlmEndpoint endpoint = ScanLlmEndpoint.answering(array(MISSING_AUTHORIZATION))) {
            CliRun run = scanWithLlm(file, endpoint, "--llm-max-tokens", 420);

            List<ScanLlmEndpoint.Request> requests = endpoint.requests();
            assertTrue(requests.size() >= 2, () -> requests.size() + " requests");
            assertEquals(List.of("secreview: llm: " + slashes(file) + ": sent in " + requests.size()
                    + " parts to fit the budget of 420 tokens"), run.errLines());
            int next = 1;
            Pattern part = Pattern.compile("\\(lines (\\d+)-(\\d+) of 18;");
            for (ScanLlmEndpoint.Request request : requests) {
                Matcher lines = part.matcher(request.userMessage());
                assertTrue(lines.find(), request.userMessage());
                assertEquals(next, Integer.parseInt(lines.group(1)));
                next = Integer.parseInt(lines.group(2)) + 1;
            }
            assertEquals(19, next, "the parts cover every line once");
            assertReview(run, file, "llm-cwe-862@11");
        }
    }

    @Test
    void aBudgetTooSmallForAnyPartSkipsTheFileAndSaysSo() throws IOException {
        Path file = app(dir);
        try (ScanLlmEndpoint endpoint = ScanLlmEndpoint.answering("[]")) {
            CliRun run = scanWithLlm(file, endpoint, "--llm-max-tokens", 50);

            assertEquals(List.of(), endpoint.requests());
            assertReview(run, file, "");
            assertEquals(1, run.errLines().size(), run::toString);
            assertTrue(run.errLines().get(0).startsWith("secreview: llm: " + slashes(file)
                    + ": not sent: the instructions alone take about "), run::toString);
            assertTrue(run.errLines().get(0).endsWith(" tokens, leaving no room for code in the budget of 50 tokens"), run::toString);
        }
    }
}
