package dev.secreview.java.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.Type;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.java.api.JavaRule;
import dev.secreview.java.api.RuleContext;

import java.util.Optional;
import java.util.Set;

/**
 * A stream, reader, writer, socket or JDBC object opened in a method and never closed there: not in
 * try-with-resources, not closed (in a {@code finally}), not returned, stored, captured or handed to a method or a
 * constructor that may take it over. A wrapper ({@code new BufferedReader(new InputStreamReader(in))}) owns what it
 * wraps; a statement's result set closes with the statement. Also a resource opened only to be read by a method that
 * does not close it ({@code properties.load(new FileInputStream(f))}).
 */
@RuleInfo(id = "java-unclosed-resource", cwe = 772, severity = Severity.LOW, confidence = Confidence.MEDIUM,
        summary = "A stream, reader, writer, socket, connection, statement or result set opened in a method is not closed on every path and is not handed on.",
        fix = "Open it in try-with-resources (try (InputStream in = ...) { ... }), which closes it on every path, exceptions included.")
public final class UnclosedResource implements JavaRule {
    /** Constructors that open a file or a socket. */
    private static final Set<String> OPENERS = Set.of("FileInputStream", "FileOutputStream", "FileReader", "FileWriter",
            "RandomAccessFile", "Socket", "ServerSocket", "DatagramSocket", "ZipFile", "JarFile");
    /** Constructors that take over the resource they are given (closing them closes it). */
    private static final Set<String> WRAPPERS = Set.of("BufferedReader", "BufferedWriter", "InputStreamReader",
            "OutputStreamWriter", "BufferedInputStream", "BufferedOutputStream", "DataInputStream", "DataOutputStream",
            "ObjectInputStream", "ObjectOutputStream", "PrintWriter", "PrintStream", "GZIPInputStream", "GZIPOutputStream",
            "ZipInputStream", "ZipOutputStream", "JarInputStream", "JarOutputStream", "InflaterInputStream",
            "DeflaterOutputStream", "CheckedInputStream", "CheckedOutputStream", "DigestInputStream", "DigestOutputStream",
            "CipherInputStream", "CipherOutputStream", "LineNumberReader", "PushbackInputStream", "PushbackReader", "Scanner");
    /** Static calls that open a file, a directory listing or a database connection. */
    private static final Set<String> STATIC_OPENERS = Set.of("java.nio.file.Files.newInputStream",
            "java.nio.file.Files.newOutputStream", "java.nio.file.Files.newBufferedReader",
            "java.nio.file.Files.newBufferedWriter", "java.nio.file.Files.newByteChannel", "java.nio.file.Files.lines",
            "java.nio.file.Files.list", "java.nio.file.Files.walk", "java.nio.file.Files.find",
            "java.nio.file.Files.newDirectoryStream", "java.sql.DriverManager.getConnection");
    /**
     * Methods that read from or write to a stream they are given and leave it open ({@code Properties.load},
     * {@code KeyStore.load}, commons-io's {@code IOUtils.toByteArray}). Names some libraries use for methods that
     * close their input ({@code copy}, {@code parse}, {@code readValue}) are not among them.
     */
    private static final Set<String> BORROWERS = Set.of("load", "store", "storeToXML", "toByteArray", "readLines",
            "readFully");
    /** Writers whose methods never throw (they record an error instead), so only closing can leave them open. */
    private static final Set<String> SILENT_WRITERS = Set.of("PrintWriter", "PrintStream");
    /** Calls that hand out the resource's file descriptor or channel, which then closes it. */
    private static final Set<String> HANDLES = Set.of("getFD", "getChannel");
    private static final int MAX_WRAPPING = 8;

    @Override
    public void check(CompilationUnit unit, RuleContext context) {
        for (VariableDeclarator v : unit.findAll(VariableDeclarator.class)) {
            if (v.getInitializer().isEmpty() || !(v.getParentNode().orElse(null) instanceof VariableDeclarationExpr)) continue;
            judge(v.getInitializer().get(), v.getNameAsString(), v, context);
        }
        for (AssignExpr assign : unit.findAll(AssignExpr.class)) {
            if (assign.getTarget() instanceof NameExpr target && Binding.isLocal(target)) {
                judge(assign.getValue(), target.getNameAsString(), assign, context);
            }
        }
        for (Expression opening : unit.findAll(Expression.class, e -> e instanceof ObjectCreationExpr || e instanceof MethodCallExpr)) {
            if (lentAndLost(opening) && opens(opening, context) && scope(opening).isPresent() && !leakAllowed(opening)) {
                context.report(opening, what(opening) + " is opened only to be read or written here and is never closed: "
                        + "its handle stays open until the garbage collector finds it.");
            }
        }
    }

