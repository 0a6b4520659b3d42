package dev.secreview.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The facts the code states about a claim, from the small table of {@link FactChecker}s: the refutations if any
 * checker refutes it (a fact the code states outweighs every confirmation), else the confirmations.
 */
final class Facts {

    private static final List<FactChecker> CHECKERS = List.of(new DefectClassFacts());
    private static final List<JavaFactChecker> JAVA_CHECKERS = List.of(new TryWithResourcesFacts());
    private static final List<PythonFactChecker> PYTHON_CHECKERS = List.of(
            new OsloLowerBoundFacts(),
            new OsloUpperBoundFacts(),
            new OsloSecureDefaultFacts(),
            new OsloSecretFacts(),
            new OsloChoicesFacts(),
            new OptionMeaningFacts(),
            new WithStatementFacts(),
            new TimeoutFacts(),
            new ShellFacts(),
            new YamlLoaderFacts(),
            new UsageFacts(),
            new SymbolKindFacts(),
            new OperationFacts());

    private Facts() {
    }

    /** The refutations of the claim, or when there are none its confirmations; empty when the code settles nothing. */
    static List<Fact> judge(Claim claim, AuditInput input) {
        String assertion = Wording.assertion(claim);
        List<Fact> found = new ArrayList<>();
        if (input.code() instanceof PythonCode python) {
            PYTHON_CHECKERS.forEach(checker -> checker.judge(claim, assertion, input, python).ifPresent(found::add));
        }
        if (input.code() instanceof JavaCode java) {
            JAVA_CHECKERS.forEach(checker -> checker.judge(claim, assertion, input, java).ifPresent(found::add));
        }
        CHECKERS.forEach(checker -> checker.judge(claim, assertion, input).ifPresent(found::add));
        List<Fact> refutations = found.stream().filter(Fact::refutes).toList();
        return refutations.isEmpty() ? found : refutations;
    }
}
