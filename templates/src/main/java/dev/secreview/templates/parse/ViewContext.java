package dev.secreview.templates.parse;

import dev.secreview.core.engine.TemplateRender;
import dev.secreview.core.engine.TemplateRender.Origin;
import dev.secreview.core.engine.Views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the views that render a template pass to it, and the template engine's settings they install: for each name, where its value comes from, joined over every
 * render that passes it (the request's data if any view passes it; fixed only if every view does). A render the
 * analysis does not see (a template name computed at run time) is not here: the context is what the views show.
 */
public final class ViewContext {
    public static final ViewContext NONE = new ViewContext(List.of(), Set.of());

    private final List<TemplateRender> renders;
    private final Set<Views.EngineSetting> settings;
    private final Map<String, Seen> byName = new LinkedHashMap<>();

    /**
     * A name's joined origin and the pass that decides it: the first that brings the request's data, else the first.
     *
     * @param path the file of the view, {@code line} the line of the value there, {@code expression} its code
     */
    public record Seen(Origin origin, String path, int line, String expression) {
    }

    public ViewContext(List<TemplateRender> renders, Set<Views.EngineSetting> settings) {
        this.renders = List.copyOf(renders);
        this.settings = Set.copyOf(settings);
        for (TemplateRender render : this.renders) {
            render.values().forEach((name, passed) -> {
                Seen known = byName.get(name);
                Seen seen = new Seen(passed.origin(), render.path(), passed.line(), passed.expression());
                if (known == null) {
                    byName.put(name, seen);
                } else {
                    Origin joined = known.origin().join(passed.origin());
                    Seen decides = known.origin() != Origin.REQUEST && passed.origin() == Origin.REQUEST ? seen : known;
                    byName.put(name, new Seen(joined, decides.path(), decides.line(), decides.expression()));
                }
            });
        }
    }

    /** The renders this context is made of. */
    public List<TemplateRender> renders() {
        return renders;
    }

    /** Whether the views install this setting of the template engine. */
    public boolean installs(Views.EngineSetting setting) {
        return settings.contains(setting);
    }

    /** What the views pass as {@code name}; null when none passes it. */
    public Seen origin(String name) {
        return byName.get(name);
    }
}
