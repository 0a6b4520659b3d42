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

    public static boolean isTemplate(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (ALWAYS.stream().anyMatch(name::endsWith)) return true;
        if (IN_TEMPLATE_FOLDERS.stream().noneMatch(name::endsWith)) return false;
        for (Path folder = file.getParent(); folder != null; folder = folder.getParent()) {
            Path folderName = folder.getFileName();
            if (folderName != null && folderName.toString().equals("templates")) return true;
        }
        return false;
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
