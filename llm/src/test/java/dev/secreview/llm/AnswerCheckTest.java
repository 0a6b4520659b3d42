package dev.secreview.llm;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AnswerCheckTest {

    @Test
    void jsonProseAndFencedJsonAreReadable() {
        assertEquals(new AnswerCheck.Read(List.of(), null), AnswerCheck.read("[]"));
        assertEquals(1, AnswerCheck.read("  [{\"cwe\": \"CWE-78\", \"line\": 5}]\n").claims().size());
        assertEquals(1, AnswerCheck.read("```json\n[{\"cwe\": \"CWE-78\"}]\n```").claims().size());
        AnswerCheck.Read prose = AnswerCheck.read("1. **CWE-78** on line 5: the command is built from input.");
        assertNull(prose.problem());
        assertEquals(78, prose.claims().get(0).cwe());
    }

    @Test
    void emptyAndBrokenJsonAreNot() {
        assertEquals(new AnswerCheck.Read(List.of(), "an empty answer"), AnswerCheck.read(" \n"));
        assertEquals(new AnswerCheck.Read(List.of(), "malformed JSON: the text ends before the JSON does at line 1, column 30 (truncated?)"),
                AnswerCheck.read("[{\"cwe\": \"CWE-78\", \"line\": 5,"));
        assertEquals("malformed JSON: Unexpected close marker ']': no open Array to close at line 2, column 14",
                AnswerCheck.read("```json\n[{\"cwe\": 78}]] trailing\n```").problem());
    }
}
