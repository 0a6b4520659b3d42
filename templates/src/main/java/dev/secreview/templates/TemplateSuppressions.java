package dev.secreview.templates;

import dev.secreview.core.engine.SuppressionDirective;
import dev.secreview.templates.parse.Template;
import dev.secreview.templates.parse.TemplateToken;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions in template comments: {@code {# nosec #}} (optionally with rule ids) and
 * {@code {# secreview: ignore[tpl-safe-filter] #}}. A comment covers the lines it stands on; a comment alone on its
 * line(s) also covers the next line that is not blank, since a template line often has no room for a comment (a
 * value inside an attribute or a script).
 */
final class TemplateSuppressions {
    private static final Pattern NOSEC = Pattern.compile("^nosec\\b:?(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern IGNORE = Pattern.compile("^secreview:\\s*ignore\\b(?:\\[([^\\]]*)\\])?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RULE_NAME = Pattern.compile("[a-z]+(?:-[a-z0-9]+)+|B\\d{3}", Pattern.CASE_INSENSITIVE);

    private TemplateSuppressions() {
    }

    static List<SuppressionDirective> of(Template template) {
        List<SuppressionDirective> directives = new ArrayList<>();
        for (TemplateToken token : template.tokens()) {
            if (token.kind() != TemplateToken.Kind.COMMENT) continue;
            String body = token.body();
            List<String> names;
            String text;
            Matcher ignore = IGNORE.matcher(body);
            Matcher nosec = NOSEC.matcher(body);
            if (ignore.find()) {
                names = ignore.group(1) == null ? List.of() : names(ignore.group(1));
                text = ignore.group();
            } else if (nosec.find()) {
                names = names(nosec.group(1));
                text = "nosec" + (names.isEmpty() ? "" : " " + String.join(",", names));
            } else {
                continue;
            }
            int first = template.lineOf(token.start());
            int last = template.lineOf(token.end() - 1);
            if (aloneOnItsLines(template, token, first, last)) last = nextNonBlankLine(template, last);
            directives.add(new SuppressionDirective(first, first, last, text, names));
        }
        return directives;
    }

    private static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        for (String token : list.strip().split("[\\s,]+")) {
            if (!RULE_NAME.matcher(token).matches()) break;
            names.add(token);
        }
        return names;
    }

    private static boolean aloneOnItsLines(Template template, TemplateToken comment, int first, int last) {
        String text = template.source().text();
        int lineStart = template.source().lineStart(first);
        String before = text.substring(lineStart, comment.start());
        String after = template.source().line(last);
        int endColumn = comment.end() - template.source().lineStart(last);
        return before.isBlank() && (endColumn >= after.length() || after.substring(endColumn).isBlank());
    }

    private static int nextNonBlankLine(Template template, int after) {
        for (int line = after + 1; line <= template.source().lineCount(); line++) {
            if (!template.source().line(line).isBlank()) return line;
        }
        return after;
    }
}
