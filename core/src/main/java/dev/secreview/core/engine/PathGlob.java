package dev.secreview.core.engine;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * A glob a user wrote to name paths of the project ({@code --exclude}, the configuration's {@code include},
 * {@code exclude} and {@code per-file-ignores}), read the way it is meant:
 * <ul>
 *   <li>a glob without a slash ({@code migrations}, {@code *_pb2.py}) names a file or folder at any depth;</li>
 *   <li>a glob with one ({@code tests/**}, {@code app/legacy}) names paths relative to the scanned directory;</li>
 *   <li>a leading {@code ./} or {@code /} only says "from the scanned directory", and a trailing {@code /} means
 *       a folder ({@code ./tests}, {@code tests/} and {@code tests} all name the folder tests);</li>
 *   <li>{@code **}{@code /} at the start also matches no folder at all ({@code **}{@code /tests/**} matches a
 *       top-level {@code tests/}), and {@code /**} at the end also matches the folder itself;</li>
 *   <li>a path matches when it or a folder above it matches.</li>
 * </ul>
 * {@code *} does not cross a slash, {@code **} does; {@code ?}, {@code [abc]} and {@code {a,b}} work as in any glob.
 */
public final class PathGlob {

    /** One way the glob can match, and whether that way names folders only. */
    private record Form(PathMatcher matcher, boolean folderOnly) {
    }

    private final String text;
    private final boolean byName;
    private final List<Form> forms;

    private PathGlob(String text, boolean byName, List<Form> forms) {
        this.text = text;
        this.byName = byName;
        this.forms = List.copyOf(forms);
    }

    /** The glob {@code text}; an empty glob or bad glob syntax is an {@link IllegalArgumentException} saying why. */
    public static PathGlob of(String text) {
        String glob = text.strip().replace('\\', '/');
        boolean anchored = glob.startsWith("./") || glob.startsWith("/");
        while (glob.startsWith("./") || glob.startsWith("/")) glob = glob.substring(glob.startsWith("/") ? 1 : 2);
        boolean folderOnly = glob.endsWith("/");
        while (glob.endsWith("/")) glob = glob.substring(0, glob.length() - 1);
        if (glob.isEmpty() || glob.equals(".")) {
            throw new IllegalArgumentException("'" + text + "' names no path inside the scanned directory");
        }
        List<String> variants = new ArrayList<>(List.of(glob));
        if (glob.startsWith("**/")) variants.add(glob.substring(3));
        List<Form> forms = new ArrayList<>();
        try {
            for (String variant : variants) {
                forms.add(new Form(matcher(variant), folderOnly));
                if (variant.endsWith("/**")) forms.add(new Form(matcher(variant.substring(0, variant.length() - 3)), true));
            }
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a glob: " + e.getDescription());
        }
        return new PathGlob(text, !anchored && !glob.contains("/"), forms);
    }

    private static PathMatcher matcher(String glob) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }

    /** Whether {@code relative} (slash-separated, inside the scanned directory), or a folder above it, matches. */
    public boolean matches(String relative, boolean folder) {
        String[] parts = relative.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) prefix.append('/');
            prefix.append(parts[i]);
            boolean isFolder = i < parts.length - 1 || folder;
            Path candidate = Path.of(byName ? parts[i] : prefix.toString());
            for (Form form : forms) {
                if ((isFolder || !form.folderOnly()) && form.matcher().matches(candidate)) return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
