package dev.secreview.core.engine;

import java.io.Serializable;
import java.util.Map;

/**
 * A view renders a template: one front end finds it in its files (a Python view's
 * {@code render_template("orders/detail.html", note=note)}), the front end of the template's language reviews the
 * template with it. A fact of the first front end's per-file analysis ({@link FileFacts#renders()}), handed to every
 * front end's whole-tree phase by the {@link Scanner}, so the data still flows one way: files, facts, then the rules.
 *
 * @param template the template's name as the view gives it to its engine ({@code orders/detail.html})
 * @param path     the display path of the file that renders it
 * @param line     the line of the render
 * @param values   each value the view passes by name, with where it comes from
 */
public record TemplateRender(String template, String path, int line, Map<String, Passed> values)
        implements Serializable {

    public TemplateRender {
        values = Map.copyOf(values);
    }

    /** Where a value passed to a template comes from, as far as the view's code shows. */
    public enum Origin {
        /** The request's own data (its parameters, body, headers, cookies, the URL's parts) is in it. */
        REQUEST,
        /** Fixed by the program or its deployment: a constant, a setting, a translated literal, a number. */
        FIXED,
        /** Text escaped for HTML (or a URL the application built): it holds no markup, whatever went in. */
        ESCAPED,
        /** Anything else: stored data, a call's result. */
        UNKNOWN;

        /** What a value made of values of these two origins is. */
        public Origin join(Origin other) {
            if (this == REQUEST || other == REQUEST) return REQUEST;
            if (this == UNKNOWN || other == UNKNOWN) return UNKNOWN;
            return this == ESCAPED || other == ESCAPED ? ESCAPED : FIXED;
        }
    }

    /** One value a view passes: where it comes from, and the expression and line that give it. */
    public record Passed(Origin origin, String expression, int line) implements Serializable {
    }
}