    private void judge(Expression value, String name, Node binding, RuleContext context) {
        Expression opening = Binding.unwrap(value);
        if (!opens(opening, context) || inTryResources(binding) || leakAllowed(binding)) return;
        Optional<Node> scope = scope(binding);
        if (scope.isEmpty()) return;
        Fate fate = fate(name, scope.get(), 0);
        if (fate == Fate.NEVER_CLOSED) {
            context.report(opening, what(opening) + " `" + name + "` is never closed and not handed on: each call leaks "
                    + "a file descriptor or connection until the garbage collector finds it.");
        } else if (fate == Fate.CLOSED_ON_SUCCESS && !(opening instanceof ObjectCreationExpr creation
                && SILENT_WRITERS.contains(creation.getType().getNameAsString()))) {
            context.report(opening, what(opening) + " `" + name + "` is closed only when nothing throws before the "
                    + "close: an exception leaks it. Use try-with-resources.", Severity.LOW, Confidence.LOW);
        }
    }

    /** What a method does with a resource it holds in a local: closes it safely, hands it on, or neither. */
    private enum Fate { MANAGED, CLOSED_ON_SUCCESS, NEVER_CLOSED }

    private static Fate fate(String name, Node scope, int depth) {
        boolean closed = false;
        for (NameExpr use : scope.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
            if (Binding.captured(use, scope) || inTryResources(use)) return Fate.MANAGED;
            Node parent = valueParent(use);
            if (parent instanceof MethodCallExpr call && call.getScope().filter(s -> contains(s, use)).isPresent()) {
                if (call.getNameAsString().equals("close")) {
                    if (onExceptionPath(call)) return Fate.MANAGED;
                    closed = true;
                } else if (HANDLES.contains(call.getNameAsString())) {
                    return Fate.MANAGED;
                }
            } else if (parent instanceof MethodCallExpr call) {
                if (!BORROWERS.contains(call.getNameAsString())) return Fate.MANAGED; // may take it over
            } else if (parent instanceof ObjectCreationExpr creation) {
                ObjectCreationExpr wrapper = outermostWrapper(creation);
                Optional<String> owner = wrapper != null && depth < MAX_WRAPPING && !inTryResources(wrapper)
                        ? localName(wrapper) : Optional.empty();
                if (owner.isEmpty()) return Fate.MANAGED;
                Fate wrapped = fate(owner.get(), scope, depth + 1);
                if (wrapped == Fate.MANAGED) return Fate.MANAGED;
                if (wrapped == Fate.CLOSED_ON_SUCCESS) closed = true;
            } else if (parent instanceof ReturnStmt || parent instanceof VariableDeclarator || parent instanceof ArrayInitializerExpr
                    || parent instanceof AssignExpr assign && contains(assign.getValue(), use)) {
                return Fate.MANAGED; // returned or kept elsewhere
            }
        }
        return closed ? Fate.CLOSED_ON_SUCCESS : Fate.NEVER_CLOSED;
    }

    /**
     * The outermost of a chain of wrappers around a resource ({@code new BufferedReader(new InputStreamReader(in))}),
     * which owns it; null if the constructor is not a known wrapper, which may do anything with it.
     */
    private static ObjectCreationExpr outermostWrapper(ObjectCreationExpr creation) {
        if (!WRAPPERS.contains(creation.getType().getNameAsString())) return null;
        ObjectCreationExpr outer = creation;
        while (valueParent(outer) instanceof ObjectCreationExpr next && WRAPPERS.contains(next.getType().getNameAsString())) {
            outer = next;
        }
        return outer;
    }

    /** The node that uses an expression's value, seen through parentheses, casts and conditionals. */
    private static Node valueParent(Expression e) {
        Node parent = e.getParentNode().orElse(null);
        while (parent instanceof EnclosedExpr || parent instanceof CastExpr || parent instanceof ConditionalExpr) {
            parent = parent.getParentNode().orElse(null);
        }
        return parent;
    }

    private static boolean contains(Node outer, Node inner) {
        for (Node at = inner; at != null; at = at.getParentNode().orElse(null)) {
            if (at == outer) return true;
        }
        return false;
    }

    /**
     * Whether an expression opens a resource this method then owns. A statement closes with its connection and a
     * result set with its statement: when that receiver was opened here too, or is closed here, the receiver is the
     * one judged.
     */
    private static boolean opens(Expression e, RuleContext context) {
        if (!resource(e, context)) return false;
        if (!(e instanceof MethodCallExpr call) || !(call.getScope().orElse(null) instanceof NameExpr receiver)) return true;
        if (openedHere(receiver, context)) return false;
        Optional<Node> scope = scope(receiver);
        return scope.isEmpty() || fate(receiver.getNameAsString(), scope.get(), 0) == Fate.NEVER_CLOSED;
    }

