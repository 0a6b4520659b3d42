package dev.secreview.templates.parse;

/**
 * One {@code {{ … }}} of a template: where it stands ({@code start}..{@code end} in the file), what it outputs, the
 * page context it lands in, and the block that turns escaping off around it ({@code {% autoescape off %}},
 * {@code {% filter safe %}}; null when escaping is on).
 */
public record TemplateValue(int start, int end, String text, ValueExpression value, OutputContext context,
                            String unescapedBy) {

    /** Whether the template's escaping does not apply to it: marked {@code |safe}, or in a block that turns it off. */
    public boolean unescaped() {
        return unescapedBy != null || value.hasFilter("safe");
    }
}
