package dev.secreview.templates.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Follows the HTML a template writes, as a browser's tokenizer would, over the template's masked text (template
 * values as placeholders, tags and comments as blanks; see {@link Template}), to tell each value the context it lands
 * in, and to find the script blocks. Template tags do not change the HTML state: both branches of an
 * {@code {% if %}} are read as one text, which is what the page is in nearly every template.
 */
final class PageScanner {
    /** Elements whose content is not markup: a script's JavaScript, a style's CSS, the escaped text of the rest. */
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title", "xmp");
    /** {@code <script type=…>} values whose content a browser runs; any other type is data (Angular's templates). */
    private static final Set<String> SCRIPT_TYPES = Set.of("", "text/javascript", "application/javascript", "module",
            "text/ecmascript", "application/ecmascript", "javascript");

    private enum State { TEXT, COMMENT, TAG_NAME, END_TAG, BEFORE_ATTRIBUTE, ATTRIBUTE_NAME, AFTER_ATTRIBUTE_NAME,
        BEFORE_VALUE, VALUE, RAW }

    record Scan(Map<Integer, OutputContext> contexts, List<int[]> scripts) {
    }

    private final String masked;
    private final Set<Integer> valueStarts;
    private final Map<Integer, Integer> valueEnds;
    private final Map<Integer, OutputContext> contexts = new HashMap<>();
    private final List<int[]> scripts = new ArrayList<>();

    private State state = State.TEXT;
    private final StringBuilder element = new StringBuilder();
    private final StringBuilder attribute = new StringBuilder();
    private final StringBuilder attributeValue = new StringBuilder();
    private final Map<String, String> attributes = new HashMap<>();
    private boolean valueHasTemplateValue;
    private char quote;
    private String rawElement;
    private int rawStart;

    private PageScanner(String masked, Map<Integer, Integer> values) {
        this.masked = masked;
        this.valueEnds = values;
        this.valueStarts = values.keySet();
    }

    /** {@code values}: each template value's start offset to its end. */
    static Scan scan(String masked, Map<Integer, Integer> values) {
        PageScanner scanner = new PageScanner(masked, values);
        scanner.run();
        return new Scan(scanner.contexts, scanner.scripts);
    }

    private void run() {
        int i = 0;
        int n = masked.length();
        while (i < n) {
            if (valueStarts.contains(i)) {
                contexts.put(i, contextHere(i));
                afterValue();
                i = valueEnds.get(i);
                continue;
            }
            char c = masked.charAt(i);
            switch (state) {
                case TEXT -> {
                    if (masked.startsWith("<!--", i)) {
                        state = State.COMMENT;
                        i += 3;
                    } else if (c == '<' && i + 1 < n && Character.isLetter(masked.charAt(i + 1))) {
                        state = State.TAG_NAME;
                        element.setLength(0);
                        attributes.clear();
                    } else if (c == '<' && i + 2 < n && masked.charAt(i + 1) == '/') {
                        state = State.END_TAG;
                    }
                }
                case COMMENT -> {
                    if (masked.startsWith("-->", i)) {
                        state = State.TEXT;
                        i += 2;
                    }
                }
                case END_TAG -> {
                    if (c == '>') state = State.TEXT;
                }
                case TAG_NAME -> {
                    if (c == '>') endOfStartTag(i);
                    else if (Character.isWhitespace(c) || c == '/') state = State.BEFORE_ATTRIBUTE;
                    else element.append(Character.toLowerCase(c));
                }
                case BEFORE_ATTRIBUTE -> {
                    if (c == '>') endOfStartTag(i);
                    else if (!Character.isWhitespace(c) && c != '/') startAttribute(c);
                }
                case ATTRIBUTE_NAME -> {
                    if (c == '=') state = State.BEFORE_VALUE;
                    else if (c == '>') {
                        endAttribute();
                        endOfStartTag(i);
                    } else if (Character.isWhitespace(c)) state = State.AFTER_ATTRIBUTE_NAME;
                    else if (c == '/') {
                        endAttribute();
                        state = State.BEFORE_ATTRIBUTE;
                    } else attribute.append(Character.toLowerCase(c));
                }
                case AFTER_ATTRIBUTE_NAME -> {
                    if (c == '=') state = State.BEFORE_VALUE;
                    else if (c == '>') {
                        endAttribute();
                        endOfStartTag(i);
                    } else if (!Character.isWhitespace(c)) {
                        endAttribute();
                        startAttribute(c);
                    }
                }
                case BEFORE_VALUE -> {
                    if (c == '"' || c == '\'') {
                        quote = c;
                        state = State.VALUE;
                    } else if (c == '>') {
                        endAttribute();
                        endOfStartTag(i);
                    } else if (!Character.isWhitespace(c)) {
                        quote = 0;
                        state = State.VALUE;
                        attributeValue.append(c);
                    }
                }
                case VALUE -> {
                    if (quote != 0 ? c == quote : Character.isWhitespace(c)) {
                        endAttribute();
                        state = State.BEFORE_ATTRIBUTE;
                    } else if (quote == 0 && c == '>') {
                        endAttribute();
                        endOfStartTag(i);
                    } else attributeValue.append(c);
                }
                case RAW -> {
                    if (c == '<' && masked.regionMatches(true, i, "</" + rawElement, 0, rawElement.length() + 2)) {
                        if (rawElement.equals("script") && isRunnableScript()) scripts.add(new int[]{rawStart, i});
                        state = State.END_TAG;
                    }
                }
            }
            i++;
        }
    }

