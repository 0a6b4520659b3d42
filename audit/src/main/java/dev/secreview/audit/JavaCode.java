package dev.secreview.audit;

import com.github.javaparser.ParseResult;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithSimpleName;
import com.github.javaparser.ast.stmt.TryStmt;
import dev.secreview.core.model.SourceFile;
import dev.secreview.java.JavaFacade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A Java file under audit, read from JavaParser's tree as the Java front end parses it: its methods, constructors
 * and types, its calls (methods called and classes instantiated) and its single-type and static imports. The
 * libraries it imports are not read: a name of one is taken as the file writes it.
 */
public final class JavaCode extends CodeUnderAudit {

    private final Optional<CompilationUnit> unit;
    private final List<SyntaxError> syntaxErrors;
    private final List<CallSite> callSites;

    private JavaCode(SourceFile source, ParseResult<CompilationUnit> parsed) {
        super(source, AuditedLanguage.JAVA, withoutComments(source, parsed.getResult()));
        this.unit = parsed.isSuccessful() ? parsed.getResult() : Optional.empty();
        this.syntaxErrors = parsed.getProblems().stream().map(JavaCode::syntaxError)
                .sorted(Comparator.comparingInt(SyntaxError::line)).toList();
        this.callSites = callSitesOf(unit);
    }

    static JavaCode of(SourceFile source) {
        return new JavaCode(source, JavaFacade.parse(source));
    }

    @Override
    public List<SyntaxError> syntaxErrors() {
        return syntaxErrors;
    }

    @Override
    List<CallSite> callSites() {
        return callSites;
    }

    private static List<CallSite> callSitesOf(Optional<CompilationUnit> unit) {
        List<CallSite> sites = new ArrayList<>();
        unit.ifPresent(u -> u.walk(Node.TreeTraversal.PREORDER, node -> {
            if (node instanceof MethodCallExpr call) sites.add(new CallSite(call.getNameAsString(), line(call)));
            if (node instanceof ObjectCreationExpr creation) sites.add(new CallSite(creation.getType().getNameAsString(), line(creation)));
        }));
        return List.copyOf(sites);
    }

    @Override
    public List<LineSpan> definitionsOf(String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        List<LineSpan> spans = new ArrayList<>();
        unit.ifPresent(u -> u.walk(Node.TreeTraversal.PREORDER, node -> {
            boolean defines = node instanceof CallableDeclaration<?> || node instanceof TypeDeclaration<?>;
            if (defines && ((NodeWithSimpleName<?>) node).getNameAsString().equals(simple) && node.getRange().isPresent()) {
                spans.add(new LineSpan(node.getRange().get().begin.line, node.getRange().get().end.line));
            }
        }));
        return spans;
    }

    @Override
    boolean definesClass(String name) {
        return unit.map(u -> u.findFirst(TypeDeclaration.class, type -> type.getNameAsString().equals(name)).isPresent())
                .orElse(false);
    }

    /** Whether a single-type import ({@code import java.sql.Statement;}) or a static import binds this simple name. */
    @Override
    boolean bindsImport(String name) {
        return unit.map(u -> u.getImports().stream().filter(i -> !i.isAsterisk()).map(ImportDeclaration::getName)
                .anyMatch(imported -> imported.getIdentifier().equals(name))).orElse(false);
    }

    /**
     * A class the file defines, imports or names: one of {@code java.lang} or of a wildcard import is known only by
     * its name in the code, since the libraries are not read.
     */
    @Override
    boolean knowsClass(String name) {
        return super.knowsClass(name) || !linesOfName(name).isEmpty();
    }

    @Override
    boolean isImportedName(String dottedName) {
        int dot = dottedName.indexOf('.');
        return dot > 0 && bindsImport(dottedName.substring(0, dot));
    }

    /** The lines where the file calls the last part of a dotted name ({@code executeQuery} of {@code Statement.executeQuery}). */
    List<Integer> callsOfLastPart(String dottedName) {
        int dot = dottedName.lastIndexOf('.');
        if (dot < 0) return List.of();
        String last = dottedName.substring(dot + 1);
        return callSites().stream().filter(site -> site.name().equals(last)).map(CallSite::line).distinct().sorted().toList();
    }

    /**
     * A local variable initialised by a call or an object creation ({@code Connection c = ds.getConnection()}): what may
     * hold something to release; {@code tryResource} when a try-with-resources statement declares it.
     */
    record Acquisition(String variable, String call, int line, boolean tryResource) {
    }

    /** Every local variable of the file initialised by a call or an object creation, in source order. */
    List<Acquisition> acquisitions() {
        List<Acquisition> found = new ArrayList<>();
        unit.ifPresent(u -> u.walk(Node.TreeTraversal.PREORDER, node -> {
            if (!(node instanceof VariableDeclarator variable) || variable.getInitializer().isEmpty()) return;
            Expression initializer = variable.getInitializer().get();
            String call = initializer instanceof MethodCallExpr method ? method.getNameAsString()
                    : initializer instanceof ObjectCreationExpr creation ? creation.getType().getNameAsString() : null;
            if (call == null || !(variable.getParentNode().orElse(null) instanceof VariableDeclarationExpr declaration)) return;
            boolean resource = declaration.getParentNode().orElse(null) instanceof TryStmt tryStmt
                    && tryStmt.getResources().contains(declaration);
            found.add(new Acquisition(variable.getNameAsString(), call, line(variable), resource));
        }));
        return found;
    }

    /** The first lines of the nodes of a JavaParser node class that pass the test, in source order. */
    <T extends Node> List<Integer> linesOf(Class<T> kind, Predicate<T> test) {
        return unit.map(u -> u.findAll(kind).stream().filter(test).map(JavaCode::line).distinct().sorted().toList())
                .orElse(List.of());
    }

    private static int line(Node node) {
        return node.getRange().map(range -> range.begin.line).orElse(0);
    }

    private static SyntaxError syntaxError(Problem problem) {
        int line = problem.getLocation().flatMap(l -> l.getBegin().getRange()).map(range -> range.begin.line).orElse(1);
        return new SyntaxError(line, problem.getMessage().lines().findFirst().orElse("syntax error"));
    }

    /** The source with each comment JavaParser found replaced by spaces, so offsets and lines stay as they were. */
    private static String withoutComments(SourceFile source, Optional<CompilationUnit> unit) {
        char[] text = source.text().toCharArray();
        unit.ifPresent(u -> {
            for (Comment comment : u.getAllComments()) {
                comment.getRange().ifPresent(range -> {
                    int from = offset(source, range.begin);
                    int to = Math.min(text.length, offset(source, range.end) + 1);
                    for (int i = Math.max(0, from); i < to; i++) {
                        if (text[i] != '\n' && text[i] != '\r') text[i] = ' ';
                    }
                });
            }
        });
        return new String(text);
    }

    /** A JavaParser position (1-based line and column, a tab one column) as an offset into the text. */
    private static int offset(SourceFile source, Position position) {
        if (position.line < 1 || position.line > source.lineCount()) return -1;
        return source.lineStart(position.line) + position.column - 1;
    }
}
