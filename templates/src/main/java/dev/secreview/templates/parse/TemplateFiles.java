package dev.secreview.templates.parse;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Which files are Jinja2 or Django templates, by name, and which of them are test code. */
public final class TemplateFiles {
    /** The suffixes of the template engines' own file names; {@code page.html.j2} renders a {@code page.html}. */
    static final List<String> ENGINE_SUFFIXES = List.of(".jinja2", ".jinja", ".j2");
    private static final List<String> ALWAYS = List.of(".html", ".htm", ".jinja2", ".jinja", ".j2");
    /** Text and XML files are templates only in a folder of templates: elsewhere they are data. */
    private static final List<String> IN_TEMPLATE_FOLDERS = List.of(".txt", ".xml");

    private TemplateFiles() {
    }

    /**
     * A template by its name. Files in a {@code static/} folder are served as they are, never rendered by the server's
     * engine (an AngularJS view's {@code {{ }}} is the browser's), so they are not templates.
     */
    public static boolean isTemplate(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean always = ALWAYS.stream().anyMatch(name::endsWith);
        if (!always && IN_TEMPLATE_FOLDERS.stream().noneMatch(name::endsWith)) return false;
        boolean inTemplates = false;
        for (Path folder = file.getParent(); folder != null; folder = folder.getParent()) {
            Path folderName = folder.getFileName();
            if (folderName == null) continue;
            if (folderName.toString().equals("static")) return false;
            inTemplates |= folderName.toString().equals("templates");
        }
        return always || inTemplates;
    }

    /** Test code: a template under a {@code tests/} or {@code test/} folder of the project is not shipped. */
    public static boolean isTestTemplate(String projectPath) {
        String[] parts = projectPath.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("tests") || parts[i].equals("test")) return true;
        }
        return false;
    }
}
