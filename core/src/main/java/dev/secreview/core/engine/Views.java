package dev.secreview.core.engine;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the files of a scan tell the front end that reviews templates, whatever their language: every template render
 * ({@link FileFacts#renders()}) and how the template engine is set up ({@link FileFacts#engineSettings()}). The
 * {@link Scanner} gathers it from the files' own analyses before any whole-tree phase runs.
 */
public record Views(List<TemplateRender> renders, Set<EngineSetting> settings) {
    public static final Views NONE = new Views(List.of(), Set.of());

    public Views {
        renders = List.copyOf(renders);
        settings = settings.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(settings));
    }

    /** A setting of the template engine that changes what a template's expressions give. */
    public enum EngineSetting {
        /**
         * Translation in templates escapes: while autoescaping is on, {@code _("…")} gives the catalog's text as markup,
         * and the values formatted into it are escaped (Jinja2's newstyle gettext, which Flask-Babel installs).
         */
        ESCAPING_GETTEXT
    }

    public boolean isEmpty() {
        return renders.isEmpty() && settings.isEmpty();
    }
}
