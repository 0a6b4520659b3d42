package dev.secreview.audit;

import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.cwe.CweEntry;
import dev.secreview.dataflow.analysis.SinkVerdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the audit looked at before calling a claim unsupported, in sentences a reader can check against the
 * static review: the findings near the claim's place, what the dataflow says about the sinks of the claim's
 * kind, and what the option rules found in the options the claim is about.
 */
final class WhatWasChecked {

    private final CweCatalog catalog;

    WhatWasChecked(CweCatalog catalog) {
        this.catalog = catalog;
    }

    List<String> of(Claim claim, ClaimPlace place, AuditInput input) {
        List<String> checked = new ArrayList<>();
        checked.add(findings(claim, place));
        DefectKind.of(claim, catalog, input.code().language().models()).ifPresent(kind -> checked.add(sinks(kind, place, input.staticReview())));
        List<StaticReview.Sink> sinks = input.staticReview().sinks();
        if (sinks.isEmpty()) {
            checked.add("the dataflow finds no sink in this file");
        } else if (sinks.stream().noneMatch(s -> s.verdict() == SinkVerdict.TAINTED)) {
            checked.add("no attacker-controlled source reaches " + (sinks.size() == 1 ? "the one sink" : "any of the "
                    + sinks.size() + " sinks") + " in this file");
        }
        List<OsloOption> options = input.code() instanceof PythonCode python
                ? OsloOption.targetedBy(claim, Wording.assertion(claim), python) : List.of();
        if (!options.isEmpty()) checked.add(options(options));
        return checked;
    }

    private String findings(Claim claim, ClaimPlace place) {
        if (claim.cwe() == null) return "the claim gives no CWE to compare with the static review's findings";
        if (place.isEmpty()) return "the claim has no place in the file to compare with the static review's findings";
        Optional<Integer> pillar = catalog.pillarOf(claim.cwe()).map(CweEntry::id).filter(p -> !p.equals(claim.cwe()));
        return "the static review reports no CWE-" + claim.cwe() + " finding"
                + pillar.map(p -> ", nor any under its pillar CWE-" + p).orElse("")
                + ", within " + StaticMatches.TOLERANCE + " lines of " + place;
    }

    private static String sinks(DefectKind kind, ClaimPlace place, StaticReview review) {
        List<StaticReview.Sink> ofKind = review.sinks().stream().filter(kind::at).toList();
        if (ofKind.isEmpty()) return "the dataflow finds no sink of CWE-" + kind.cwe() + " in this file";
        List<StaticReview.Sink> near = place.isEmpty() ? ofKind
                : ofKind.stream().filter(s -> place.near(s.line(), StaticMatches.TOLERANCE)).toList();
        if (near.isEmpty()) {
            return "no sink of CWE-" + kind.cwe() + " is within " + StaticMatches.TOLERANCE + " lines of " + place
                    + " (the file's are on " + Evidence.lines(ofKind.stream().map(StaticReview.Sink::line).distinct().toList()) + ")";
        }
        return near.stream().map(s -> "the data reaching the sink of CWE-" + kind.cwe() + " on line " + s.line() + " is "
                + describe(s.verdict())).collect(Collectors.joining("; "));
    }

    private static String describe(SinkVerdict verdict) {
        return switch (verdict) {
            case SAFE -> "constant or sanitised";
            case UNKNOWN -> "of unknown origin: the dataflow cannot trace it to an attacker";
            case TAINTED -> "attacker-controlled";
        };
    }

    private static String options(List<OsloOption> options) {
        return "the option rules (py-oslo-insecure-default, py-oslo-secret-opt) find nothing wrong with the declaration of "
                + options.stream().map(o -> "`" + o.name() + "`" + o.keyword("default").map(d -> " (default " + d.text() + ")")
                .orElse(" (no default)")).collect(Collectors.joining(", "));
    }
}
