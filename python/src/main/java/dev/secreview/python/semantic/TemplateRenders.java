package dev.secreview.python.semantic;

import dev.secreview.core.engine.TemplateRender;
import dev.secreview.core.engine.TemplateRender.Origin;
import dev.secreview.core.engine.TemplateRender.Passed;
import dev.secreview.core.engine.Views.EngineSetting;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The templates a file's views render, with the values they pass by name and where each comes from, for the front
 * end that reviews the templates: Flask's {@code render_template(name, key=value, **context)}, Django's
 * {@code render(request, name, context)}, {@code TemplateResponse}, {@code render_to_string}, an engine's
 * {@code get_template(name).render(context)}, and class-based views' {@code template_name} with their
 * {@code get_context_data} and {@code extra_context}. A value's origin is what this file shows (flow-insensitive,
 * through the names it is bound to): the request's data (a part of {@code request} or {@code self.request} that
 * carries the client's input, a Flask route's URL parameter), a constant, setting, number or URL the application
 * built, text escaped for HTML, or unknown.
 */
public final class TemplateRenders {
    /** Flask's renders: the template, then the context as keyword arguments. */
    private static final Set<String> KEYWORD_RENDERS = Set.of("flask.render_template", "flask.stream_template",
            "flask.templating.render_template", "flask.templating.stream_template");
    /** Django's renders that take the request first: the template, then the context. */
    private static final Set<String> REQUEST_RENDERS = Set.of("django.shortcuts.render",
            "django.template.response.TemplateResponse");
    /** Django's renders without the request: the template, then the context. */
    private static final Set<String> PLAIN_RENDERS = Set.of("django.shortcuts.render_to_response",
            "django.template.loader.render_to_string", "django.template.response.SimpleTemplateResponse");
    /** The parts of a request that carry the client's input (Flask, Django, Django REST framework). */
    private static final Set<String> REQUEST_PARTS = Set.of("args", "form", "values", "json", "get_json", "data",
            "cookies", "COOKIES", "headers", "META", "files", "FILES", "GET", "POST", "query_params", "body",
            "query_string", "view_args");
    /** Calls whose result is text escaped for HTML, or URL-encoded: no markup survives them, whatever went in. */
    private static final Set<String> ESCAPERS = Set.of("markupsafe.escape", "markupsafe.Markup.escape",
            "flask.escape", "jinja2.escape", "html.escape", "django.utils.html.escape",
            "django.utils.html.conditional_escape", "django.utils.html.format_html",
            "django.utils.html.format_html_join", "django.utils.html.escapejs", "bleach.clean", "nh3.clean",
            "django.template.loader.render_to_string", "flask.render_template",
            // URL-encoding leaves no `<`, `>`, `&` or quote in the text.
            "urllib.parse.urlencode", "urllib.parse.quote", "urllib.parse.quote_plus", "django.utils.http.urlencode",
            "werkzeug.urls.url_encode", "werkzeug.urls.url_quote");
    /** Calls that build a URL from the application's routes: its scheme is the application's, it holds no markup. */
    private static final Set<String> URL_BUILDERS = Set.of("flask.url_for", "django.urls.reverse",
            "django.urls.reverse_lazy", "django.shortcuts.resolve_url", "django.core.urlresolvers.reverse");
    /** {@code Markup("<b>{}</b>").format(x)} escapes what it formats in. */
    private static final Set<String> MARKUP = Set.of("markupsafe.Markup", "flask.Markup", "jinja2.Markup");
    private static final Set<String> TRANSLATIONS = Set.of("_", "gettext", "ugettext", "gettext_lazy",
            "ugettext_lazy", "pgettext", "pgettext_lazy", "lazy_gettext", "ngettext", "ngettext_lazy");
    private static final Set<String> NUMBERS = Set.of("int", "float", "len", "bool", "abs", "round");
    /** Methods of text and mappings whose result is made of the receiver (and the arguments). */
    private static final Set<String> TEXT_METHODS = Set.of("strip", "lstrip", "rstrip", "lower", "upper", "title",
            "capitalize", "replace", "format", "join", "get", "split", "encode", "decode");
    private static final Pattern CONFIG_READ = Pattern.compile("(\\w+\\.)*config(\\[|\\.get\\().*", Pattern.DOTALL);
    /** Flask-Babel's extension, which installs Jinja2's newstyle gettext. */
    private static final Set<String> BABEL = Set.of("flask_babel.Babel", "flask_babelex.Babel");
    private static final int MAX_DEPTH = 8;
    /** How many expressions one value's origin may look at: names bound in many places fan out. */
    private static final int MAX_STEPS = 500;

