package dev.secreview.python.rules.files;

import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.tree.PyNode;

import java.util.Locale;
import java.util.Set;

/** Evidence, in the code around an extraction, that member names or sizes are checked before use. */
final class ArchivePathChecks {
    private static final Set<String> PATH_CHECK_CALLS = Set.of("realpath", "abspath", "commonpath", "commonprefix",
            "normpath", "is_relative_to", "resolve");

    private ArchivePathChecks() {
    }

    /** The function around {@code node}, or the module when it is at top level. */
    static PyNode region(PyNode node, PythonFile file) {
        PyNode function = file.enclosingFunction(node);
        return function != null ? function : file.root();
    }

    /**
     * Whether the region confines member paths: it resolves paths ({@code os.path.realpath},
     * {@code commonpath}, {@code Path.resolve().is_relative_to}), calls a helper named like
     * {@code is_within_directory}/{@code safe_members}, or compares against {@code ".."}.
     */
    static boolean validatesMemberPaths(PyNode region, PythonFile file) {
        boolean[] found = {false};
        region.forEachDescendant(node -> {
            if (found[0]) return;
            if (node.is("call")) {
                String name = Call.of(node, file).name().toLowerCase(Locale.ROOT);
                if (PATH_CHECK_CALLS.contains(name) || name.contains("within") || name.contains("safe")
                        || name.contains("traversal") || name.contains("validate") || name.contains("check_member")) {
                    found[0] = true;
                }
            } else if (node.is("string") && node.text().length() <= 6 && node.text().contains("..")
                    && node.parent() != null && !node.parent().is("argument_list")) {
                found[0] = true;
            }
        });
        return found[0];
    }

    /** Whether the region reads a member's declared size ({@code info.file_size}) before extracting. */
    static boolean checksMemberSizes(PyNode region) {
        boolean[] found = {false};
        region.forEachDescendant(node -> {
            if (found[0] || !node.is("attribute")) return;
            PyNode attribute = node.field("attribute");
            if (attribute != null && (attribute.text().equals("file_size") || attribute.text().equals("compress_size"))) {
                found[0] = true;
            }
        });
        return found[0];
    }
}
