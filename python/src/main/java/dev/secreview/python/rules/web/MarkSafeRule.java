package dev.secreview.python.rules.web;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Interpolation;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "py-mark-safe",
        cwe = 79,
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
    /** Calls whose result is already escaped (or safe) HTML. */
    private static final Set<String> ESCAPED = Set.of("django.utils.html.escape", "django.utils.html.conditional_escape",
            "django.utils.html.format_html", "django.utils.html.format_html_join", "django.utils.html.json_script",
            "django.utils.html.linebreaks", "django.utils.html.urlize", "django.template.loader.render_to_string",
            "django.template.defaultfilters.escape", "django.template.defaultfilters.force_escape",
            "django.utils.safestring.mark_safe", "html.escape", "cgi.escape", "markupsafe.escape",
            "markupsafe.Markup.escape", "markupsafe.Markup", "flask.escape", "flask.Markup", "flask.render_template",
            "jinja2.escape", "jinja2.Markup", "bleach.clean", "bleach.linkify", "nh3.clean");

    /** gettext and friends, under the names Django and Flask-Babel projects import them as. */
    private static final Set<String> TRANSLATIONS = Set.of("_", "gettext", "ugettext", "gettext_lazy",
            "ugettext_lazy", "pgettext", "pgettext_lazy", "_lazy", "lazy_gettext");

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null || !MARKERS.contains(callee)) return;
        PyNode text = call.argument(0, callee.endsWith("Markup") ? "base" : "s");
        if (text == null) return;
        Values values = context.values();
        PythonFile file = context.file();
        if (values.isConstant(text) || escaped(text, file, values) || translatedConstant(text, file, values)) return;
        String what = "`" + call.function().text() + "()`";
        Interpolation.Result built = Interpolation.of(text, file, values);
        if (built != null) {
            List<PyNode> risky = built.riskyParts(file, part -> escaped(part, file, values));
            if (risky.isEmpty()) return;
            context.report(call.node(), what + " marks HTML assembled from " + Interpolation.names(risky)
                    + " as safe, so the template will not escape it; a `<script>` or `\"` in "
                    + (risky.size() == 1 ? "that value" : "those values") + " reaches the page as markup (XSS).",
                    Severity.MEDIUM, Confidence.HIGH);
            return;
        }
        context.report(call.node(), what + " marks " + Interpolation.quote(text) + " as safe HTML, and that value is "
                + "not a constant; if it holds user-supplied text that was not escaped, it is rendered as markup (XSS).",
                Severity.MEDIUM, Confidence.MEDIUM);
    }

    /** {@code mark_safe(_("Read the <a href='/terms'>terms</a>"))}: a constant message looked up in a translation catalog. */
    private static boolean translatedConstant(PyNode value, PythonFile file, Values values) {
        String called = Interpolation.calledName(value, file);
        if (called == null || !TRANSLATIONS.contains(called.substring(called.lastIndexOf('.') + 1))) return false;
        PyNode arguments = value.field("arguments");
        if (arguments == null || arguments.namedChildren().isEmpty()) return false;
        for (PyNode argument : arguments.namedChildren()) {
            if (!values.isConstant(argument)) return false;
        }
        return true;
    }

    /** Whether a value is the result of an escaping or HTML-building helper (format_html, escape, bleach.clean). */
    private static boolean escaped(PyNode value, PythonFile file, Values values) {
        PyNode expr = value;
        if (expr.is("identifier")) {
            PyNode assigned = values.singleAssignedValue(expr);
            if (assigned != null) expr = assigned;
        }
        if (!expr.is("call")) return false;
        String called = Interpolation.calledName(expr, file);
        if (called == null) return false;
        if (ESCAPED.contains(called)) return true;
        // get_template("x.html").render(context): Django templates escape what they insert.
        return called.startsWith("django.template.") && called.endsWith(".render");
    }
}
