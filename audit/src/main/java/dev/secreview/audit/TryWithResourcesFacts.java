package dev.secreview.audit;

import java.util.List;
import java.util.Optional;

/**
 * A claim that a stream, connection or other resource of Java code is never closed, against the variables a
 * try-with-resources statement declares, which Java closes on every path. The claim is refuted when every resource
 * variable it is about (declared at its place, and named by it when it names any) is one; a variable declared
 * anywhere else may still be closed later, so nothing is confirmed.
 */
final class TryWithResourcesFacts implements JavaFactChecker {

    @Override
    public Optional<Fact> judge(Claim claim, String assertion, AuditInput input, JavaCode code) {
        if (!WithStatementFacts.LEAK.matcher(assertion).find()) return Optional.empty();
        ClaimPlace place = ClaimPlace.of(claim, code);
        if (place.isEmpty()) return Optional.empty();
        List<JavaCode.Acquisition> atPlace = code.acquisitions().stream().filter(a -> place.near(a.line(), 0)).toList();
        List<JavaCode.Acquisition> named = atPlace.stream()
                .filter(a -> claim.identifiers().stream().anyMatch(name -> a.variable().equals(name) || a.call().equals(name)
                        || name.endsWith("." + a.call())))
                .toList();
        List<JavaCode.Acquisition> concerned = named.isEmpty() ? atPlace : named;
        if (concerned.isEmpty() || !concerned.stream().allMatch(JavaCode.Acquisition::tryResource)) return Optional.empty();
        return Optional.of(Fact.refuting(String.join("; ", concerned.stream().map(a -> Evidence.place(
                code.source().displayPath(), a.line(), code.source().line(a.line()).strip()) + " declares `" + a.variable()
                + "` as a resource of a try-with-resources statement, which closes it on every path").toList())));
    }
}
