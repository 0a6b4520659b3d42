package dev.secreview.python.rules.web;

import dev.secreview.python.semantic.Binding;
import dev.secreview.python.semantic.Interpolation;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a value marked as safe HTML that may carry text nobody escaped. A value is safe when it
 * is assembled only from constants, translated constants, numbers, the output of escaping helpers
 * ({@code format_html}, {@code escape}, {@code flatatt}) and of formatting helpers whose output has a
 * known safe shape ({@code timesince}, {@code reverse}). The search follows names through every
 * assignment, {@code +=} and {@code list.append()} in their scope, loop variables to what they iterate
 * over, and {@code self.method()} calls to the values the method returns; what it cannot see through
 * (a parameter, an attribute, an unknown call) is a part.
 */
final class UnescapedParts {
    /** Deep enough for a widget whose render() joins what three helper methods return. */
    private static final int MAX_DEPTH = 30;
    private static final int MAX_PARTS = 4;
    /** How many expressions one question may look at: names assigned in many branches fan out. */
    private static final int MAX_STEPS = 2_000;

    /** Calls whose result is already escaped (or safe) HTML. */
    private static final Set<String> ESCAPED = Set.of("django.utils.html.escape", "django.utils.html.conditional_escape",
            "django.utils.html.format_html", "django.utils.html.format_html_join", "django.utils.html.json_script",
            "django.utils.html.linebreaks", "django.utils.html.urlize", "django.template.loader.render_to_string",
            "django.template.defaultfilters.escape", "django.template.defaultfilters.force_escape",
            "django.utils.safestring.mark_safe", "django.forms.utils.flatatt", "html.escape", "cgi.escape",
            "markupsafe.escape", "markupsafe.Markup.escape", "markupsafe.Markup", "flask.escape", "flask.Markup",
            "flask.render_template", "jinja2.escape", "jinja2.Markup", "bleach.clean", "bleach.linkify", "nh3.clean");
    /** Formatting helpers whose output is numbers, words and URL-quoted paths: nothing that can open a tag. */
    private static final Set<String> SAFE_SHAPES = Set.of("django.utils.timesince.timesince",
            "django.utils.timesince.timeuntil", "django.template.defaultfilters.timesince",
            "django.template.defaultfilters.timeuntil", "django.template.defaultfilters.filesizeformat",
            "django.utils.formats.date_format", "django.utils.formats.number_format", "django.urls.reverse",
            "django.core.urlresolvers.reverse", "flask.url_for", "urllib.parse.urlencode", "urllib.parse.quote",
            "urllib.parse.quote_plus",
            // methods of a receiver the file cannot name: a model's canonical path, a query string, a date
            "get_absolute_url", "urlencode", "isoformat");
    /** Conversions to text that keep what they are given. */
    private static final Set<String> TEXT_CONVERSIONS = Set.of("str", "force_str", "force_text", "smart_str",
            "smart_text");
    /** String methods whose result is made of the receiver's own text. */
    private static final Set<String> SAME_TEXT_METHODS = Set.of("replace", "strip", "lstrip", "rstrip", "lower",
            "upper", "title", "capitalize");
    /** gettext and friends, under the names Django and Flask-Babel projects import them as. */
    private static final Set<String> TRANSLATIONS = Set.of("_", "gettext", "ugettext", "gettext_lazy",
            "ugettext_lazy", "pgettext", "pgettext_lazy", "_lazy", "lazy_gettext");

    private final PythonFile file;
    private final Values values;
    private final Set<PyNode> visiting = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The parts found for each value already judged: helper methods are reached from many places. */
    private final Map<PyNode, List<PyNode>> judged = new IdentityHashMap<>();
    private int steps;

    UnescapedParts(PythonFile file, Values values) {
        this.file = file;
        this.values = values;
    }

    /** The parts of {@code value} that may carry unescaped text, at most four; empty when it is safe HTML. */
    List<PyNode> of(PyNode value) {
        List<PyNode> parts = new ArrayList<>();
        collect(value, parts, 0);
        return parts;
    }

