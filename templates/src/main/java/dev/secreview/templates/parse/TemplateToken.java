package dev.secreview.templates.parse;

/**
 * One piece of a template: literal {@code TEXT}, an output {@code VALUE} ({@code {{ … }}}), a {@code TAG}
 * ({@code {% … %}}) or a {@code COMMENT} ({@code {# … #}}, Django's {@code {% comment %}} block). {@code start} and
 * {@code end} are offsets in the file (end exclusive, delimiters included); {@code body} is what stands between the
 * delimiters, without Jinja's whitespace-control signs, trimmed.
 */
public record TemplateToken(Kind kind, int start, int end, String body) {

    public enum Kind { TEXT, VALUE, TAG, COMMENT }

    /** The first word of a tag's body: {@code autoescape} for {@code {% autoescape off %}}. */
    public String tagName() {
        int space = 0;
        while (space < body.length() && !Character.isWhitespace(body.charAt(space))) space++;
        return body.substring(0, space);
    }

    /** A tag's body after its name, trimmed. */
    public String tagArguments() {
        return body.substring(tagName().length()).strip();
    }
}
