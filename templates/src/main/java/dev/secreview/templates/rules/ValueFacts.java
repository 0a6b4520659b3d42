package dev.secreview.templates.rules;

import dev.secreview.core.engine.TemplateRender.Origin;
import dev.secreview.core.engine.Views;
import dev.secreview.templates.parse.Template;
import dev.secreview.templates.parse.TemplateValue;
import dev.secreview.templates.parse.TopLevel;
import dev.secreview.templates.parse.ValueExpression;
import dev.secreview.templates.parse.ViewContext;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the rules know of a template value from the template alone: where it comes from and what its filters do. */
final class ValueFacts {
    /** Filters whose output holds no markup, whatever their input: numbers, dates, fixed words, slugs, URL-encoding. */
    static final Set<String> NOT_MARKUP = Set.of("length", "count", "wordcount", "int", "float", "floatformat",
            "filesizeformat", "intcomma", "date", "time", "timesince", "timeuntil", "yesno", "pluralize", "slugify",
            "abs", "round", "sum", "urlencode", "divisibleby", "length_is", "naturaltime",
            "naturalday", "apnumber", "ordinal");
    /**
     * Filters that escape their input for HTML while escaping is on. Django's {@code urlize}, {@code urlizetrunc},
     * {@code linebreaks}, {@code linebreaksbr} and {@code unordered_list} escape the text they wrap (and do not in an
     * {@code {% autoescape off %}} block); Jinja's {@code urlize} escapes always; {@code tojson}, {@code json_script},
     * {@code escapejs} and {@code xmlattr} escape {@code <}, {@code >}, {@code &} and quotes.
     */
    static final Set<String> ESCAPING = Set.of("escape", "e", "force_escape", "urlize", "urlizetrunc", "linebreaks",
            "linebreaksbr", "unordered_list", "tojson", "json_script", "escapejs", "xmlattr");
    /** The filters that escape whatever the autoescape setting. */
    static final Set<String> ALWAYS_ESCAPING = Set.of("escape", "e", "force_escape", "tojson", "json_script",
            "escapejs", "xmlattr");
    /** Values a template engine itself provides, which hold no visitor's text. */
    private static final Pattern ENGINE_VALUE = Pattern.compile(
            "(forloop|loop)\\.\\w+|csrf_token|csrf_input|block\\.super|super\\(\\)|caller\\(\\)");

    /** A quoted string of the template's expressions, with backslash escapes ({@code 'don\\'t'}). */
    private static final String STRING_LITERAL = "(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')";
    /** A translated literal: {@code _("Save")}, {@code gettext('…')}: the catalog's text, not a visitor's. */
    private static final Pattern TRANSLATED_LITERAL = Pattern.compile(
            "(_|gettext|ugettext|gettext_lazy|pgettext)\\(\\s*" + STRING_LITERAL + "\\s*\\)");

    /**
     * Jinja's newstyle gettext, a translated literal with the values it formats in as keywords
     * ({@code _('Hi %(name)s', name=user.name)}; oldstyle gettext takes no keywords): while autoescaping is on it gives
     * the catalog's text as markup and escapes each value it formats in.
     */
    private static final Pattern TRANSLATION_CALL = Pattern.compile(
            "(_|gettext|ngettext|pgettext|npgettext)\\(\\s*" + STRING_LITERAL);
    private static final Pattern KEYWORD_ARGUMENT = Pattern.compile("\\s*\\w+\\s*=[^=].*", Pattern.DOTALL);

    private static final Pattern FORM_WIDGET = Pattern.compile(
            "(\\w+\\.)*(form|\\w+_form)|(\\w+\\.)*(field|subfield)\\(.*\\)", Pattern.DOTALL);

    private ValueFacts() {
    }