    private final PythonFile file;
    private final Values values;
    private int steps;

    private TemplateRenders(PythonFile file, Values values) {
        this.file = file;
        this.values = values;
    }

    /** What a file says of templates: the renders it makes and the engine's settings it installs. */
    public record Found(List<TemplateRender> renders, Set<EngineSetting> settings) {
    }

    /**
     * Every template render of the file, in the order of the file, and the settings of the template engine the file
     * installs: Flask-Babel ({@code Babel(app)}, {@code babel.init_app(app)}) and
     * {@code env.install_gettext_callables(..., newstyle=True)} install Jinja2's newstyle gettext, which escapes. One
     * walk of the file for both.
     */
    public static Found found(PythonFile file, Values values) {
        TemplateRenders reader = new TemplateRenders(file, values);
        List<TemplateRender> renders = new ArrayList<>();
        Set<EngineSetting> settings = EnumSet.noneOf(EngineSetting.class);
        file.root().forEachDescendant(node -> {
            if (node.is("call")) {
                Call call = Call.of(node, file);
                reader.renderCall(node, call, renders);
                if (installsEscapingGettext(call, values)) settings.add(EngineSetting.ESCAPING_GETTEXT);
            } else if (node.is("class_definition")) {
                reader.classBasedView(node, renders);
            }
        });
        return new Found(renders, settings);
    }

    private static boolean installsEscapingGettext(Call call, Values values) {
        String callee = String.valueOf(call.callee());
        boolean flaskBabel = BABEL.contains(callee) || BABEL.stream().anyMatch(b -> callee.equals(b + "().init_app"));
        return flaskBabel || call.name().equals("install_gettext_callables") && call.keyword("newstyle") != null
                && values.isTrue(call.keyword("newstyle"));
    }

    private void renderCall(PyNode node, Call call, List<TemplateRender> renders) {
        String callee = String.valueOf(call.callee());   // Set.of(...) rejects a null lookup
        Map<String, PyNode> passed = new LinkedHashMap<>();
        PyNode template;
        if (KEYWORD_RENDERS.contains(callee)) {
            template = call.argument(0, "template_name_or_list");
            keywords(call, passed, "template_name_or_list");
        } else if (REQUEST_RENDERS.contains(callee)) {
            template = call.argument(1, "template_name");
            if (template == null) template = call.keyword("template");
            context(call.argument(2, "context"), node, passed);
        } else if (PLAIN_RENDERS.contains(callee)) {
            template = call.argument(0, "template_name");
            if (template == null) template = call.keyword("template");
            context(call.argument(1, "context"), node, passed);
        } else if (call.name().equals("render") && call.receiver() != null && call.receiver().is("call")
                && Call.of(call.receiver(), file).name().equals("get_template")) {
            // An engine's template object: `env.get_template("x.html").render(context)` or `.render(**context)`.
            template = Call.of(call.receiver(), file).argument(0, "template_name");
            if (template == null) template = Call.of(call.receiver(), file).argument(0, "name");
            context(call.argument(0, "context"), node, passed);
            keywords(call, passed, "context");
        } else {
            return;
        }
        add(renders, templateNames(template), node.startLine(), passed);
    }

