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

    /**
     * Whether the region lets link members through ({@code member.issym()}, {@code member.islnk()} outside a
     * {@code not}) and never looks at where a link points ({@code linkname}): names checked, links not.
     */
    static boolean admitsUncheckedLinks(PyNode region, PythonFile file) {
        boolean[] admits = {false};
        region.forEachDescendant(node -> {
            if (admits[0] || !node.is("call")) return;
            String name = Call.of(node, file).name();
            if (!"issym".equals(name) && !"islnk".equals(name)) return;
            for (PyNode up = node.parent(); up != null && up != region; up = up.parent()) {
                if (up.is("not_operator")) return;
                if (up.is("if_statement")) {
                    // `if member.issym(): continue` rejects links; `if member.isreg() or member.issym(): extract` admits them
                    PyNode consequence = up.field("consequence");
                    PyNode first = consequence == null || consequence.namedChildren().isEmpty() ? null
                            : consequence.namedChildren().get(0);
                    if (first != null && (first.is("continue_statement") || first.is("raise_statement")
                            || first.is("return_statement"))) {
                        return;
                    }
                    break;
                }
                if (up.is("conditional_expression") || up.is("list_comprehension")) break;
            }
            admits[0] = true;
        });
        return admits[0] && !region.text().contains("linkname");
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
