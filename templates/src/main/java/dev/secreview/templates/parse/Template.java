package dev.secreview.templates.parse;

import dev.secreview.core.model.SourceFile;
import dev.secreview.core.model.TextRange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed template: its tokens, every output value with the page context it lands in, the script blocks the browser
 * runs, and the names the template itself binds to constants or to the items of a setting. {@code masked} is the file's text with each value
 * replaced by {@link #VALUE_MARK}s and each tag and comment by blanks (line breaks kept), so that offsets in it are
 * offsets in the file and the HTML and JavaScript around values can be read without the template syntax.
 */
public final class Template {
    /** Stands for each character of a template value in {@link #masked()}. */
    public static final char VALUE_MARK = '\uE000';

    /** What the rendered template is, by the file's name (and, for a bare {@code .j2}, by its text). */
    public enum Output { HTML, XML, TEXT }

    private static final Pattern HTML_ELEMENT = Pattern.compile(
            "<(?:!doctype|html|head|body|div|span|p|a|script|form|table|tr|td|ul|ol|li|input|button|img|link|meta|"
                    + "section|nav|header|footer|h[1-6]|label|select|option|textarea|br)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern OWN_TAG = Pattern.compile("<[A-Za-z!/]");
    private static final Pattern FOR_LOOP = Pattern.compile("^for\\s+(.+?)\\s+in\\s+(.+?)(\\s+if\\s.*|\\s+recursive)?$");
    private static final Pattern CONSTANT_BINDING = Pattern.compile(
            "(?:^|\\s|,)([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(\"[^\"]*\"|'[^']*'|-?\\d+)\\s*(?=$|\\s|,)");
    private static final Pattern AS_BINDING = Pattern.compile("\\bas\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*$");
    /** {@code a=b}, {@code a = b.c}: a name the template binds to another value. */
    private static final Pattern ANY_BINDING = Pattern.compile(
            "(?:^|\\s|,)([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*([A-Za-z_][\\w.]*)(?=\\s|,|\\||$)");
    /** The template an include or extends tag names, and what follows it. */
    private static final Pattern NAMED_TEMPLATE = Pattern.compile("^\\s*([\"'])(.+?)\\1(.*)$", Pattern.DOTALL);
    private static final Pattern MACRO = Pattern.compile("^\\s*[A-Za-z_]\\w*\\s*\\((.*)\\)\\s*$", Pattern.DOTALL);

    private static final String ESCAPING_ON = "on";

    private final SourceFile source;
    private final Output output;
    private final List<TemplateToken> tokens;
    private final String masked;
    private final List<TemplateValue> values = new ArrayList<>();
    private final List<int[]> scripts;
    private final Set<String> constants = new HashSet<>();
    private final Map<String, String> urlTagNames = new HashMap<>();
    private final Set<String> settingLoopNames = new HashSet<>();
    /** Names the template binds to another value, by the first name of that value ("" when it names none). */
    private final Map<String, String> aliases = new HashMap<>();
    private final List<Reference> references = new ArrayList<>();
    private final ViewContext views;
    private final int unclosed;

    /**
     * A template this one includes or extends, by the name its tag gives, with the names the tag binds for it
     * ({@code {% include "row.html" with item=order %}}: {@code item} is what {@code order} is here).
     */
    public record Reference(String name, Map<String, String> bindings) implements java.io.Serializable {
        public Reference {
            bindings = Map.copyOf(bindings);
        }
    }

    private Template(SourceFile source, ViewContext views) {
        this.source = source;
        this.views = views;
        String text = source.text();
        TemplateLexer lexer = TemplateLexer.lex(text);
        this.tokens = lexer.tokens();
        this.unclosed = lexer.unclosed();
        StringBuilder mask = new StringBuilder(text);
        Map<Integer, Integer> valueSpans = new HashMap<>();
        for (TemplateToken token : tokens) {
            if (token.kind() == TemplateToken.Kind.TEXT) continue;
            if (token.kind() == TemplateToken.Kind.VALUE) valueSpans.put(token.start(), token.end());
            for (int i = token.start(); i < token.end(); i++) {
                char c = text.charAt(i);
                mask.setCharAt(i, token.kind() == TemplateToken.Kind.VALUE ? VALUE_MARK
                        : c == '\n' || c == '\r' ? c : ' ');
            }
        }
        this.masked = mask.toString();
        this.output = outputOf(source.projectPath(), text, masked);
        PageScanner.Scan page = output == Output.TEXT ? new PageScanner.Scan(Map.of(), List.of())
                : PageScanner.scan(masked, valueSpans);
        this.scripts = page.scripts();
        readValues(page.contexts());
    }

    public static Template parse(SourceFile source) {
        return new Template(source, ViewContext.NONE);
    }

    /** The template, knowing what the views that render it pass to it. */
    public static Template parse(SourceFile source, ViewContext views) {
        return new Template(source, views);
    }

    /**
     * HTML unless the name says otherwise ({@code .txt}, {@code .xml}, a {@code .j2} of a configuration file) or the
     * template writes no tag of its own: an {@code .html} that is only text and values is a mail subject, an SMS or a
     * plain-text body kept beside the HTML templates, where {@code |safe} is how one avoids escaping plain text.
     */
    static Output outputOf(String path, String text, String masked) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        for (String suffix : TemplateFiles.ENGINE_SUFFIXES) {
            if (name.endsWith(suffix)) {
                String inner = name.substring(0, name.length() - suffix.length());
                int dot = inner.lastIndexOf('.');
                if (dot < 0) return HTML_ELEMENT.matcher(text).find() ? Output.HTML : Output.TEXT;
                name = inner;
                break;
            }
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return OWN_TAG.matcher(masked).find() ? Output.HTML : Output.TEXT;
        }
        if (name.endsWith(".xml") || name.endsWith(".svg") || name.endsWith(".xhtml")) return Output.XML;
        return Output.TEXT;
    }

    private void readValues(Map<Integer, OutputContext> contexts) {
        Deque<String> escaping = new ArrayDeque<>();
        for (TemplateToken token : tokens) {
            switch (token.kind()) {
                case TAG -> {
                    readBindings(token);
                    String name = token.tagName();
                    String arguments = token.tagArguments().toLowerCase(Locale.ROOT);
                    // Each block pushes what it says of escaping: off (its tag), on (ESCAPING_ON), or nothing ("").
                    if (name.equals("autoescape")) {
                        escaping.push(arguments.equals("off") || arguments.equals("false")
                                ? "{% autoescape " + arguments + " %}" : ESCAPING_ON);
                    } else if (name.equals("filter")) {
                        escaping.push(arguments.matches("(.*\\|)?\\s*safe\\s*(\\|.*)?") ? "{% filter safe %}" : "");
                    } else if ((name.equals("endautoescape") || name.equals("endfilter")) && !escaping.isEmpty()) {
                        escaping.pop();
                    }
                }
                case VALUE -> {
                    String innermost = escaping.stream().filter(s -> !s.isEmpty()).findFirst().orElse(ESCAPING_ON);
                    String unescapedBy = innermost.equals(ESCAPING_ON) ? null : innermost;
                    OutputContext context = contexts.getOrDefault(token.start(), OutputContext.text(""));
                    values.add(new TemplateValue(token.start(), token.end(),
                            source.text().substring(token.start(), token.end()), ValueExpression.parse(token.body()),
                            context, unescapedBy));
                }
                default -> {
                }
            }
        }
    }

    /**
     * {@code {% set title = "Home" %}}, {@code {% with kind="volume" %}}: names this template binds to literals (a
     * name bound twice, once to something else, is not constant). {@code {% url 'x' as link %}}: a URL the
     * application built.
     */
    private void readBindings(TemplateToken token) {
        String name = token.tagName();
        if (name.equals("include") || name.equals("extends")) {
            Matcher named = NAMED_TEMPLATE.matcher(token.tagArguments());
            if (named.matches()) references.add(new Reference(named.group(2), bindingsOf(named.group(3))));
        } else if (name.equals("macro")) {
            Matcher macro = MACRO.matcher(token.tagArguments());
            if (macro.matches()) {
                for (String parameter : macro.group(1).split(",")) {
                    String bound = parameter.replaceAll("=.*", "").strip();
                    if (!bound.isEmpty()) aliases.put(bound, "");
                }
            }
        }
        if (name.equals("set") || name.equals("with")) {
            String arguments = token.tagArguments();
            int eq = arguments.indexOf('=');
            String target = eq > 0 ? arguments.substring(0, eq).strip() : "";
            if (name.equals("set") && target.matches("[A-Za-z_]\\w*")) aliases.put(target, "");
            aliases.putAll(bindingsOf(arguments));
            Matcher as = AS_BINDING.matcher(arguments);
            if (name.equals("with") && as.find()) {
                aliases.put(as.group(1), ValueExpression.parse(arguments.substring(0, as.start())).rootName());
            }
            Matcher m = CONSTANT_BINDING.matcher(arguments);
            boolean any = false;
            while (m.find()) {
                constants.add(m.group(1));
                any = true;
            }
            if (!any && name.equals("set") && !target.isEmpty()) constants.remove(target);
        } else if (name.equals("for")) {
            Matcher loop = FOR_LOOP.matcher(token.body());
            if (loop.matches()) {
                ValueExpression iterated = ValueExpression.parse(loop.group(2));
                for (String variable : loop.group(1).split(",")) {
                    if (iterated.isSetting()) settingLoopNames.add(variable.strip());
                    aliases.put(variable.strip(), iterated.rootName());
                }
            }
        } else if (name.equals("url") || name.equals("static")) {
            Matcher as = AS_BINDING.matcher(token.tagArguments());
            if (as.find()) urlTagNames.put(as.group(1), name);
        }
    }

    /** {@code a=b} pairs: each name bound to the first name of its value. */
    private static Map<String, String> bindingsOf(String arguments) {
        Map<String, String> bound = new HashMap<>();
        Matcher m = ANY_BINDING.matcher(arguments);
        while (m.find()) bound.put(m.group(1), ValueExpression.parse(m.group(2)).rootName());
        return bound;
    }

    public SourceFile source() {
        return source;
    }

    /** What the views that render the template pass to it, and the engine's settings they install. */
    public ViewContext views() {
        return views;
    }

    /** The templates this one includes or extends, by the names its tags give. */
    public List<Reference> references() {
        return references;
    }

    /** Every name the template binds to another value, by the first name of that value ("" when none). */
    public Map<String, String> aliases() {
        return aliases;
    }

    /**
     * What the views pass for the value: the origin of its first name, or of what the template bound that name to
     * ({@code {% for c in comments %}}: {@code c.body} is what the views pass as {@code comments}); null when no view
     * passes it or the template binds it to something of its own (a macro's parameter, a literal).
     */
    public ViewContext.Seen viewOrigin(ValueExpression value) {
        String name = value.rootName();
        for (int step = 0; step < 8 && aliases.containsKey(name); step++) {
            String bound = aliases.get(name);
            if (bound.isEmpty() || constants.contains(name)) return null;
            if (bound.equals(name)) break;
            name = bound;
        }
        return name.isEmpty() || constants.contains(name) ? null : views.origin(name);
    }

    public Output output() {
        return output;
    }

    /** Whether the file uses template syntax at all; an HTML file without it is a plain page. */
    public boolean isTemplate() {
        return tokens.stream().anyMatch(t -> t.kind() != TemplateToken.Kind.TEXT);
    }

    public List<TemplateToken> tokens() {
        return tokens;
    }

    public List<TemplateValue> values() {
        return values;
    }

    /** The bodies of the script blocks a browser runs, as {@code [start, end)} offsets in the file. */
    public List<int[]> scripts() {
        return scripts;
    }

    public String masked() {
        return masked;
    }

    /** The offset of a delimiter that is never closed, or -1. */
    public int unclosed() {
        return unclosed;
    }

    /** Whether {@code value} is a name this template binds only to a literal. */
    public boolean isTemplateConstant(ValueExpression value) {
        return constants.contains(value.expression());
    }

    /** Whether {@code value} is read from a loop variable over a deployment setting ({@code {% for k, v in config.X.items() %}}). */
    public boolean isFromSettingLoop(ValueExpression value) {
        return settingLoopNames.contains(value.rootName());
    }

    /** Whether {@code value} names a URL that a {@code {% url … as name %}} or {@code {% static … as name %}} built. */
    public boolean isBuiltUrl(ValueExpression value) {
        return urlTagNames.containsKey(value.expression());
    }

    /** The value whose text covers {@code offset}, or null. */
    public TemplateValue valueAt(int offset) {
        for (TemplateValue value : values) {
            if (value.start() <= offset && offset < value.end()) return value;
        }
        return null;
    }

    /** 1-based line of an offset. */
    public int lineOf(int offset) {
        int low = 1;
        int high = source.lineCount();
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (source.lineStart(mid) <= offset) low = mid;
            else high = mid - 1;
        }
        return Math.max(1, low);
    }

    /** The range of {@code [start, end)} in the file. */
    public TextRange range(int start, int end) {
        int startLine = lineOf(start);
        int endLine = lineOf(Math.max(start, end - 1));
        int endColumn = Math.max(start, end - 1) - source.lineStart(endLine) + 2;
        return new TextRange(startLine, start - source.lineStart(startLine) + 1, endLine, endColumn);
    }
}
