package dev.secreview.audit;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.model.SourceFile;
import dev.secreview.dataflow.analysis.SinkVerdict;
import dev.secreview.dataflow.model.TaintModels;

import java.util.List;
import java.util.Optional;

/**
 * A claim of a defect that attacker-controlled data causes (SQL injection, cross-site scripting, command
 * injection: a kind the dataflow judges, {@link DefectKind}), refuted when no such flow is possible: the file
 * has no sink of that kind, the static review reports nothing of it in the file or along a path through it, and
 * no call at the claim's place could be such a sink by its name ("SQL injection through these options" in an
 * options module); or every sink of that kind at the claim's place gets data the dataflow proves constant or
 * sanitised (a parameterised query). Never confirmed here: a sink attacker data reaches is a finding of the
 * static review already.
 */
final class DefectClassFacts implements FactChecker {

    private final CweCatalog catalog = CweCatalog.embedded();

    @Override
    public Optional<Fact> judge(Claim claim, String assertion, AuditInput input) {
        TaintModels models = input.code().language().models();
        Optional<DefectKind> kind = DefectKind.of(claim, catalog, models);
        if (kind.isEmpty()) return Optional.empty();
        int cwe = kind.get().cwe();
        List<StaticReview.Sink> sinks = input.staticReview().sinks().stream().filter(kind.get()::at).toList();
        SourceFile source = input.code().source();
        ClaimPlace place = ClaimPlace.of(claim, input.code());
        if (sinks.isEmpty()) {
            boolean reported = input.staticReview().findings().stream().anyMatch(f -> DefectKind.of(f.cwe(), catalog, models)
                    .filter(k -> k.cwe() == cwe).isPresent());
            boolean sinkLike = input.code().callSites().stream()
                    .filter(c -> place.isEmpty() || place.near(c.line(), StaticMatches.TOLERANCE))
                    .anyMatch(c -> kind.get().mayBeSink(c.name()));
            if (reported || sinkLike) return Optional.empty();
            return Optional.of(Fact.refuting("no call in " + source.displayPath() + " is a sink of CWE-" + cwe
                    + " that the dataflow knows, none " + (place.isEmpty() ? "in it" : "near " + place) + " could be one by its name, "
                    + "and the static review reports no CWE-" + cwe + " finding in the file or along a path through it: no data "
                    + "can reach such a sink there"));
        }
        List<StaticReview.Sink> near = sinks.stream().filter(s -> place.near(s.line(), StaticMatches.TOLERANCE)).toList();
        if (near.isEmpty() || near.stream().anyMatch(s -> s.verdict() != SinkVerdict.SAFE)) return Optional.empty();
        return Optional.of(Fact.refuting(String.join("; ", near.stream().map(s -> Evidence.place(source.displayPath(), s.line(),
                source.line(s.line())) + " gets only constant or sanitised data at its sink of CWE-" + cwe
                + " (the dataflow proves it)").toList())));
    }
}
