package dev.secreview.llm;

/** Why the endpoint gave no answer, as one line a user can read. */
final class LlmFailure extends Exception {

    LlmFailure(String reason) {
        super(reason);
    }
}