    /**
     * The template shows that the value holds no visitor's text: a literal (or a translated one), a name the template
     * binds to one, a deployment setting, a counter of the engine, a URL a {@code {% url %}} tag or {@code url_for()}
     * built, a form or a form field rendered by its widgets (WTForms' {@code field(**kwargs)}, Django's {@code form}),
     * which escape the values they write; or a value every view that renders the template fills with one of those
     * (a constant, a setting, a number, a URL it built).
     */
    static boolean knownHarmless(Template template, TemplateValue value) {
        ValueExpression v = value.value();
        return v.isLiteral() || viewsPass(template, value, Origin.FIXED) || template.isTemplateConstant(v) || v.isSetting() || template.isFromSettingLoop(v)
                || template.isBuiltUrl(v)
                || ENGINE_VALUE.matcher(v.expression()).matches() || v.expression().isEmpty()
                || TRANSLATED_LITERAL.matcher(v.expression()).matches() || builtUrlCall(value)
                || FORM_WIDGET.matcher(v.expression()).matches();
    }

    /** Whether some filter, or Jinja's newstyle gettext, makes the unescaped output harmless markup-wise. */
    static boolean escapedAnyway(Template template, TemplateValue value) {
        ValueExpression v = value.value();
        if (v.filters().stream().anyMatch(NOT_MARKUP::contains)) return true;
        if (value.unescapedBy() == null && (escapingTranslation(v.expression())
                || template.views().installs(Views.EngineSetting.ESCAPING_GETTEXT) && formattedTranslation(v))) {
            return true;
        }
        int safe = v.filters().lastIndexOf("safe");
        if (value.unescapedBy() != null) {
            // In an autoescape-off block only the filters that always escape do.
            return v.filters().stream().anyMatch(ALWAYS_ESCAPING::contains);
        }
        return v.anyFilterBefore(safe, ESCAPING) || v.anyFilterAfter(safe + 1, Set.of("force_escape"));
    }

    /**
     * Jinja's newstyle gettext, a translated literal with the values it formats in as keywords
     * ({@code _('Hi %(name)s', name=user.name)}; oldstyle gettext takes no keywords): while autoescaping is on it gives
     * the catalog's text as markup and escapes each value it formats in.
     */
    private static boolean escapingTranslation(String expression) {
        if (!TRANSLATION_CALL.matcher(expression).lookingAt()) return false;
        // The call's own parenthesis must end the expression: nothing is added after the translation.
        TopLevel.Split arguments = TopLevel.split(expression, expression.indexOf('(') + 1, ',');
        return arguments.end() == expression.length() - 1
                && arguments.parts().stream().anyMatch(a -> KEYWORD_ARGUMENT.matcher(a).matches());
    }

    /**
     * A translated literal with values formatted into it by {@code .format(…)}, {@code %} or the {@code format} filter
     * ({@code _('{actor} added {tag}').format(actor=a, tag=t)}): where the views install escaping gettext the
     * translation is markup, and formatting markup escapes each value.
     */
    private static boolean formattedTranslation(ValueExpression value) {
        Matcher call = TRANSLATION_CALL.matcher(value.expression());
        if (!call.lookingAt()) return false;
        String rest = value.expression().substring(call.end()).stripLeading();
        if (!rest.startsWith(")")) return false;
        rest = rest.substring(1).stripLeading();
        if (rest.startsWith(".format(")) return TopLevel.closing(rest, ".format".length()) == rest.length() - 1;
        return rest.startsWith("%") || rest.isEmpty() && value.filters().contains("format");
    }

    /**
     * A value whose name says it is a number, a flag or an identifier ({@code id}, {@code *_count}, {@code timeout},
     * {@code reauthenticationTimeout}, {@code fetch_time}): it holds no blank, quote or code. A name only, so used
     * where escaping already stops markup and the question is whether the value can hold code or a blank.
     */
    static boolean namedAsNumber(TemplateValue value) {
        String name = value.value().lastName().toLowerCase(java.util.Locale.ROOT);
        return NUMBER_NAME.matcher(name).matches();
    }

