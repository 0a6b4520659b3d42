package dev.secreview.python.semantic;

import java.util.List;
import java.util.Set;

/**
 * What a file is for, read from its path inside the project: the shipped code a service runs, a tool an
 * operator or developer runs by hand, or test code. The role decides who can reach a defect: anyone who
 * can send the service a request, only whoever runs the tool, or nobody outside the test run. Test doubles
 * kept beside the shipped code (a fake client in {@code fake_keystoneclient.py}) are test code too.
 */
public enum CodeRole {
    SERVICE, OPERATOR_TOOL, TEST;

    /**
     * Folders of commands run by hand: developer and release scripts, CI and agent helpers, one-shot
     * commands ({@code cmd/}, {@code cli/}, {@code bin/}), devstack plugins, documentation builders and the
     * project's own lint checks ({@code hacking/}, flake8 plugins that read the project's source).
     */
    private static final Set<String> TOOL_FOLDERS = Set.of("tools", "scripts", "bin", "cmd", "cli", "devstack",
            ".agents", ".github", "doc", "docs", "releasenotes", "hacking");

    /** Django management commands ({@code manage.py <command>}), run by an administrator. */
    private static final List<String> TOOL_SUBPATHS = List.of("management/commands/");

    private static final Set<String> TOOL_FILES = Set.of("setup.py", "manage.py", "noxfile.py", "fabfile.py");

    public static CodeRole of(String projectPath) {
        String path = projectPath.replace('\\', '/');
        if (path.startsWith("./")) path = path.substring(2);
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (isTestName(name) || hasFolder(path, Set.of("tests", "test"))) return TEST;
        if (TOOL_FILES.contains(name) || hasFolder(path, TOOL_FOLDERS)) return OPERATOR_TOOL;
        for (String sub : TOOL_SUBPATHS) {
            if (path.startsWith(sub) || path.contains("/" + sub)) return OPERATOR_TOOL;
        }
        return SERVICE;
    }

    /** Test modules, and test doubles shipped beside the code they stand in for ({@code fakes.py}, {@code fake_*.py}). */
    private static boolean isTestName(String name) {
        return name.startsWith("test_") || name.endsWith("_test.py") || name.equals("conftest.py")
                || name.equals("tests.py") || name.equals("test.py") || name.startsWith("tests_")
                || name.equals("fakes.py") || name.startsWith("fake_") || name.endsWith("_fakes.py");
    }

    /** Whether a folder (not the file itself) on the path has one of these names. */
    private static boolean hasFolder(String path, Set<String> names) {
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (names.contains(parts[i])) return true;
        }
        return false;
    }
}
