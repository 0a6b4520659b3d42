package dev.secreview.audit;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The constructs the claim says the code has are in the file: in Python, a try/except block, a with statement,
 * a finally clause, an assert, a lambda, a decorator; in Java, a try/catch block, a try-with-resources statement, a
 * finally clause, an assert, a lambda, a synchronized block or method; a class or function of a given name. Read from the
 * parse tree, not from the text. Mentions the claim denies or recommends ("there is no try/except",
 * "should use a with statement", "the decorator is missing") are not assertions and are not checked.
 */
final class ConstructCheck implements ClaimCheck {

    /** A construct a claim can name, how a claim speaks of it, and the lines of a file where it is. */
    private record Construct<C extends CodeUnderAudit>(String name, Pattern mention, Function<C, List<Integer>> lines) {
    }

    private static final Pattern TRY_FINALLY = Pattern.compile("(?i)\\bfinally\\s+(?:block|clause)|`finally`");
    private static final Pattern ASSERT = Pattern.compile("(?i)\\bassert(?:ion)?\\s+statements?\\b|`assert`");
    private static final Pattern LAMBDA = Pattern.compile("(?i)\\blambdas?\\b");

    private static final List<Construct<PythonCode>> PYTHON_CONSTRUCTS = List.of(
            python("a try/except block", "try_statement",
                    Pattern.compile("(?i)\\btry\\s*(?:/|\\.{2,3}|\u2026|-|\u2013|\\s+and\\s+)?\\s*except\\b"
                            + "|\\btry\\s+(?:block|statement|clause)|\\bexcept\\s+(?:block|clause|handler)")),
            python("a with statement", "with_statement",
                    Pattern.compile("(?i)\\bwith\\s+(?:statement|block)|\\bcontext\\s+manager|`with`")),
            python("a finally clause", "finally_clause", TRY_FINALLY),
            python("an assert statement", "assert_statement", ASSERT),
            python("a lambda", "lambda", LAMBDA),
            python("a decorator", "decorator", Pattern.compile("(?i)\\bdecorators?\\b")));

    private static final List<Construct<JavaCode>> JAVA_CONSTRUCTS = List.of(
            new Construct<>("a try/catch block", Pattern.compile("(?i)\\btry\\s*(?:/|\\.{2,3}|\u2026|-|\u2013|\\s+and\\s+)?\\s*catch\\b"
                    + "|\\bcatch\\s+(?:block|clause|handler)"),
                    code -> code.linesOf(TryStmt.class, t -> !t.getCatchClauses().isEmpty())),
            new Construct<>("a try-with-resources statement", Pattern.compile("(?i)\\btry[- ]with[- ]resources\\b"),
                    code -> code.linesOf(TryStmt.class, t -> !t.getResources().isEmpty())),
            new Construct<>("a finally clause", TRY_FINALLY, code -> code.linesOf(TryStmt.class, t -> t.getFinallyBlock().isPresent())),
            new Construct<>("an assert statement", ASSERT, code -> code.linesOf(AssertStmt.class, a -> true)),
            new Construct<>("a lambda", LAMBDA, code -> code.linesOf(LambdaExpr.class, l -> true)),
            new Construct<>("a synchronized block or method", Pattern.compile("(?i)\\bsynchronized\\s+(?:block|method|statement)"),
                    code -> merged(code.linesOf(SynchronizedStmt.class, b -> true),
                            code.linesOf(MethodDeclaration.class, m -> m.isSynchronized()))));

    private static Construct<PythonCode> python(String name, String nodeType, Pattern mention) {
        return new Construct<>(name, mention, code -> code.nodes(nodeType).stream().map(PyNode::startLine).distinct().toList());
    }

    private static List<Integer> merged(List<Integer> some, List<Integer> others) {
        return Stream.concat(some.stream(), others.stream()).distinct().sorted().toList();
    }

    private static final Pattern CLASS = Pattern.compile("\\b[Cc]lass\\s+`?([A-Z]\\w*)`?");
    private static final Pattern FUNCTION = Pattern.compile("\\b(?:[Ff]unction|[Mm]ethod)\\s+(?:`([A-Za-z_]\\w*)(?:\\(\\))?`"
            + "|([A-Za-z_]\\w*_\\w*)|([A-Za-z_]\\w*)\\(\\))");

    @Override
    public Outcome check(Claim claim, AuditInput input) {
        CodeUnderAudit code = input.code();
        String assertion = Wording.assertion(claim);
        List<String> evidence = new ArrayList<>();
        String missing = code instanceof PythonCode python ? constructs(PYTHON_CONSTRUCTS, python, assertion, evidence)
                : code instanceof JavaCode java ? constructs(JAVA_CONSTRUCTS, java, assertion, evidence) : null;
        if (missing != null) return Outcome.failed(Verdict.UNKNOWN_SYMBOL, List.of(missing));
        Optional<String> className = Wording.asserted(CLASS, assertion).map(m -> m.group(1));
        if (className.isPresent() && !code.knowsClass(className.get())) {
            return Outcome.failed(Verdict.UNKNOWN_SYMBOL, List.of("the claim speaks of class `" + className.get()
                    + "`, but the file defines no such class"));
        }
        Optional<String> function = functionNamed(assertion);
        if (function.isPresent() && !definesOrUses(code, function.get())) {
            return Outcome.failed(Verdict.UNKNOWN_SYMBOL, List.of("the claim speaks of function `" + function.get()
                    + "`, but the file neither defines nor calls it"));
        }
        return Outcome.passed(evidence);
    }

    /** Adds where each construct the claim asserts is; the evidence of the first one the file does not have, or null. */
    private static <C extends CodeUnderAudit> String constructs(List<Construct<C>> constructs, C code, String assertion,
                                                                List<String> evidence) {
        for (Construct<C> construct : constructs) {
            if (Wording.asserted(construct.mention(), assertion).isEmpty()) continue;
            List<Integer> lines = construct.lines().apply(code);
            if (lines.isEmpty()) return "the claim speaks of " + construct.name() + ", but the file has none";
            evidence.add(construct.name() + " is on " + Evidence.lines(lines));
        }
        return null;
    }

    /** The function named in "function `f`", "method f_g" or "function f()"; one of the three groups holds it. */
    private static Optional<String> functionNamed(String assertion) {
        return Wording.asserted(FUNCTION, assertion)
                .map(m -> m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
    }

    private static boolean definesOrUses(CodeUnderAudit code, String name) {
        return !code.definitionsOf(name).isEmpty() || code.callSites().stream().map(CodeUnderAudit.CallSite::name).anyMatch(name::equals)
                || code.bindsImport(name);
    }
}
