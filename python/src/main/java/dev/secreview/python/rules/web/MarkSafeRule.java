package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Binding;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

@RuleInfo(
        id = "py-mark-safe",
        cwe = 79,
        judgedBy = "xss",
        severity = Severity.MEDIUM,
        confidence = Confidence.MEDIUM,
        summary = "Text that is not a constant is marked as safe HTML with Django's mark_safe() or "
                + "MarkupSafe's Markup(), so template auto-escaping no longer applies to it.",
        fix = "Build the HTML with an escaping helper instead of marking it safe: "
                + "format_html(\"<b>{}</b>\", name) in Django, Markup(\"<b>%s</b>\") % name or "
                + "Markup(\"<b>{}</b>\").format(name) with MarkupSafe, which escape the inserted values.",
        altNames = {"B308", "B703", "B704"})
public final class MarkSafeRule implements CallRule {

    private static final Set<String> MARKERS = Set.of("django.utils.safestring.mark_safe",
            "django.utils.safestring.SafeString", "django.utils.safestring.SafeText", "django.utils.html.mark_safe",
            "markupsafe.Markup", "flask.Markup", "jinja2.Markup", "jinja2.utils.Markup");
    private static final Pattern TEMPLATE_TAG = Pattern.compile("\\b(filter|simple_tag)\\b");

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        boolean marker = callee != null && MARKERS.contains(callee) || markerSubclass(call, context);
        if (!marker) return;
        PyNode text = call.argument(0, callee == null || callee.endsWith("Markup") ? "base" : "s");
        if (text == null) return;
        PythonFile file = context.file();
        List<PyNode> unescaped = new UnescapedParts(file, context.values()).of(text);
        if (unescaped.isEmpty()) return;
        // Only what the code shows: whether these values can hold user text is the dataflow's question.
        String risk = templateFilter(file.enclosingFunction(call.node()))
                ? ": it is a template filter, so in a template that renders HTML a `<script>` or `\"` in its input "
                + "becomes markup (XSS); in a plain-text template (a shell script, a configuration file) it is harmless."
                : ": if user text reaches it, a `<script>` or `\"` in it is rendered as markup (XSS).";
        context.report(call.node(), "`" + call.function().text() + "()` marks " + described(text, unescaped, file)
                + " as safe HTML, and nothing on the way escapes " + (unescaped.size() == 1 ? "that value" : "those values")
                + risk, Severity.MEDIUM, Confidence.LOW);
    }

    /** {@code class literal(Markup): ...} then {@code literal(text)}: a subclass of a marker marks its text safe too. */
    private static boolean markerSubclass(Call call, RuleContext context) {
        PyNode function = call.function();
        if (function == null || !function.is("identifier")) return false;
        for (Binding binding : context.file().resolve(function.text(), function)) {
            PyNode definition = binding.site();
            if (binding.kind() != Binding.Kind.DEFINITION || definition == null || !definition.is("class_definition")) continue;
            PyNode bases = definition.field("superclasses");
            if (bases == null) continue;
            for (PyNode base : bases.namedChildren()) {
                if (MARKERS.contains(String.valueOf(context.file().qualifiedName(base)))) return true;
            }
        }
        return false;
    }

    /** {@code @register.filter} / {@code @register.simple_tag}: a function whose output goes into templates of any kind. */
    private static boolean templateFilter(PyNode function) {
        PyNode decorated = function == null ? null : function.parent();
        if (decorated == null || !decorated.is("decorated_definition")) return false;
        for (PyNode decorator : decorated.namedChildren()) {
            if (decorator.is("decorator") && TEMPLATE_TAG.matcher(decorator.text()).find()) return true;
        }
        return false;
    }

    /** {@code `value`}, or {@code HTML built from `k`, `self.data_attrs` (in `get_data_attrs()`)}. */
    private static String described(PyNode text, List<PyNode> unescaped, PythonFile file) {
        if (unescaped.size() == 1 && unescaped.get(0) == text) return quote(text);
        PyNode here = file.enclosingFunction(text);
        List<String> names = new ArrayList<>();
        for (PyNode part : unescaped) {
            PyNode function = file.enclosingFunction(part);
            String where = function == here || function == null || function.field("name") == null ? ""
                    : " (in `" + function.field("name").text() + "()`)";
            String name = quote(part) + where;
            if (!names.contains(name)) names.add(name);
        }
        return "HTML built from " + String.join(", ", names);
    }

    private static String quote(PyNode expr) {
        String shown = expr.text().replaceAll("\\s+", " ");
        return "`" + (shown.length() > 50 ? shown.substring(0, 47) + "..." : shown) + "`";
    }
}
