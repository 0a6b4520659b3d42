package dev.secreview.audit;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.model.SourceFile;
import dev.secreview.dataflow.analysis.SinkVerdict;

import java.util.List;
import java.util.Optional;

/**
 * A claim of a defect that attacker-controlled data causes (SQL injection, cross-site scripting, command
 * injection: a kind the dataflow judges, {@link DefectKind}), refuted when no such flow is possible: the file
 * has no sink of that kind and the static review reports nothing of it ("SQL injection through these options"
 * in an options module), or every sink of that kind at the claim's place gets data the dataflow proves constant
 * or sanitised (a parameterised query). Never confirmed here: a sink attacker data reaches is a finding of the
 * static review already.
 */
final class DefectClassFacts implements FactChecker {

    private final CweCatalog catalog = CweCatalog.embedded();

    @Override
    public Optional<Fact> judge(Claim claim, String assertion, AuditInput input) {
        Optional<DefectKind> kind = DefectKind.of(claim, catalog);
        if (kind.isEmpty()) return Optional.empty();
        int cwe = kind.get().cwe();
        List<StaticReview.Sink> sinks = input.staticReview().sinks().stream().filter(kind.get()::at).toList();
        SourceFile source = input.code().source();
        if (sinks.isEmpty()) {
            boolean reported = input.staticReview().findings().stream().anyMatch(f -> DefectKind.of(f.cwe(), catalog)
                    .filter(k -> k.cwe() == cwe).isPresent());
            return reported ? Optional.empty() : Optional.of(Fact.refuting("no call in " + source.displayPath()
                    + " is a sink of CWE-" + cwe + " that the dataflow knows, and the static review reports no CWE-" + cwe
                    + " finding in it: no data can reach such a sink there"));
        }
        ClaimPlace place = ClaimPlace.of(claim, input.code());
        List<StaticReview.Sink> near = sinks.stream().filter(s -> place.near(s.line(), StaticMatches.TOLERANCE)).toList();
        if (near.isEmpty() || near.stream().anyMatch(s -> s.verdict() != SinkVerdict.SAFE)) return Optional.empty();
        return Optional.of(Fact.refuting(String.join("; ", near.stream().map(s -> Evidence.place(source.displayPath(), s.line(),
                source.line(s.line())) + " gets only constant or sanitised data at its sink of CWE-" + cwe
                + " (the dataflow proves it)").toList())));
    }
}
