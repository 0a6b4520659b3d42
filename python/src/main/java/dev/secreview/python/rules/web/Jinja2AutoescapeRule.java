package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Interpolation;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Autoescaping matters only where the output is HTML. Jinja2 is as often used for configuration files
 * (haproxy, radvd, keepalived) and libvirt XML, where escaping would corrupt the output; so the rule
 * reads what the environment renders (the template text, the names passed to {@code get_template})
 * and reports HTML, says honestly when it cannot tell, and keeps quiet about anything else.
 */
@RuleInfo(
        id = "py-jinja2-autoescape",
        cwe = 79,
        judgedBy = "xss",
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "A Jinja2 Environment or Template that renders HTML is created with autoescaping off "
                + "(autoescape=False, or no autoescape argument: Jinja2's default is off).",
        fix = "Turn autoescaping on for HTML templates: "
                + "jinja2.Environment(loader=loader, autoescape=jinja2.select_autoescape([\"html\", \"xml\"])) "
                + "or autoescape=True.",
        altNames = {"B701"})
public final class Jinja2AutoescapeRule implements CallRule {

    private static final Set<String> FACTORIES = Set.of("jinja2.Environment", "jinja2.environment.Environment",
            "jinja2.Template", "jinja2.environment.Template", "jinja2.sandbox.SandboxedEnvironment");
    /** Environment methods that name or give the templates it renders. */
    private static final Set<String> TEMPLATE_METHODS = Set.of("get_template", "select_template",
            "get_or_select_template", "from_string");
    /** Tags only HTML has (not {@code <title>}, {@code <input>} or {@code <source>}, which libvirt XML has too). */
    private static final Pattern HTML_TAG = Pattern.compile("<(html|head|body|div|span|p|a|table|tr|td|th|ul|ol|li|"
            + "form|button|script|style|h[1-6]|br|img|iframe|em|strong|b|i|nav)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    /** A raw HTTP response template that declares its own media type. */
    private static final Pattern CONTENT_TYPE = Pattern.compile("content-type:\\s*([a-z]+/[a-z0-9.+-]+)",
            Pattern.CASE_INSENSITIVE);
    /** Suffixes that say a file is a template, not what it renders: {@code haproxy.cfg.j2}. */
    private static final Pattern TEMPLATE_SUFFIX = Pattern.compile("\\.(j2|jinja2?|tmpl|tpl|template)$");
    private static final Set<String> HTML_EXTENSIONS = Set.of("html", "htm", "xhtml");
    private static final Set<String> OTHER_EXTENSIONS = Set.of("xml", "conf", "cfg", "ini", "txt", "sh", "yaml",
            "yml", "json", "service", "py", "sql", "rst", "md", "toml", "env", "csv", "properties", "repo", "cnf");

    /** What a template renders, as far as the code shows. */
    private enum Output { HTML, OTHER, UNKNOWN }

    /** What a template renders and the evidence for it, in words for the message. */
    private record Judgement(Output output, String evidence) {
        static final Judgement UNKNOWN = new Judgement(Output.UNKNOWN, "");

        Judgement or(Judgement other) {
            if (output == Output.HTML) return this;
            if (other.output == Output.HTML) return other;
            return output == Output.UNKNOWN ? this : other.output == Output.UNKNOWN ? other : this;
        }
    }

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null || !FACTORIES.contains(callee)) return;
        PyNode autoescape = call.keyword("autoescape");
        boolean off;
        if (autoescape == null) {
            // **options may carry autoescape; nothing to say then.
            if (call.unpacksArguments()) return;
            off = false;
        } else if (context.values().isFalse(autoescape)) {
            off = true;
        } else {
            return;  // True, select_autoescape(...) or a callable: escaping is on (at least for the chosen templates).
        }
        Judgement rendered = callee.endsWith("Template")
                ? ofText(call.argument(0, "source"), context)
                : ofEnvironment(call, context);
        if (rendered.output == Output.OTHER) return;
        String what = "`" + call.function().text() + "(...)`" + (off ? " turns autoescaping off with "
                + "`autoescape=False`" : " is created without `autoescape`, and Jinja2 does not escape by default");
        if (rendered.output == Output.HTML) {
            context.report(call.node(), what + ": it renders HTML (" + rendered.evidence + "), so a variable holding "
                    + "user text with `<script>` in it becomes markup (XSS).", Severity.MEDIUM,
                    off ? Confidence.HIGH : Confidence.MEDIUM);
        } else {
            context.report(call.node(), what + ". Nothing here shows what its templates render: if they are HTML, "
                    + "a variable holding user text with `<script>` in it becomes markup (XSS); for configuration "
                    + "files or XML, escaping would be wrong.", Severity.MEDIUM, Confidence.LOW);
        }
    }

    /** An environment is judged by the templates the file asks it for: {@code env.get_template("vm.xml")}. */
    private static Judgement ofEnvironment(Call call, RuleContext context) {
        List<PyNode> uses = new ArrayList<>();
        PyNode parent = call.node().parent();
        if (parent != null && parent.is("attribute") && parent.parent() != null && parent.parent().is("call")) {
            uses.add(parent.parent());  // Environment(...).get_template(...)
        } else if (parent != null && parent.is("assignment") && parent.field("right") == call.node()) {
            String holder = parent.field("left").text();
            context.file().root().forEachDescendant(node -> {
                PyNode function = node.is("call") ? node.field("function") : null;
                if (function != null && function.is("attribute") && function.field("object") != null
                        && function.field("object").text().equals(holder)) {
                    uses.add(node);
                }
            });
        }
        Judgement judgement = null;
        for (PyNode use : uses) {
            PyNode attribute = use.field("function").field("attribute");
            PyNode arguments = use.field("arguments");
            if (attribute == null || !TEMPLATE_METHODS.contains(attribute.text()) || arguments == null
                    || arguments.namedChildren().isEmpty()) {
                continue;
            }
            PyNode first = arguments.namedChildren().get(0);
            Judgement one = attribute.text().equals("from_string") ? ofText(first, context) : ofNames(first, context);
            judgement = judgement == null ? one : judgement.or(one);
        }
        return judgement == null ? Judgement.UNKNOWN : judgement;
    }

    /** Template names: {@code "index.html"} is HTML, {@code "vm.xml"} or {@code "haproxy.cfg.j2"} is not. */
    private static Judgement ofNames(PyNode names, RuleContext context) {
        Optional<Object> value = context.values().constant(names);
        if (value.isEmpty()) return Judgement.UNKNOWN;
        List<?> all = value.get() instanceof List<?> list ? list : List.of(value.get());
        Judgement judgement = null;
        for (Object name : all) {
            if (!(name instanceof String file)) return Judgement.UNKNOWN;
            String bare = TEMPLATE_SUFFIX.matcher(file.toLowerCase(Locale.ROOT)).replaceFirst("");
            String extension = bare.contains(".") ? bare.substring(bare.lastIndexOf('.') + 1) : "";
            Judgement one = HTML_EXTENSIONS.contains(extension) ? new Judgement(Output.HTML, "`" + file + "`")
                    : OTHER_EXTENSIONS.contains(extension) ? new Judgement(Output.OTHER, "") : Judgement.UNKNOWN;
            judgement = judgement == null ? one : judgement.or(one);
        }
        return judgement == null ? Judgement.UNKNOWN : judgement;
    }

    /** Template text: HTML tags make it HTML, unless it is an HTTP response declaring another media type. */
    private static Judgement ofText(PyNode source, RuleContext context) {
        Values values = context.values();
        Optional<String> constant = values.string(source);
        String text = constant.orElse(null);
        if (text == null) {
            Interpolation.Result built = source == null ? null : Interpolation.of(source, context.file(), values);
            text = built == null ? "" : built.literal();
        }
        Matcher declared = CONTENT_TYPE.matcher(text);
        if (declared.find() && !declared.group(1).toLowerCase(Locale.ROOT).contains("html")) {
            return new Judgement(Output.OTHER, "");
        }
        Matcher tag = HTML_TAG.matcher(text);
        if (tag.find()) return new Judgement(Output.HTML, "the template text has `<" + tag.group(1) + ">` tags");
        // Text seen whole without a single HTML tag is a configuration file or plain text, not a page.
        return constant.isPresent() ? new Judgement(Output.OTHER, "") : Judgement.UNKNOWN;
    }
}