    /** Whether an expression makes a new resource: opens one, or derives one from another. */
    private static boolean resource(Expression e, RuleContext context) {
        if (e instanceof ObjectCreationExpr creation) {
            String type = creation.getType().getNameAsString();
            if (creation.getAnonymousClassBody().isPresent()) return false;
            if (OPENERS.contains(type)) return true;
            return WRAPPERS.contains(type) && !creation.getArguments().isEmpty() && resource(Binding.unwrap(creation.getArgument(0)), context);
        }
        if (!(e instanceof MethodCallExpr call)) return false;
        String callee = context.staticCallee(call);
        if (callee != null && STATIC_OPENERS.contains(callee)) return true;
        if (call.getNameAsString().equals("openStream") && call.getArguments().isEmpty()) return true;
        if (!(call.getScope().orElse(null) instanceof NameExpr receiver)) return false;
        String type = Binding.declaredType(receiver).map(Type::asString).orElse("");
        return switch (call.getNameAsString()) {
            case "getConnection" -> type.endsWith("DataSource");
            case "createStatement", "prepareStatement", "prepareCall" -> type.equals("Connection") || type.equals("java.sql.Connection");
            case "executeQuery" -> type.endsWith("Statement");
            case "accept" -> type.equals("ServerSocket");
            default -> false;
        };
    }

    /** Whether a receiver is itself a resource its method made. */
    private static boolean openedHere(NameExpr receiver, RuleContext context) {
        return Binding.callable(receiver).map(method -> !method.findAll(VariableDeclarator.class, v ->
                v.getNameAsString().equals(receiver.getNameAsString()) && v.getInitializer().map(i -> resource(Binding.unwrap(i), context)).orElse(false)).isEmpty()
                || !method.findAll(AssignExpr.class, a -> a.getTarget() instanceof NameExpr t
                && t.getNameAsString().equals(receiver.getNameAsString()) && resource(Binding.unwrap(a.getValue()), context)).isEmpty())
                .orElse(false);
    }

    /** An opening that is not bound: lent to a method that leaves it open, or used once and dropped. */
    private static boolean lentAndLost(Expression opening) {
        Node parent = valueParent(opening);
        if (parent instanceof MethodCallExpr call && call.getScope().filter(s -> contains(s, opening)).isPresent()) {
            return !call.getNameAsString().equals("close") && !HANDLES.contains(call.getNameAsString());
        }
        return parent instanceof MethodCallExpr call && BORROWERS.contains(call.getNameAsString());
    }

    private static String what(Expression opening) {
        if (opening instanceof ObjectCreationExpr creation) return "the " + creation.getType().getNameAsString();
        return "the result of " + ((MethodCallExpr) opening).getNameAsString() + "()";
    }

    /** The code a local lives in: its lambda, or its method, constructor or initialiser. */
    private static Optional<Node> scope(Node node) {
        for (Optional<Node> at = node.getParentNode(); at.isPresent(); at = at.get().getParentNode()) {
            Node n = at.get();
            if (n instanceof LambdaExpr || n instanceof CallableDeclaration<?> || n instanceof InitializerDeclaration) return at;
        }
        return Optional.empty();
    }

    private static boolean inTryResources(Node node) {
        for (Node child = node, at = node.getParentNode().orElse(null); at != null; child = at, at = at.getParentNode().orElse(null)) {
            if (at instanceof TryStmt t) {
                Node resource = child;
                return t.getResources().stream().anyMatch(r -> r == resource);
            }
            if (at instanceof Statement) return false;
        }
        return false;
    }

    /** In a {@code finally} block or a {@code catch} clause: the code that runs when something threw. */
    private static boolean onExceptionPath(Node node) {
        for (Node child = node, at = node.getParentNode().orElse(null); at != null; child = at, at = at.getParentNode().orElse(null)) {
            Node block = child;
            if (at instanceof TryStmt t && t.getFinallyBlock().filter(f -> f == block).isPresent()) return true;
            if (at instanceof CatchClause) return true;
            if (at instanceof CallableDeclaration<?> || at instanceof LambdaExpr) return false;
        }
        return false;
    }

    /** {@code @SuppressWarnings("resource")} (the compilers' own leak warning) on the declaration or around it. */
    private static boolean leakAllowed(Node node) {
        for (Node at = node; at != null; at = at.getParentNode().orElse(null)) {
            if (at instanceof NodeWithAnnotations<?> annotated && annotated.getAnnotationByName("SuppressWarnings")
                    .filter(a -> a.toString().contains("\"resource\"")).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The local a wrapper is bound to, if any. */
    private static Optional<String> localName(ObjectCreationExpr wrapper) {
        Node parent = valueParent(wrapper);
        if (parent instanceof VariableDeclarator v && v.getParentNode().orElse(null) instanceof VariableDeclarationExpr) {
            return Optional.of(v.getNameAsString());
        }
        if (parent instanceof AssignExpr a && a.getTarget() instanceof NameExpr t && Binding.isLocal(t)) {
            return Optional.of(t.getNameAsString());
        }
        return Optional.empty();
    }
}