    /** A class with a {@code template_name}: what its {@code extra_context} and {@code get_context_data} give. */
    private void classBasedView(PyNode definition, List<TemplateRender> renders) {
        PyNode body = definition.field("body");
        if (body == null) return;
        List<String> names = List.of();
        int line = definition.startLine();
        Map<String, PyNode> passed = new LinkedHashMap<>();
        for (PyNode statement : body.namedChildren()) {
            PyNode assignment = statement.is("expression_statement") && !statement.namedChildren().isEmpty()
                    ? statement.namedChildren().get(0) : null;
            if (assignment != null && assignment.is("assignment") && assignment.field("left") != null) {
                String target = assignment.field("left").text();
                if (target.equals("template_name")) {
                    names = templateNames(assignment.field("right"));
                    line = assignment.startLine();
                } else if (target.equals("extra_context")) {
                    context(assignment.field("right"), assignment, passed);
                }
            }
            PyNode method = statement.definition();
            if (method != null && method.is("function_definition") && method.field("name") != null
                    && method.field("name").text().equals("get_context_data")) {
                contextDataOf(method, passed);
            }
        }
        add(renders, names, line, passed);
    }

    /**
     * What a {@code get_context_data} puts in the context: the dictionaries it returns, the items it writes into the
     * names it returns and into {@code kwargs}, and the keywords it hands to the base class's method.
     */
    private void contextDataOf(PyNode method, Map<String, PyNode> passed) {
        method.forEachDescendant(node -> {
            if (node.is("return_statement") && !node.namedChildren().isEmpty()) {
                context(node.namedChildren().get(0), node, passed);
            } else if (node.is("call") && Call.of(node, file).name().equals("get_context_data")) {
                keywords(Call.of(node, file), passed, "");
            }
        });
        PyNode body = method.field("body");
        if (body != null) writes("kwargs", body, passed);
    }

    private void add(List<TemplateRender> renders, List<String> templates, int line, Map<String, PyNode> passed) {
        if (templates.isEmpty()) return;
        Map<String, Passed> described = new LinkedHashMap<>();
        passed.forEach((name, value) -> {
            steps = 0;
            described.put(name, new Passed(origin(value, 0), shortened(value.text()), value.startLine()));
        });
        for (String template : templates) {
            renders.add(new TemplateRender(template, file.source().displayPath(), line, described));
        }
    }

