package dev.secreview.python.rules.reliability;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.tree.PyNode;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "py-regex-dos",
        cwe = 1333,
        severity = Severity.MEDIUM,
        confidence = Confidence.HIGH,
        summary = "A constant regular expression given to re/regex can backtrack exponentially: a nested quantifier "
                + "such as (\\w+\\s?)+ or a repeated alternation whose branches overlap.",
        fix = "Give every character one way to be matched: repeat the inner item once and make the separator "
                + "mandatory (`\\w+(?:\\s\\w+)*` instead of `(\\w+\\s?)+`, `(?:a|b)+` with disjoint branches), or on "
                + "Python 3.11+ use a possessive quantifier or an atomic group (`(?>\\w+\\s?)+`); also bound the "
                + "length of the input before matching.")
public final class RegexDosRule implements CallRule {
    /** Not in operator tools: only the operator feeds the tool its text. */
    @Override
    public boolean reviewsOperatorTools() {
        return false;
    }

    /** The module functions that take a pattern first, and the position of their flags argument. */
    private static final Map<String, Integer> FUNCTIONS = Map.of("compile", 1, "match", 2, "search", 2,
            "fullmatch", 2, "findall", 2, "finditer", 2, "sub", 4, "subn", 4, "split", 3);
    private static final Set<String> MODULES = Set.of("re", "regex");
    private static final int MAX_PATTERN = 1000;
    private static final int IGNORECASE = 2;
    private static final int DOTALL = 16;
    private static final int VERBOSE = 64;

    @Override
    public void visitCall(Call call, RuleContext context) {
        PyNode callee = call.function();
        if (callee == null || !callee.is("attribute") && !callee.is("identifier")) return;
        String function = null;
        for (String qualified : context.file().qualifiedNames(callee)) {
            int dot = qualified.lastIndexOf('.');
            if (dot > 0 && MODULES.contains(qualified.substring(0, dot))
                    && FUNCTIONS.containsKey(qualified.substring(dot + 1))) {
                function = qualified;
                break;
            }
        }
        if (function == null) return;
        PyNode patternArg = call.argument(0, "pattern");
        if (patternArg == null) return;
        Optional<String> pattern = context.values().string(patternArg);
        if (pattern.isEmpty() || pattern.get().length() > MAX_PATTERN) return;
        int flags = flags(call.argument(FUNCTIONS.get(function.substring(function.lastIndexOf('.') + 1)), "flags"),
                context);
        if (flags < 0) return;  // flags the analysis cannot read: the meaning of the pattern is not known
        RegexBacktracking.Finding finding = RegexBacktracking.analyze(pattern.get(), (flags & IGNORECASE) != 0,
                (flags & DOTALL) != 0, (flags & VERBOSE) != 0, function.endsWith(".fullmatch"));
        if (finding == null) return;
        String shown = shown(pattern.get());
        if (finding.kind() == RegexBacktracking.Kind.NESTED_QUANTIFIER) {
            context.report(call.node(), "`" + function + "` gets the pattern " + shown + ", where `" + finding.fragment()
                    + "` repeats a group that itself holds an unbounded repeat: on a long run of matching characters "
                    + "followed by one that makes the match fail, the matcher tries every way of splitting the run "
                    + "between the iterations, which takes exponential time.");
        } else {
            context.report(call.node(), "`" + function + "` gets the pattern " + shown + ", where `" + finding.fragment()
                    + "` repeats an alternation whose branches can match the same text: on a long run of such text "
                    + "followed by a character that makes the match fail, the matcher tries every combination of "
                    + "branches, which takes exponential time.", Severity.MEDIUM, Confidence.MEDIUM);
        }
    }

    /** The flag bits of a flags argument: 0 when absent, -1 when it cannot be read. */
    private static int flags(PyNode arg, RuleContext context) {
        if (arg == null) return 0;
        Optional<Object> constant = context.values().constant(arg);
        if (constant.isPresent()) return constant.get() instanceof Long l ? l.intValue() : -1;
        if (arg.is("binary_operator")) {
            if (!"|".equals(dev.secreview.python.semantic.Values.operator(arg))) return -1;
            int left = flags(arg.field("left"), context);
            int right = flags(arg.field("right"), context);
            return left < 0 || right < 0 ? -1 : left | right;
        }
        if (arg.is("parenthesized_expression") && arg.namedChildren().size() == 1) {
            return flags(arg.namedChildren().get(0), context);
        }
        String qualified = context.file().qualifiedName(arg);
        if (qualified == null) return -1;
        int dot = qualified.lastIndexOf('.');
        if (dot < 0 || !MODULES.contains(qualified.substring(0, dot).replace(".RegexFlag", ""))) return -1;
        return switch (qualified.substring(dot + 1)) {
            case "I", "IGNORECASE" -> IGNORECASE;
            case "S", "DOTALL" -> DOTALL;
            case "X", "VERBOSE" -> VERBOSE;
            case "M", "MULTILINE", "A", "ASCII", "U", "UNICODE", "L", "LOCALE", "DEBUG", "NOFLAG" -> 0;
            default -> -1;
        };
    }

    private static String shown(String pattern) {
        String one = pattern.replace("\n", "\\n");
        return "`" + (one.length() > 80 ? one.substring(0, 77) + "..." : one) + "`";
    }
}
