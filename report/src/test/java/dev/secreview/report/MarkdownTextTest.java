package dev.secreview.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkdownTextTest {

    @Test
    void codeSpansStayAndTheRestIsEscapedWhereItWouldChangeTheLayout() {
        assertEquals("`a*b` and a\\*b", MarkdownText.inline("`a*b` and a*b"));
        assertEquals("``x ` y`` \\[link\\](u)", MarkdownText.inline("``x ` y`` [link](u)"));
        assertEquals("a \\` lone backtick", MarkdownText.inline("a ` lone backtick"));
        assertEquals("mod_wsgi, \\_private, trailing\\_", MarkdownText.inline("mod_wsgi, _private, trailing_"));
    }

    @Test
    void aCodeSpanOrFenceIsLongerThanAnyBacktickRunInside() {
        assertEquals("`plain`", MarkdownText.code("plain"));
        assertEquals("``a`b``", MarkdownText.code("a`b"));
        assertEquals("`` `x ``", MarkdownText.code("`x"));
        assertEquals("```", MarkdownText.fence("no ticks"));
        assertEquals("`````", MarkdownText.fence("s = '````'"));
    }
}
