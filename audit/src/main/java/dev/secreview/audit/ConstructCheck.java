package dev.secreview.audit;

import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The constructs the claim says the code has are in the file: in Python, a try/except block, a with statement,
 * a finally clause, an assert, a lambda, a decorator, a class or function of a given name. Read from the
 * parse tree, not from the text. Mentions the claim denies or recommends ("there is no try/except",
 * "should use a with statement", "the decorator is missing") are not assertions and are not checked.
 */
final class ConstructCheck implements ClaimCheck {

    /** A construct a claim can name, and the tree-sitter node that is it. */
    private record Construct(String name, String nodeType, Pattern mention) {
    }

    private static final List<Construct> CONSTRUCTS = List.of(
            new Construct("a try/except block", "try_statement",
                    Pattern.compile("(?i)\\btry\\s*(?:/|\\.{2,3}|\u2026|-|\u2013|\\s+and\\s+)?\\s*except\\b"
                            + "|\\btry\\s+(?:block|statement|clause)|\\bexcept\\s+(?:block|clause|handler)")),
            new Construct("a with statement", "with_statement",
                    Pattern.compile("(?i)\\bwith\\s+(?:statement|block)|\\bcontext\\s+manager|`with`")),
            new Construct("a finally clause", "finally_clause",
                    Pattern.compile("(?i)\\bfinally\\s+(?:block|clause)|`finally`")),
            new Construct("an assert statement", "assert_statement",
                    Pattern.compile("(?i)\\bassert(?:ion)?\\s+statements?\\b|`assert`")),
            new Construct("a lambda", "lambda", Pattern.compile("(?i)\\blambdas?\\b")),
            new Construct("a decorator", "decorator", Pattern.compile("(?i)\\bdecorators?\\b")));
    private static final Pattern CLASS = Pattern.compile("\\b[Cc]lass\\s+`?([A-Z]\\w*)`?");
    private static final Pattern FUNCTION = Pattern.compile("\\b(?:[Ff]unction|[Mm]ethod)\\s+(?:`([A-Za-z_]\\w*)(?:\\(\\))?`"
            + "|([A-Za-z_]\\w*_\\w*)|([A-Za-z_]\\w*)\\(\\))");

    @Override
    public Outcome check(Claim claim, AuditInput input) {
        CodeUnderAudit code = input.code();
        String assertion = Wording.assertion(claim);
        List<String> evidence = new ArrayList<>();
        if (code instanceof PythonCode python) {
            for (Construct construct : CONSTRUCTS) {
                if (Wording.asserted(construct.mention(), assertion).isEmpty()) continue;
                List<Integer> lines = python.nodes(construct.nodeType()).stream().map(PyNode::startLine).distinct().toList();
                if (lines.isEmpty()) {
                    return Outcome.failed(Verdict.UNKNOWN_SYMBOL, List.of("the claim speaks of " + construct.name() + ", but the file has none"));
                }
                evidence.add(construct.name() + " is on " + Evidence.lines(lines));
            }
        }
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
