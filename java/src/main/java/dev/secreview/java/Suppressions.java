package dev.secreview.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.Statement;
import dev.secreview.core.engine.SuppressionDirective;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Inline suppressions of Java code: {@code // nosec [ids]}, {@code // secreview: ignore[rule-id, ...]} (each covering
 * the statement or declaration its line belongs to), and {@code @SuppressWarnings("secreview:rule-id")} (or
 * {@code "secreview"} for every rule) covering the declaration it annotates.
 */
final class Suppressions {
    private static final Pattern NOSEC = Pattern.compile("^\\s*nosec\\b:?(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern RULE_NAME = Pattern.compile("(?:py|java)-[a-z0-9]+(?:-[a-z0-9]+)*", Pattern.CASE_INSENSITIVE);

    private Suppressions() {
    }

    static List<SuppressionDirective> of(CompilationUnit unit) {
        List<SuppressionDirective> directives = new ArrayList<>();
        java.util.Set<com.github.javaparser.Position> seen = new java.util.HashSet<>();
        for (Comment comment : unit.getAllContainedComments()) {
            // a comment attributed to a node may also be listed among the orphans: once each
            if (comment.getRange().isEmpty() || !seen.add(comment.getRange().get().begin)) continue;
            int line = comment.getRange().get().begin.line;
            SuppressionDirective directive = SuppressionDirective.parse(comment.getContent(), line, NOSEC, RULE_NAME);
            if (directive == null) continue;
            int[] span = statementAt(unit, line);
            directives.add(directive.covering(span[0], span[1]));
        }
        for (AnnotationExpr annotation : unit.findAll(AnnotationExpr.class)) {
            if (!annotation.getNameAsString().endsWith("SuppressWarnings")) continue;
            List<String> names = new ArrayList<>();
            boolean all = false;
            for (Expression value : annotation.findAll(Expression.class)) {
                if (!value.isStringLiteralExpr()) continue;
                String text = value.asStringLiteralExpr().asString();
                if (text.equals("secreview")) all = true;
                else if (text.startsWith("secreview:")) names.add(text.substring("secreview:".length()).strip());
            }
            if (!all && names.isEmpty()) continue;
            List<String> covered = all ? List.of() : List.copyOf(names);
            Node annotated = annotation.getParentNode().orElse(annotation);
            annotated.getRange().ifPresent(r -> directives.add(new SuppressionDirective(r.begin.line, r.begin.line,
                    r.end.line, annotation.toString(), covered)));
        }
        return directives;
    }

    /** The lines of the innermost statement or declaration that holds {@code line}: a comment covers all of it. */
    private static int[] statementAt(CompilationUnit unit, int line) {
        int[] best = {line, line};
        int bestSize = Integer.MAX_VALUE;
        for (Node node : unit.findAll(Node.class, n -> n instanceof Statement && !((Statement) n).isBlockStmt()
                || n instanceof BodyDeclaration<?>)) {
            if (node.getRange().isEmpty()) continue;
            var r = node.getRange().get();
            if (r.begin.line > line || r.end.line < line) continue;
            // a statement whose first line holds the comment, or the one it ends; not a whole method around it
            boolean head = r.begin.line == line || r.end.line == line;
            int size = r.end.line - r.begin.line;
            if (head && size < bestSize) {
                best = new int[]{r.begin.line, r.end.line};
                bestSize = size;
            }
        }
        return best;
    }
}
