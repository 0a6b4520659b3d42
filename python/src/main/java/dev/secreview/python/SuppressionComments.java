package dev.secreview.python;

import dev.secreview.core.engine.SuppressionDirective;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads inline suppressions from comments: Bandit's {@code # nosec} (optionally followed by test
 * ids such as {@code B602} or rule ids) and {@code # secreview: ignore[rule-id, ...]}. A directive
 * covers every line of the statement it stands in, so a comment on the last line of a multi-line
 * call silences a finding reported on its first line.
 */
final class SuppressionComments {
    private static final Pattern NOSEC = Pattern.compile("#\\s*nosec\\b:?([^#]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RULE_NAME = Pattern.compile("B\\d{3}|(?:py|java|c|cpp)-[a-z0-9]+(?:-[a-z0-9]+)*", Pattern.CASE_INSENSITIVE);

    private static final Set<String> SIMPLE_STATEMENTS = Set.of("expression_statement", "return_statement",
            "assert_statement", "delete_statement", "raise_statement", "import_statement", "import_from_statement",
            "global_statement", "nonlocal_statement", "print_statement", "exec_statement", "type_alias_statement",
            "decorator");
    private static final Set<String> COMPOUND_STATEMENTS = Set.of("function_definition", "class_definition",
            "if_statement", "elif_clause", "while_statement", "for_statement", "with_statement", "match_statement",
            "case_clause");

    private SuppressionComments() {
    }

    /** The directive a comment holds, or null; its line range is set later by {@link #directives}. */
    static SuppressionDirective parse(PyNode comment) {
        return SuppressionDirective.parse(comment.text(), comment.startLine(), NOSEC, RULE_NAME);
    }

    /** Widens each directive to the statement(s) its line belongs to. */
    static List<SuppressionDirective> directives(List<SuppressionDirective> found, PyNode root) {
        if (found.isEmpty()) return found;
        List<int[]> statements = new ArrayList<>();
        root.forEachDescendant(node -> {
            if (SIMPLE_STATEMENTS.contains(node.type())) {
                statements.add(new int[]{node.startLine(), node.endLine()});
            } else if (COMPOUND_STATEMENTS.contains(node.type())) {
                PyNode body = node.field("body") != null ? node.field("body") : node.field("consequence");
                int headerEnd = body == null ? node.endLine()
                        : Math.max(node.startLine(), body.startLine() - (body.startLine() > node.startLine() ? 1 : 0));
                statements.add(new int[]{node.startLine(), headerEnd});
            }
        });
        List<SuppressionDirective> widened = new ArrayList<>(found.size());
        for (SuppressionDirective d : found) {
            int first = d.line();
            int last = d.line();
            for (int[] s : statements) {
                if (s[0] <= d.line() && d.line() <= s[1]) {
                    first = Math.min(first, s[0]);
                    last = Math.max(last, s[1]);
                }
            }
            widened.add(d.covering(first, last));
        }
        return widened;
    }
}