    /** The template names an argument gives: a string, or each string of a list or tuple of them. */
    private List<String> templateNames(PyNode template) {
        if (template == null) return List.of();
        Optional<Object> constant = values.constant(template);
        if (constant.isEmpty()) return List.of();
        if (constant.get() instanceof String name) return List.of(name);
        if (constant.get() instanceof List<?> names) {
            return names.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    private void keywords(Call call, Map<String, PyNode> passed, String templateKeyword) {
        for (PyNode keyword : call.keywordArguments()) {
            PyNode name = keyword.field("name");
            if (name != null && !name.text().equals(templateKeyword) && keyword.field("value") != null) {
                passed.put(name.text(), keyword.field("value"));
            }
        }
        PyNode arguments = call.node().field("arguments");
        if (arguments == null) return;
        for (PyNode argument : arguments.namedChildren()) {
            if (argument.is("dictionary_splat") && !argument.namedChildren().isEmpty()) {
                context(argument.namedChildren().get(0), call.node(), passed);
            }
        }
    }

    /**
     * The items of a context: a dictionary display, {@code dict(k=v)}, or a name bound to one, with the items the
     * enclosing function writes into that name ({@code context["k"] = v}, {@code context.update(k=v)}).
     */
    private void context(PyNode context, PyNode at, Map<String, PyNode> passed) {
        if (context == null) return;
        if (context.is("dictionary")) {
            for (PyNode pair : context.namedChildren()) {
                if (!pair.is("pair")) continue;
                Optional<String> key = values.string(pair.field("key"));
                if (key.isPresent() && pair.field("value") != null) passed.put(key.get(), pair.field("value"));
            }
        } else if (context.is("call") && "dict".equals(Call.of(context, file).callee())) {
            keywords(Call.of(context, file), passed, "");
        } else if (context.is("identifier")) {
            for (Binding binding : file.resolve(context.text(), context)) {
                if (binding.kind() == Binding.Kind.ASSIGNMENT && binding.value() != null
                        && !context.within(binding.site())) {
                    context(binding.value(), binding.site(), passed);
                }
            }
            PyNode scope = file.enclosingFunction(at);
            writes(context.text(), scope == null ? file.root() : scope, passed);
        }
    }

    /** The items written into the mapping {@code name} within {@code scope}: subscripts with a string key, update(). */
    private void writes(String name, PyNode scope, Map<String, PyNode> passed) {
        scope.forEachDescendant(node -> {
            if (node.is("assignment") && node.field("left") != null && node.field("left").is("subscript")) {
                PyNode target = node.field("left");
                PyNode object = target.field("value");
                Optional<String> key = values.string(target.field("subscript"));
                if (object != null && object.is("identifier") && object.text().equals(name) && key.isPresent()
                        && node.field("right") != null) {
                    passed.put(key.get(), node.field("right"));
                }
            } else if (node.is("call") && node.field("function") != null && node.field("function").is("attribute")) {
                Call call = Call.of(node, file);
                PyNode receiver = call.receiver();
                if (call.name().equals("update") && receiver != null && receiver.is("identifier")
                        && receiver.text().equals(name)) {
                    keywords(call, passed, "");
                    if (!call.positional().isEmpty() && call.positional().get(0).is("dictionary")) {
                        context(call.positional().get(0), node, passed);
                    }
                }
            }
        });
    }

    /** Where a value comes from, as far as this file shows. */
    private Origin origin(PyNode expr, int depth) {
        if (expr == null || depth > MAX_DEPTH || ++steps > MAX_STEPS) return Origin.UNKNOWN;
        if (readsRequest(expr)) return Origin.REQUEST;
        if (values.isConstant(expr)) return Origin.FIXED;
        switch (expr.type()) {
            case "identifier":
                return nameOrigin(expr, depth);
            case "parenthesized_expression", "string", "concatenated_string", "interpolation", "binary_operator",
                 "boolean_operator", "conditional_expression", "list", "tuple", "set", "dictionary", "pair",
                 "expression_list":
                return parts(expr, depth);
            case "attribute": {
                String qualified = file.qualifiedName(expr);
                if (qualified != null && qualified.startsWith("django.conf.settings.")) return Origin.FIXED;
                return origin(expr.field("object"), depth + 1) == Origin.REQUEST ? Origin.REQUEST : Origin.UNKNOWN;
            }
            case "subscript": {
                PyNode object = expr.field("value");
                if (CONFIG_READ.matcher(expr.text()).matches() || object != null
                        && String.valueOf(file.qualifiedName(object)).startsWith("django.conf.settings")) {
                    return Origin.FIXED;
                }
                return origin(object, depth + 1) == Origin.REQUEST ? Origin.REQUEST : Origin.UNKNOWN;
            }
            case "call":
                return callOrigin(expr, depth);
            default:
                return Origin.UNKNOWN;
        }
    }

    /** What every part of a built value comes from, joined: text, operators, displays, conditionals. */
    private Origin parts(PyNode expr, int depth) {
        Origin joined = Origin.FIXED;
        for (PyNode part : expr.namedChildren()) {
            if (part.is("string_start") || part.is("string_content") || part.is("string_end")
                    || part.is("escape_sequence") || part.is("comment") || part.is("format_specifier")
                    || part.is("type_conversion")) {
                continue;
            }
            joined = joined.join(origin(part, depth + 1));
            if (joined == Origin.REQUEST) return joined;
        }
        return joined;
    }

    private Origin nameOrigin(PyNode name, int depth) {
        List<Binding> bindings = file.resolve(name.text(), name);
        if (bindings.isEmpty()) return Origin.UNKNOWN;
        Origin joined = null;
        for (Binding binding : bindings) {
            Origin one = switch (binding.kind()) {
                case ASSIGNMENT -> binding.value() == null || name.within(binding.site()) ? Origin.UNKNOWN
                        : assignedOrigin(name, binding, depth);
                case PARAMETER -> routeParameter(binding) ? Origin.REQUEST : Origin.UNKNOWN;
                case DEFINITION -> Origin.FIXED;
                default -> Origin.UNKNOWN;
            };
            joined = joined == null ? one : joined.join(one);
        }
        return joined;
    }

    /**
     * What a name's assignment gives it, with what the file adds to it in place when it is a list, dict or set
     * display ({@code sections = []} then {@code sections.append(html)}).
     */
    private Origin assignedOrigin(PyNode name, Binding binding, int depth) {
        Origin assigned = origin(binding.value(), depth + 1);
        if (!Values.isMutableDisplay(binding.value()) || !values.changedInPlace(binding)) return assigned;
        List<PyNode> added = values.additions(name);
        if (added == null) return Origin.UNKNOWN;
        for (PyNode item : added) assigned = assigned.join(origin(item, depth + 1));
        return assigned;
    }

    private Origin callOrigin(PyNode expr, int depth) {
        Call call = Call.of(expr, file);
        String callee = call.callee() == null ? "" : call.callee();
        if (ESCAPERS.contains(callee)) return Origin.ESCAPED;
        if (URL_BUILDERS.contains(callee) || NUMBERS.contains(callee)) return Origin.FIXED;
        List<PyNode> arguments = new ArrayList<>(call.positional());
        call.keywordArguments().forEach(k -> arguments.add(k.field("value")));
        if (TRANSLATIONS.contains(call.name())) {
            return arguments.stream().allMatch(values::isConstant) ? Origin.FIXED : Origin.UNKNOWN;
        }
        PyNode receiver = call.receiver();
        if (call.name().equals("format") && receiver != null && receiver.is("call")
                && MARKUP.contains(String.valueOf(Call.of(receiver, file).callee()))) {
            return Origin.ESCAPED;
        }
        boolean madeOfItsInputs = callee.equals("str") || callee.equals("json.dumps") || MARKUP.contains(callee)
                || callee.equals("django.utils.safestring.mark_safe")
                || receiver != null && TEXT_METHODS.contains(call.name());
        if (!madeOfItsInputs) return Origin.UNKNOWN;
        Origin joined = receiver == null ? Origin.FIXED : origin(receiver, depth + 1);
        for (PyNode argument : arguments) joined = joined.join(origin(argument, depth + 1));
        return joined;
    }

    /**
     * A part of the request that carries the client's input, read through {@code request} or {@code self.request}:
     * {@code request.args.get("q")}, {@code request.GET["q"]}, {@code self.request.POST.get("q")}, and the URL's
     * parameters of a class-based view ({@code self.kwargs["slug"]}).
     */
    private static boolean readsRequest(PyNode expr) {
        for (PyNode node = expr; node != null; ) {
            switch (node.type()) {
                case "call" -> node = node.field("function");
                case "subscript" -> node = node.field("value");
                case "attribute" -> {
                    PyNode object = node.field("object");
                    PyNode attribute = node.field("attribute");
                    if (object == null || attribute == null) return false;
                    String owner = object.text();
                    if ((owner.equals("request") || owner.equals("self.request"))
                            && REQUEST_PARTS.contains(attribute.text())
                            || owner.equals("self") && attribute.text().equals("kwargs")) {
                        return true;
                    }
                    node = object;
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    /** A parameter of a Flask view that the route's URL gives: {@code @app.route("/u/<name>") def user(name)}. */
    private boolean routeParameter(Binding parameter) {
        PyNode function = parameter.site() == null ? null : parameter.site().ancestor("function_definition");
        if (function == null || function.parent() == null || !function.parent().is("decorated_definition")) {
            return false;
        }
        Pattern inUrl = Pattern.compile("<(\\w+:)?" + Pattern.quote(parameter.name()) + ">");
        for (PyNode decorator : function.parent().namedChildren()) {
            PyNode call = decorator.is("decorator") && !decorator.namedChildren().isEmpty()
                    ? decorator.namedChildren().get(0) : null;
            if (call == null || !call.is("call")) continue;
            Call route = Call.of(call, file);
            Optional<String> url = route.argument(0, "rule") == null ? Optional.empty()
                    : values.string(route.argument(0, "rule"));
            if (url.isPresent() && inUrl.matcher(url.get()).find()) return true;
        }
        return false;
    }

    private static String shortened(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 80 ? line : line.substring(0, 77) + "…";
    }
}
