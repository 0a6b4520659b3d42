package dev.secreview.templates.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a {@code {{ … }}} outputs: its expression and the filters applied to it, in order
 * ({@code user.name|default:"-"|safe} is {@code user.name} with {@code default} then {@code safe}).
 */
public record ValueExpression(String expression, List<String> filters) {
    private static final Pattern LITERAL = Pattern.compile(
            "\\s*(?:\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|-?\\d+(?:\\.\\d+)?|true|false|True|False|None|none)\\s*");
    private static final Pattern IDENTIFIER_START = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*");

    public ValueExpression {
        filters = List.copyOf(filters);
    }

    /** Parses the body of a {@code {{ … }}}: the parts between top-level {@code |} signs. */
    public static ValueExpression parse(String body) {
        List<String> parts = TopLevel.split(body, 0, '|').parts();
        List<String> filters = new ArrayList<>();
        for (String part : parts.subList(1, parts.size())) {
            var name = IDENTIFIER_START.matcher(part.strip());
            filters.add(name.find() ? name.group() : part.strip());
        }
        return new ValueExpression(parts.get(0).strip(), filters);
    }

    /** A string, number or boolean literal: the template's own text. */
    public boolean isLiteral() {
        return LITERAL.matcher(expression).matches();
    }

    /** The first name of the expression: {@code user} for {@code user.profile.url}, {@code url_for} for a call. */
    public String rootName() {
        var name = IDENTIFIER_START.matcher(expression);
        return name.find() ? name.group() : "";
    }

    /** The last name of a dotted expression: {@code url} for {@code user.profile.url}, {@code 2} for {@code option.2}. */
    public String lastName() {
        String path = expression.replaceAll("\\(.*$", "");
        int dot = path.lastIndexOf('.');
        return (dot < 0 ? path : path.substring(dot + 1)).strip();
    }

    /**
     * A deployment setting: Django's context processors and Flask's {@code config} give templates the settings
     * under upper-case names ({@code STATIC_URL}, {@code HORIZON_CONFIG.help_url}, {@code config.HELP_URL}); they
     * are the operator's, not a visitor's.
     */
    public boolean isSetting() {
        String root = rootName();
        if (root.equals("config") || root.equals("settings")) return true;
        return root.length() > 1 && root.equals(root.toUpperCase(Locale.ROOT)) && root.chars().anyMatch(Character::isLetter);
    }

    public boolean hasFilter(String name) {
        return filters.contains(name);
    }

    /** Whether any filter from {@code index} on is one of {@code names}. */
    public boolean anyFilterAfter(int index, Set<String> names) {
        for (int i = index; i < filters.size(); i++) if (names.contains(filters.get(i))) return true;
        return false;
    }

    /** Whether any filter before {@code index} is one of {@code names}. */
    public boolean anyFilterBefore(int index, Set<String> names) {
        for (int i = 0; i < Math.min(index, filters.size()); i++) if (names.contains(filters.get(i))) return true;
        return false;
    }
}
