package dev.secreview.llm;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnswerCheckTest {

    @Test
    void jsonProseAndFencedJsonAreReadable() {
        assertEquals(Optional.empty(), AnswerCheck.problem("[]"));
        assertEquals(Optional.empty(), AnswerCheck.problem("  [{\"cwe\": \"CWE-78\", \"line\": 5}]\n"));
        assertEquals(Optional.empty(), AnswerCheck.problem("```json\n[{\"cwe\": \"CWE-78\"}]\n```"));
        assertEquals(Optional.empty(), AnswerCheck.problem("1. **CWE-78** on line 5: the command is built from input."));
    }

    @Test
    void emptyAndBrokenJsonAreNot() {
        assertEquals(Optional.of("an empty answer"), AnswerCheck.problem(" \n"));
        assertEquals(Optional.of("malformed JSON"), AnswerCheck.problem("[{\"cwe\": \"CWE-78\", \"line\": 5,"));
        assertEquals(Optional.of("malformed JSON"), AnswerCheck.problem("```json\n[{\"cwe\": 78}]] trailing\n```"));
    }
}