    /** Whether a call's result is escaped HTML: {@code format_html(...)}, {@code escape(x)}, a Django template render. */
    private boolean escaped(PyNode value) {
        String called = Interpolation.calledName(value, file);
        if (called == null) return false;
        // get_template("x.html").render(context): Django templates escape what they insert.
        return ESCAPED.contains(called) || called.startsWith("django.template.") && called.endsWith(".render");
    }

    /** {@code _("Read the <a href='/terms'>terms</a>")}: a constant message looked up in a translation catalog. */
    private boolean translatedConstant(PyNode value) {
        String called = Interpolation.calledName(value, file);
        if (called == null || !TRANSLATIONS.contains(called.substring(called.lastIndexOf('.') + 1))) return false;
        PyNode arguments = value.field("arguments");
        if (arguments == null || arguments.namedChildren().isEmpty()) return false;
        for (PyNode argument : arguments.namedChildren()) {
            if (!values.isConstant(argument)) return false;
        }
        return true;
    }

    private void collect(PyNode value, List<PyNode> parts, int depth) {
        if (value == null || parts.size() >= MAX_PARTS) return;
        List<PyNode> own = judged.get(value);
        if (own == null) {
            if (!visiting.add(value)) return;  // a value built from itself adds nothing new
            own = new ArrayList<>();
            try {
                if (depth > MAX_DEPTH || ++steps > MAX_STEPS) {
                    own.add(value);
                } else if (!safeAsIs(value)) {
                    expand(value, own, depth);
                }
            } finally {
                visiting.remove(value);
            }
            judged.put(value, own);
        }
        for (PyNode part : own) {
            if (parts.size() < MAX_PARTS && !parts.contains(part)) parts.add(part);
        }
    }

    private boolean safeAsIs(PyNode value) {
        // A name is judged by all it is given: `rows = []` folds to a constant, but rows.append(x) adds to it.
        if (!value.is("identifier") && values.isConstant(value)) return true;
        if (Interpolation.isNumeric(value, file) || translatedConstant(value)) return true;
        if (!value.is("call")) return false;
        String called = Interpolation.calledName(value, file);
        return escaped(value) || called != null && SAFE_SHAPES.contains(called);
    }

    private void expand(PyNode value, List<PyNode> parts, int depth) {
        Interpolation.Result built = Interpolation.of(value, file, values);
        if (built != null) {
            for (PyNode part : built.riskyParts(file, part -> false)) collect(part, parts, depth + 1);
            return;
        }
        switch (value.type()) {
            case "parenthesized_expression", "list", "tuple", "set" -> {
                for (PyNode item : value.namedChildren()) collect(item, parts, depth + 1);
            }
            // [conditional_escape(item) for item in items]: each element is what the body makes of one item.
            case "list_comprehension", "generator_expression", "set_comprehension" -> {
                PyNode body = value.field("body");
                if (body == null) parts.add(value);
                else collect(body, parts, depth + 1);
            }
            case "conditional_expression" -> {
                List<PyNode> branches = value.namedChildren();
                collect(branches.get(0), parts, depth + 1);
                if (branches.size() == 3) collect(branches.get(2), parts, depth + 1);
            }
            case "binary_operator" -> {
                // _("Go to <a href='%(url)s'>%(name)s</a>") % {...}: a translated template filled with values.
                PyNode template = value.field("left");
                if ("%".equals(Values.operator(value)) && translatedConstant(template)) {
                    String text = values.string(template.field("arguments").namedChildren().get(0)).orElse(null);
                    for (PyNode part : Interpolation.ofFormat(text, value.field("right"), file, values).parts()) {
                        collect(part, parts, depth + 1);
                    }
                } else {
                    parts.add(value);
                }
            }
            case "identifier" -> name(value, parts, depth);
            case "call" -> call(value, parts, depth);
            default -> parts.add(value);
        }
    }

