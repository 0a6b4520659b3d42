package dev.secreview.templates.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits Jinja2 and Django template text into {@link TemplateToken}s. The two languages share their delimiters;
 * what differs (Jinja's {@code {%- … -%}} whitespace control, Django's {@code {% comment %}} blocks, Jinja's
 * {@code {% raw %}} and Django's {@code {% verbatim %}}, whose insides are literal text) is handled here. A delimiter
 * that is never closed leaves the rest of the file as text and is reported by {@link #unclosed()}.
 */
public final class TemplateLexer {
    private static final Set<String> LITERAL_BLOCKS = Set.of("raw", "verbatim");

    private final String text;
    private final List<TemplateToken> tokens = new ArrayList<>();
    private int unclosed = -1;

    private TemplateLexer(String text) {
        this.text = text;
    }

    public static TemplateLexer lex(String text) {
        TemplateLexer lexer = new TemplateLexer(text);
        lexer.run();
        return lexer;
    }

    public List<TemplateToken> tokens() {
        return tokens;
    }

    /** The offset of a delimiter that is never closed, or -1. */
    public int unclosed() {
        return unclosed;
    }

    private void run() {
        int i = 0;
        int textStart = 0;
        while (i < text.length() - 1) {
            if (text.charAt(i) != '{') {
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            String close = next == '{' ? "}}" : next == '%' ? "%}" : next == '#' ? "#}" : null;
            if (close == null) {
                i++;
                continue;
            }
            int end = closing(i + 2, close);
            if (end < 0) {
                unclosed = i;
                break;
            }
            addText(textStart, i);
            TemplateToken.Kind kind = next == '{' ? TemplateToken.Kind.VALUE
                    : next == '%' ? TemplateToken.Kind.TAG : TemplateToken.Kind.COMMENT;
            TemplateToken token = new TemplateToken(kind, i, end + 2, body(i + 2, end));
            i = end + 2;
            if (kind == TemplateToken.Kind.TAG && token.tagName().equals("comment")) {
                int close2 = blockEnd(i, "endcomment");
                tokens.add(new TemplateToken(TemplateToken.Kind.COMMENT, token.start(), close2, ""));
                i = close2;
            } else if (kind == TemplateToken.Kind.TAG && LITERAL_BLOCKS.contains(token.tagName())) {
                tokens.add(token);
                int literalEnd = blockStart(i, "end" + token.tagName());
                addText(i, literalEnd);
                i = literalEnd;
            } else {
                tokens.add(token);
            }
            textStart = i;
        }
        addText(textStart, text.length());
    }

    /**
     * Where {@code close} ends the delimiter opened before {@code from}: its first occurrence, as Django's lexer reads
     * it. Quotes are not followed: an apostrophe in a tag's text ({@code {% trans 'it's' %}}) must not hide the end.
     */
    private int closing(int from, String close) {
        return text.indexOf(close, from);
    }

    private String body(int from, int to) {
        String inner = text.substring(from, to);
        if (inner.startsWith("-") || inner.startsWith("+")) inner = inner.substring(1);
        if (inner.endsWith("-") || inner.endsWith("+")) inner = inner.substring(0, inner.length() - 1);
        return inner.strip();
    }

    /** The offset just after the {@code {% name %}} tag that ends a block, or the end of the text. */
    private int blockEnd(int from, String name) {
        int start = blockStart(from, name);
        if (start == text.length()) return start;
        int close = text.indexOf("%}", start);
        return close < 0 ? text.length() : close + 2;
    }

    /** The offset of the {@code {% name %}} tag that ends a block, or the end of the text. */
    private int blockStart(int from, String name) {
        int i = from;
        while ((i = text.indexOf("{%", i)) >= 0) {
            int close = text.indexOf("%}", i + 2);
            if (close < 0) break;
            if (body(i + 2, close).equals(name)) return i;
            i = close + 2;
        }
        return text.length();
    }

    private void addText(int from, int to) {
        if (to > from) tokens.add(new TemplateToken(TemplateToken.Kind.TEXT, from, to, ""));
    }
}
