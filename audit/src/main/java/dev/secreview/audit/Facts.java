package dev.secreview.audit;

import java.util.List;
import java.util.Optional;

/**
 * The facts the code states about a claim, from the small table of {@link FactChecker}s: the first refutation
 * if any checker refutes it (a fact the code states outweighs every confirmation), else the first confirmation.
 */
final class Facts {

    private static final List<FactChecker> CHECKERS = List.of(
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
            new OperationFacts(),
            new DefectClassFacts());

    private Facts() {
    }

    static Optional<Fact> judge(Claim claim, AuditInput input) {
        String assertion = Wording.assertion(claim);
        List<Fact> found = CHECKERS.stream().map(c -> c.judge(claim, assertion, input)).flatMap(Optional::stream).toList();
        return found.stream().filter(Fact::refutes).findFirst().or(() -> found.stream().findFirst());
    }
}
