package dev.secreview.audit;

import java.util.List;
import java.util.Optional;

/** No fact the code states contradicts the claim; the facts are the small table of {@link FactChecker}s. */
final class FactCheck implements ClaimCheck {

    private static final List<FactChecker> FACTS = List.of(
            new OsloLowerBoundFacts(),
            new OsloUpperBoundFacts(),
            new OsloSecureDefaultFacts(),
            new OsloSecretFacts(),
            new OsloChoicesFacts(),
            new WithStatementFacts(),
            new TimeoutFacts(),
            new ShellFacts(),
            new YamlLoaderFacts());

    @Override
    public Verdict failure() {
        return Verdict.CONTRADICTED;
    }

    @Override
    public Outcome check(Claim claim, CodeUnderAudit code) {
        String assertion = Wording.assertion(claim);
        for (FactChecker fact : FACTS) {
            Optional<String> contradiction = fact.contradiction(claim, assertion, code);
            if (contradiction.isPresent()) return Outcome.failed(List.of(contradiction.get()));
        }
        return Outcome.passed(List.of());
    }
}
