package dev.secreview.templates;

import dev.secreview.core.engine.TemplateRender;
import dev.secreview.templates.parse.Template;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which renders reach each template of the tree: the templates a view's template name resolves to, and what those
 * include or extend, rendered with the same context (plus the names the including tag or loop binds).
 */
final class ViewConnection {
    /** A bound on the renders followed through includes, for trees whose templates include each other widely. */
    private static final int MAX_RENDERS = 20_000;

    private final Map<String, TemplateFacts> templates;
    /** The templates' display paths by file name, to resolve a template name without a pass over every file. */
    private final Map<String, List<String>> byFileName = new HashMap<>();

    private ViewConnection(Map<String, TemplateFacts> templates) {
        this.templates = templates;
        templates.forEach((path, facts) -> byFileName
                .computeIfAbsent(fileName(facts.source().projectPath()), k -> new ArrayList<>()).add(path));
    }

    /** The renders that reach each template, by the template's display path (templates no render reaches are absent). */
    static Map<String, List<TemplateRender>> connect(Map<String, TemplateFacts> templates, List<TemplateRender> renders) {
        return new ViewConnection(templates).reach(renders);
    }

    private Map<String, List<TemplateRender>> reach(List<TemplateRender> renders) {
        Map<String, List<TemplateRender>> reached = new LinkedHashMap<>();
        Set<List<Object>> seen = new HashSet<>();
        Deque<TemplateRender> work = new ArrayDeque<>(renders);
        while (!work.isEmpty() && seen.size() < MAX_RENDERS) {
            TemplateRender render = work.poll();
            for (String path : resolve(render.template())) {
                if (!seen.add(List.of(path, render))) continue;
                reached.computeIfAbsent(path, k -> new ArrayList<>()).add(render);
                TemplateFacts facts = templates.get(path);
                for (Template.Reference reference : facts.references()) {
                    Map<String, String> bound = new HashMap<>(facts.aliases());
                    bound.putAll(reference.bindings());
                    work.add(passedOn(render, reference.name(), bound));
                }
            }
        }
        return reached;
    }

    /** The render as an included or extended template sees it: the same values, and the names the includer binds. */
    private static TemplateRender passedOn(TemplateRender render, String template, Map<String, String> bound) {
        Map<String, TemplateRender.Passed> values = new LinkedHashMap<>(render.values());
        bound.forEach((name, from) -> {
            TemplateRender.Passed value = render.values().get(from);
            if (value != null) values.put(name, value);
            else values.remove(name);
        });
        return new TemplateRender(template, render.path(), render.line(), values);
    }

    /**
     * The templates a name resolves to: those whose path ends with {@code templates/NAME}, as the loaders of Django and
     * Flask find them (several, when applications have templates of the same name); failing that, those of the same
     * file name whose folders hold the name's folders in order, for loaders that map names otherwise
     * ({@code project/volumes/_limits.html} in {@code dashboards/project/volumes/templates/volumes/}).
     */
    List<String> resolve(String name) {
        String wanted = name.replace('\\', '/').replaceFirst("^(\\./|/)+", "");
        List<String> candidates = byFileName.getOrDefault(fileName(wanted), List.of());
        List<String> exact = new ArrayList<>();
        List<String> loose = new ArrayList<>();
        for (String path : candidates) {
            String projectPath = templates.get(path).source().projectPath();
            if (projectPath.equals("templates/" + wanted) || projectPath.endsWith("/templates/" + wanted)) {
                exact.add(path);
            } else if (wanted.contains("/") && holdsInOrder(projectPath, wanted)) {
                loose.add(path);
            }
        }
        return exact.isEmpty() ? loose : exact;
    }

    private static boolean holdsInOrder(String path, String name) {
        List<String> folders = Arrays.asList(path.split("/"));
        String[] wanted = name.split("/");
        int at = 0;
        for (int i = 0; i < wanted.length - 1; i++) {
            int found = folders.subList(at, Math.max(at, folders.size() - 1)).indexOf(wanted[i]);
            if (found < 0) return false;
            at += found + 1;
        }
        return true;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