    private static final Pattern NUMBER_NAME = Pattern.compile("(.*[_a-z])?(id|pk|uuid|slug|counter|index|count|number|"
            + "num|size|width|height|len|length|total|level|depth|step|limit|max|min|timeout|interval|delay|time|"
            + "timestamp|seconds|ms|port|version|enabled|disabled|percent|ratio)|id|pk");

    /** A call that builds a URL from the application's routes or files: it holds no blank or quote. */
    static boolean builtUrlCall(TemplateValue value) {
        return URL_BUILDER.matcher(value.value().expression()).matches();
    }

    private static final Pattern URL_BUILDER = Pattern.compile("(url_for|url|static|reverse|static_url)\\s*\\(.*",
            Pattern.DOTALL);

    /** Whether the views that render the template pass the value, and with this origin (joined over them all). */
    static boolean viewsPass(Template template, TemplateValue value, Origin origin) {
        ViewContext.Seen seen = template.viewOrigin(value.value());
        return seen != null && seen.origin() == origin;
    }

    /**
     * The request's own data, read in the template ({@code request.GET.q}, {@code request.args.next}) or passed by a
     * view that renders it ({@code render_template("x.html", q=request.args.get("q"))}).
     */
    static boolean fromRequest(Template template, TemplateValue value) {
        return readsRequest(value) || viewsPass(template, value, Origin.REQUEST);
    }

    /** Where the request's data comes in, for a message: the template's own read, or the view's line. */
    static String requestOrigin(Template template, TemplateValue value) {
        if (readsRequest(value)) return "it is the request's own data";
        ViewContext.Seen seen = template.viewOrigin(value.value());
        return "the view at " + seen.path() + ":" + seen.line() + " passes the request's data into it (`"
                + seen.expression() + "`)";
    }

    /** {@link #requestOrigin} as a sentence of its own, to end a message with. */
    static String requestSentence(Template template, TemplateValue value) {
        String origin = requestOrigin(template, value);
        return " " + Character.toUpperCase(origin.charAt(0)) + origin.substring(1) + ".";
    }

    private static boolean readsRequest(TemplateValue value) {
        String expression = value.value().expression();
        return expression.matches("request\\.(GET|POST|args|form|values|cookies|COOKIES|headers|META|json|"
                + "query_string|data)\\b.*|request\\.(GET|POST|args|form|values)\\.get\\(.*");
    }

    /**
     * A URL the application builds, by its name ({@code get_absolute_url}, {@code cancel_url}, {@code href}): the
     * template cannot tell, and such values come from the application's routes far more often than from a visitor.
     * The names of URLs a visitor gives ({@link #VISITOR_URL}) are not among them.
     */
    static boolean namedAsBuiltUrl(TemplateValue value) {
        String name = value.value().lastName();
        return BUILT_URL.matcher(name).matches() && !VISITOR_URL.matcher(name).matches();
    }

    /** Names of URLs that a visitor gives: where to go next, a profile's web site, a callback. */
    static boolean namedAsVisitorUrl(TemplateValue value) {
        return VISITOR_URL.matcher(value.value().lastName()).matches();
    }

    private static final Pattern BUILT_URL = Pattern.compile("(?i).*(url|uri|href|link|path)|get_\\w+");
    private static final Pattern VISITOR_URL = Pattern.compile("(?i)(next|next_url|came_from|return_to|return_url|"
            + "redirect|redirect_to|redirect_url|redirect_uri|website|web_site|website_url|homepage|home_page|"
            + "callback|callback_url|continue|goto|target_url|external_url|profile_url|user_url|link_url)");

    /** How the value is shown in a message: its text between the delimiters, shortened. */
    static String shown(TemplateValue value) {
        String text = value.text().replaceAll("\\s+", " ");
        return text.length() <= 80 ? text : text.substring(0, 77) + "…";
    }
}