    private void startAttribute(char first) {
        state = State.ATTRIBUTE_NAME;
        attribute.setLength(0);
        attribute.append(Character.toLowerCase(first));
        attributeValue.setLength(0);
        valueHasTemplateValue = false;
    }

    private void endAttribute() {
        attributes.put(attribute.toString(), attributeValue.toString());
        attribute.setLength(0);
        attributeValue.setLength(0);
        valueHasTemplateValue = false;
    }

    private void endOfStartTag(int at) {
        String name = element.toString();
        if (RAW_TEXT.contains(name)) {
            state = State.RAW;
            rawElement = name;
            rawStart = at + 1;
        } else {
            state = State.TEXT;
        }
    }

    private boolean isRunnableScript() {
        String type = attributes.getOrDefault("type", "").strip().toLowerCase(Locale.ROOT);
        return SCRIPT_TYPES.contains(type);
    }

    private OutputContext contextHere(int at) {
        String tag = element.toString();
        return switch (state) {
            case TEXT, COMMENT, END_TAG -> OutputContext.text("");
            case TAG_NAME, BEFORE_ATTRIBUTE, ATTRIBUTE_NAME, AFTER_ATTRIBUTE_NAME ->
                    new OutputContext(OutputContext.Place.ATTRIBUTE_LIST, tag, "", (char) 0, false, false);
            case BEFORE_VALUE, VALUE -> {
                String name = attribute.toString();
                boolean unquoted = state == State.BEFORE_VALUE || quote == 0;
                boolean start = attributeValue.toString().isBlank() && !valueHasTemplateValue;
                boolean jsString = name.startsWith("on") && JavaScriptText.openQuote(attributeValue, 0,
                        attributeValue.length()) != 0;
                yield new OutputContext(OutputContext.Place.ATTRIBUTE_VALUE, tag, name, unquoted ? 0 : quote, start,
                        jsString);
            }
            case RAW -> switch (rawElement) {
                case "script" -> isRunnableScript()
                        ? new OutputContext(OutputContext.Place.SCRIPT, "script", "", (char) 0, false,
                        JavaScriptText.openQuote(masked, rawStart, at) != 0)
                        : OutputContext.text("script");
                case "style" -> new OutputContext(OutputContext.Place.STYLE, "style", "", (char) 0, false, false);
                default -> OutputContext.text(rawElement);
            };
        };
    }

    private void afterValue() {
        switch (state) {
            case BEFORE_VALUE -> {
                quote = 0;
                state = State.VALUE;
                valueHasTemplateValue = true;
            }
            case VALUE -> valueHasTemplateValue = true;
            case TAG_NAME, BEFORE_ATTRIBUTE, ATTRIBUTE_NAME, AFTER_ATTRIBUTE_NAME -> {
                // The value writes an attribute (or its name: `{{ name }}="{{ value }}"`), whose name is unknown.
                if (state == State.ATTRIBUTE_NAME || state == State.AFTER_ATTRIBUTE_NAME) endAttribute();
                state = State.ATTRIBUTE_NAME;
                attribute.setLength(0);
            }
            default -> {
            }
        }
    }
}
