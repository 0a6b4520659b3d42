package dev.secreview.templates.rules;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.templates.api.TemplateRule;
import dev.secreview.templates.api.TemplateRuleContext;
import dev.secreview.templates.parse.Template;
import dev.secreview.templates.parse.TemplateValue;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleInfo(
        id = "tpl-dom-xss",
        cwe = 79,
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "The JavaScript of a template writes a template value or data the page fetched into the page as "
                + "HTML (`innerHTML`, `outerHTML`, `document.write`, jQuery's `.html()`/`.append()`…): DOM XSS.",
        fix = "Insert text, not HTML: `element.textContent = value`, jQuery's `.text(value)`, or build elements with "
                + "document.createElement; if the data must be HTML, sanitise it (DOMPurify.sanitize) first.")
public final class DomXssRule implements TemplateRule {
    private static final Pattern ASSIGNED_SINK = Pattern.compile("\\.(innerHTML|outerHTML)\\s*\\+?=(?!=)");
    private static final Pattern CALLED_SINK = Pattern.compile(
            "(\\bdocument\\.writeln|\\bdocument\\.write|\\.insertAdjacentHTML|\\.html|\\.append|\\.prepend|\\.after"
                    + "|\\.before|\\.replaceWith)\\s*\\(");
    /** The DOM's own append/prepend/after/before insert text; only jQuery's parse HTML. */
    private static final Set<String> JQUERY_ONLY = Set.of(".append", ".prepend", ".after", ".before", ".replaceWith");
    private static final Pattern JQUERY_RECEIVER = Pattern.compile("\\$|\\bjQuery\\b");
    private static final Pattern FETCH = Pattern.compile(
            "(\\$|jQuery)\\.(get|post|getJSON|ajax)\\s*\\(|\\bfetch\\s*\\(|\\.load\\s*\\(|XMLHttpRequest|axios\\.");
    private static final Pattern CALLBACK_PARAMETER = Pattern.compile(
            "(?:\\.(?:done|then|success)\\s*\\(\\s*|success\\s*:\\s*|(?:get|post|getJSON)\\s*\\([^;]*?,\\s*)"
                    + "(?:function\\s*\\w*\\s*\\(\\s*([A-Za-z_$][\\w$]*)|\\(?\\s*([A-Za-z_$][\\w$]*)\\s*\\)?\\s*=>)");
    private static final Pattern LOCATION = Pattern.compile(
            "\\b(?:document|window)\\.location\\.(?:hash|search|href)|\\blocation\\.(?:hash|search)"
                    + "|\\bdocument\\.(?:URL|documentURI|referrer)|\\bwindow\\.name\\b");
    private static final Pattern SANITISED = Pattern.compile("(?i)escape|sanitiz|purify|encodeURI|\\.text\\(");

    @Override
    public void check(Template template, TemplateRuleContext context) {
        if (template.output() != Template.Output.HTML) return;
        String js = template.masked();
        for (int[] block : template.scripts()) {
            Set<String> fetched = fetchedNames(js.substring(block[0], block[1]));
            Matcher assigned = ASSIGNED_SINK.matcher(js).region(block[0], block[1]);
            while (assigned.find()) {
                int end = statementEnd(js, assigned.end(), block[1]);
                judge(template, context, "`." + assigned.group(1) + "`", assigned.start() + 1, assigned.end(), end, fetched);
            }
            Matcher called = CALLED_SINK.matcher(js).region(block[0], block[1]);
            while (called.find()) {
                String sink = called.group(1);
                if (JQUERY_ONLY.contains(sink) && !JQUERY_RECEIVER.matcher(statementBefore(js, called.start(), block[0])).find()) {
                    continue;
                }
                int close = closingParenthesis(js, called.end() - 1, block[1]);
                judge(template, context, "`" + sink + "()`", called.start() + (sink.startsWith(".") ? 1 : 0),
                        called.end(), close, fetched);
            }
        }
    }

    private void judge(Template template, TemplateRuleContext context, String sink, int sinkStart, int argumentStart,
                       int argumentEnd, Set<String> fetched) {
        String js = template.masked();
        String argument = js.substring(argumentStart, argumentEnd);
        if (argument.isBlank() || SANITISED.matcher(argument).find()) return;
        for (int i = argumentStart; i < argumentEnd; i++) {
            if (js.charAt(i) != Template.VALUE_MARK) continue;
            TemplateValue value = template.valueAt(i);
            i = value.end();
            if (ValueFacts.knownHarmless(template, value)
                    || value.value().filters().stream().anyMatch(ValueFacts.NOT_MARKUP::contains)) continue;
            boolean decoded = value.unescaped() || value.value().filters().stream()
                    .anyMatch(f -> f.equals("tojson") || f.equals("escapejs") || f.equals("json_script"));
            if (!decoded) continue;
            context.report(sinkStart, argumentEnd, sink + " inserts `" + ValueFacts.shown(value) + "` into the page "
                    + "as HTML; its escaping is for JavaScript (or there is none), and JavaScript has decoded it by "
                    + "then, so a `<img onerror=…>` in the value runs as script (DOM XSS) if a user's text reaches it.",
                    Severity.MEDIUM, Confidence.MEDIUM);
            return;
        }
        Matcher location = LOCATION.matcher(argument);
        if (location.find()) {
            context.report(sinkStart, argumentEnd, sink + " inserts `" + location.group() + "`, which whoever made the "
                    + "link controls, into the page as HTML: markup in it runs as script (DOM XSS).",
                    Severity.MEDIUM, Confidence.HIGH);
            return;
        }
        for (String name : fetched) {
            // A whole response inserted is a fragment the server rendered as HTML on purpose; a field of it is data.
            Matcher field = Pattern.compile("(?<![\\w$.])" + Pattern.quote(name) + "\\s*(\\.[A-Za-z_$][\\w$]*|\\[)")
                    .matcher(argument);
            if (field.find()) {
                context.report(sinkStart, argumentEnd, sink + " inserts `" + name + "`" + field.group(1).strip()
                        + "…, a field of data the page fetched, into the page as HTML: if that data holds a user's "
                        + "text, markup in it runs as script (DOM XSS).", Severity.MEDIUM, Confidence.MEDIUM);
                return;
            }
        }
    }

    /** The parameters of the callbacks that receive what the block's requests fetched. */
    private static Set<String> fetchedNames(String block) {
        Set<String> names = new LinkedHashSet<>();
        if (!FETCH.matcher(block).find()) return names;
        Matcher m = CALLBACK_PARAMETER.matcher(block);
        while (m.find()) names.add(m.group(1) != null ? m.group(1) : m.group(2));
        names.remove("function");
        return names;
    }

    private static int statementEnd(String js, int from, int limit) {
        int depth = 0;
        for (int i = from; i < limit; i++) {
            char c = js.charAt(i);
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') {
                if (--depth < 0) return i;
            } else if ((c == ';' || c == '\n') && depth <= 0) return i;
        }
        return limit;
    }

    private static String statementBefore(String js, int at, int limit) {
        int i = at;
        while (i > limit && ";{}\n".indexOf(js.charAt(i - 1)) < 0) i--;
        return js.substring(i, at);
    }

    private static int closingParenthesis(String js, int open, int limit) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < limit; i++) {
            char c = js.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'' || c == '`') quote = c;
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i + 1;
        }
        return limit;
    }
}
