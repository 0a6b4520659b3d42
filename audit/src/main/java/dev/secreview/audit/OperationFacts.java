package dev.secreview.audit;

import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A claim that a function compares values ("`f` compares the tokens incorrectly", "the comparison in `f`"),
 * against the function's body: refuted when no function it names makes a comparison (no comparison operator,
 * no call of a compare function), with what the function does instead. Never confirmed: that a function
 * compares says nothing about whether it compares wrongly.
 */
final class OperationFacts implements PythonFactChecker {

    private static final Pattern COMPARES = Pattern.compile("(?i)\\bcompar(?:e|es|ed|ing|ison|isons)\\b");
    private static final Pattern COMPARE_CALL = Pattern.compile("(?i)compar|cmp|equal");
    private static final int SHOWN_STEPS = 4;

    @Override
    public Optional<Fact> judge(Claim claim, String assertion, AuditInput input, PythonCode code) {
        // "does not compare in constant time", "without comparing" say there is no comparison: nothing to refute
        if (Wording.asserted(COMPARES, assertion).isEmpty()) return Optional.empty();
        List<PyNode> functions = claim.identifiers().stream().flatMap(name -> code.functionsNamed(name).stream()).toList();
        if (functions.isEmpty() || functions.stream().anyMatch(OperationFacts::compares)) return Optional.empty();
        return Optional.of(Fact.refuting(String.join("; ", functions.stream().map(f -> Evidence.atLine(f,
                "makes no comparison: it " + whatItDoes(f))).toList())));
    }

    private static boolean compares(PyNode function) {
        List<PyNode> found = new ArrayList<>();
        function.forEachDescendant(n -> {
            boolean compareCall = n.is("call") && n.field("function") != null
                    && COMPARE_CALL.matcher(lastName(n.field("function"))).find();
            if (n.is("comparison_operator") || compareCall) found.add(n);
        });
        return !found.isEmpty();
    }

    /** "assigns `conf`, defines `auth_filter` and returns `auth_filter`": the function's statements, briefly. */
    private static String whatItDoes(PyNode function) {
        PyNode body = function.field("body");
        List<String> steps = body == null ? List.of() : body.namedChildren().stream().map(OperationFacts::step)
                .filter(s -> !s.isEmpty()).distinct().limit(SHOWN_STEPS).toList();
        if (steps.isEmpty()) return "does nothing";
        if (steps.size() == 1) return steps.get(0);
        return String.join(", ", steps.subList(0, steps.size() - 1)) + " and " + steps.get(steps.size() - 1);
    }

    private static String step(PyNode statement) {
        return switch (statement.type()) {
            case "return_statement" -> statement.namedChildren().isEmpty() ? "returns"
                    : "returns " + value(statement.namedChildren().get(0));
            case "expression_statement" -> {
                PyNode expression = statement.namedChildren().isEmpty() ? null : statement.namedChildren().get(0);
                if (expression != null && expression.is("assignment")) {
                    yield "assigns `" + expression.field("left").text() + "`";
                }
                yield expression != null && expression.is("call") ? "calls `" + expression.field("function").text() + "`" : "";
            }
            case "function_definition", "class_definition" -> "defines `" + statement.field("name").text() + "`";
            case "decorated_definition" -> step(statement.field("definition"));
            case "if_statement" -> "branches";
            case "for_statement", "while_statement" -> "loops";
            case "with_statement" -> "opens a with block";
            case "try_statement" -> "handles exceptions";
            case "raise_statement" -> "raises";
            default -> "";
        };
    }

    private static String value(PyNode expression) {
        return switch (expression.type()) {
            case "dictionary", "dictionary_comprehension" -> "a dict";
            case "list", "list_comprehension" -> "a list";
            case "tuple" -> "a tuple";
            case "string" -> "a string";
            case "identifier", "attribute" -> "`" + expression.text() + "`";
            case "call" -> "the result of `" + expression.field("function").text() + "(...)`";
            default -> "a value";
        };
    }

    private static String lastName(PyNode function) {
        String text = function.text();
        return text.substring(text.lastIndexOf('.') + 1);
    }
}