    /** Every value a name is given in its scope, and every item appended to it when it is a list. */
    private void name(PyNode name, List<PyNode> parts, int depth) {
        List<Binding> bindings = Interpolation.reachingBindings(name, file);
        if (bindings.isEmpty()) {
            parts.add(name);
            return;
        }
        for (Binding binding : bindings) {
            PyNode site = binding.site();
            if (name.within(site)) continue;  // x = x + y: the x on the right is an earlier value
            if (binding.kind() == Binding.Kind.ASSIGNMENT && binding.value() != null) {
                collect(binding.value(), parts, depth + 1);
            } else if (binding.kind() == Binding.Kind.OTHER && site.parent() != null
                    && site.parent().is("augmented_assignment")) {
                collect(site.parent().field("right"), parts, depth + 1);
            } else if (binding.kind() == Binding.Kind.OTHER && iterated(site) != null) {
                collect(iterated(site), parts, depth + 1);
            } else {
                parts.add(name);
                return;
            }
        }
        List<PyNode> additions = values.additions(name);
        if (additions == null) parts.add(name);
        else for (PyNode added : additions) collect(added, parts, depth + 1);
    }

    /** For a loop variable ({@code for x in items}, {@code [... for x in items]}), what it iterates over. */
    private static PyNode iterated(PyNode target) {
        for (PyNode p = target.parent(); p != null; p = p.parent()) {
            if (p.is("for_statement") || p.is("for_in_clause")) {
                PyNode left = p.field("left");
                return left != null && target.within(left) ? p.field("right") : null;
            }
        }
        return null;
    }

    private void call(PyNode call, List<PyNode> parts, int depth) {
        PyNode function = call.field("function");
        PyNode arguments = call.field("arguments");
        String called = Interpolation.calledName(call, file);
        if (called != null && TEXT_CONVERSIONS.contains(called.substring(called.lastIndexOf('.') + 1))
                && arguments != null && arguments.namedChildren().size() == 1) {
            collect(arguments.namedChildren().get(0), parts, depth + 1);
            return;
        }
        if (function != null && function.is("attribute") && function.field("attribute") != null
                && SAME_TEXT_METHODS.contains(function.field("attribute").text())) {
            // value.strip(), value.replace("_", " "): the text is still the receiver's (and the replacement's).
            collect(function.field("object"), parts, depth + 1);
            if (arguments != null && arguments.namedChildren().size() == 2) {
                collect(arguments.namedChildren().get(1), parts, depth + 1);
            }
            return;
        }
        if (function != null && function.is("attribute") && function.field("attribute") != null
                && function.field("attribute").text().equals("format") && translatedConstant(function.field("object"))) {
            // _("See the {link}.").format(link=link): a translated template filled with values.
            if (arguments != null) {
                for (PyNode argument : arguments.namedChildren()) {
                    collect(argument.is("keyword_argument") ? argument.field("value") : argument, parts, depth + 1);
                }
            }
            return;
        }
        PyNode method = ownMethod(function);
        if (method == null) {
            parts.add(call);
            return;
        }
        method.forEachDescendant(node -> {
            if (node.is("return_statement") && file.enclosingFunction(node) == method && !node.namedChildren().isEmpty()) {
                collect(node.namedChildren().get(0), parts, depth + 1);
            }
        });
    }

    /** For {@code self.render_options(...)} inside a class, that class's {@code def render_options}. */
    private static PyNode ownMethod(PyNode function) {
        if (function == null || !function.is("attribute")) return null;
        PyNode receiver = function.field("object");
        PyNode attribute = function.field("attribute");
        PyNode owner = function.ancestor("class_definition");
        if (receiver == null || attribute == null || owner == null
                || !(receiver.text().equals("self") || receiver.text().equals("cls"))) {
            return null;
        }
        PyNode body = owner.field("body");
        if (body == null) return null;
        for (PyNode statement : body.namedChildren()) {
            PyNode definition = statement.definition();
            if (definition != null && definition.is("function_definition") && definition.field("name") != null
                    && definition.field("name").text().equals(attribute.text())) {
                return definition;
            }
        }
        return null;
    }
}
