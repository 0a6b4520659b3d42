package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "py-django-help-text-html",
        cwe = 79,
        judgedBy = "xss",
        severity = Severity.MEDIUM,
        confidence = Confidence.LOW,
        summary = "A Django form or model field's help_text is built from values nobody escaped; Django's form "
                + "templates render help_text as HTML without escaping it.",
        fix = "Build the help text with format_html(\"Write to <a href=\\\"mailto:{}\\\">{}</a>\", email, email), "
                + "or escape() each inserted value; text an administrator or user configured goes through a "
                + "sanitiser (bleach/nh3 clean) before it becomes help text.")
public final class DjangoHelpTextHtmlRule implements NodeRule {
    private static final String HELP_TEXT = "help_text";
    private static final Set<String> URL_WORDS = Set.of("url", "urls", "uri", "href");
    private static final Set<String> QUANTITY_WORDS = Set.of("size", "count", "num", "number", "min", "max", "length",
            "total", "limit", "quota", "percent", "now", "date", "time", "timestamp", "datetime");
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("<[A-Za-z/]");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("assignment", "augmented_assignment", "keyword_argument");
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        PyNode value = helpTextValue(node);
        if (value == null || !context.file().imports("django")) return;
        // Evidence that someone's text ends up in HTML: markup written around it, or a name that says it was configured.
        if (!hasMarkup(value, context) && !configuredText(value)) return;
        List<PyNode> unescaped = new UnescapedParts(context.file(), context.values()).of(value);
        unescaped.removeIf(part -> existingHelpText(part) || namesUrl(part) || quantity(part));
        if (unescaped.isEmpty()) return;
        PyNode part = unescaped.get(0);
        PyNode entry = markupEntry(part, context);
        PyNode at = entry != null && context.file().enclosingFunction(entry) == context.file().enclosingFunction(node)
                ? entry : node;
        context.report(at, "`" + Snippets.shortened(part.text(), 50) + "` becomes part of a field's help_text"
                + (at == node ? "" : " (line " + node.startLine() + ")")
                + " without being escaped, and Django's form templates render help_text as HTML (`|safe`): a `<` "
                + "or `\"` in that value becomes markup, script included (XSS).");
    }

    /** The value given to {@code help_text}: {@code x.help_text = v}, {@code x.help_text += v}, {@code Field(help_text=v)}. */
    private static PyNode helpTextValue(PyNode node) {
        if (node.is("keyword_argument")) {
            PyNode name = node.field("name");
            return name != null && name.text().equals(HELP_TEXT) ? node.field("value") : null;
        }
        PyNode left = node.field("left");
        if (left == null || !left.is("attribute") || left.field("attribute") == null
                || !left.field("attribute").text().equals(HELP_TEXT)) {
            return null;
        }
        return node.field("right");
    }

    /**
     * Where the unescaped text is written into markup: the f-string field that holds it, or that holds the
     * local name it was first assigned to ({@code stored = f.name} then {@code f"<span>{stored}</span>"}).
     */
    private static PyNode markupEntry(PyNode part, RuleContext context) {
        if (part.ancestor("string") != null) return part;
        PyNode assignment = part.parent();
        if (assignment == null || !assignment.is("assignment") || assignment.field("right") != part) return null;
        PyNode target = assignment.field("left");
        PyNode function = context.file().enclosingFunction(part);
        if (target == null || !target.is("identifier") || function == null) return null;
        PyNode[] found = {null};
        function.forEachDescendant(n -> {
            if (found[0] == null && n.is("interpolation") && n.startOffset() > part.endOffset()
                    && !n.namedChildren().isEmpty() && n.namedChildren().get(0).is("identifier")
                    && n.namedChildren().get(0).text().equals(target.text())) {
                found[0] = n;
            }
        });
        return found[0];
    }

    /** A tag in the value's own text or in the text of a local name it uses ({@code note = f"<span>{name}</span>"}). */
    private static boolean hasMarkup(PyNode value, RuleContext context) {
        if (TAG.matcher(value.text()).find()) return true;
        boolean[] found = {false};
        value.forEachDescendant(n -> {
            if (found[0] || !n.is("identifier")) return;
            PyNode assigned = context.values().singleAssignedValue(n);
            found[0] = assigned != null && TAG.matcher(assigned.text()).find();
        });
        return found[0];
    }

    /** {@code field.help_text = custom_help_text}: a whole value whose name says an administrator or user set it. */
    private static boolean configuredText(PyNode value) {
        return value.is("identifier") && Identifiers.words(value.text()).contains("custom");
    }

    /**
     * {@code volume.size}, {@code now}: numbers and times, which cannot open a tag; {@code DEFAULT_MIME_TYPE}: a
     * constant by the naming convention, wherever it is defined.
     */
    private static boolean quantity(PyNode part) {
        PyNode name = part.is("attribute") ? part.field("attribute") : part;
        if (name == null || !name.is("identifier")) return false;
        String text = name.text();
        return text.equals(text.toUpperCase(java.util.Locale.ROOT)) && text.chars().anyMatch(Character::isLetter)
                || Identifiers.words(text).stream().anyMatch(QUANTITY_WORDS::contains);
    }

    /** {@code existing = field.help_text or ""}: help text the code already had is HTML by the same convention. */
    private static boolean existingHelpText(PyNode part) {
        return part.is("attribute") && part.field("attribute") != null
                && part.field("attribute").text().equals(HELP_TEXT)
                || part.is("boolean_operator") && part.text().contains("." + HELP_TEXT);
    }

    /** {@code obj.urls.settings}, {@code edit_url}: a URL the application routed, not text someone typed. */
    private static boolean namesUrl(PyNode part) {
        PyNode name = part.is("attribute") ? part.field("attribute") : part;
        if (name == null || !name.is("identifier")) return false;
        List<String> words = Identifiers.words(name.text());
        if (part.is("attribute") && part.field("object") != null && part.field("object").is("attribute")) {
            PyNode owner = part.field("object").field("attribute");
            if (owner != null) words = java.util.stream.Stream.concat(words.stream(),
                    Identifiers.words(owner.text()).stream()).toList();
        }
        return words.stream().anyMatch(URL_WORDS::contains);
    }
}
