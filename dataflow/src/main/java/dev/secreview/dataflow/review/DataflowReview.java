package dev.secreview.dataflow.review;

import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.FlowStep;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.dataflow.analysis.SinkVerdict;
import dev.secreview.dataflow.analysis.Step;
import dev.secreview.dataflow.analysis.TaintFinding;
import dev.secreview.dataflow.analysis.TaintResult;
import dev.secreview.dataflow.model.TaintKind;
import dev.secreview.dataflow.model.TaintModels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A tree's file analyses revised by what the dataflow found, whatever the language: its taint findings added
 * (with their paths), and the pattern findings rebased on its verdicts. A pattern finding on dead code or at a
 * sink the dataflow proved harmless goes, one at a sink whose data is unknown stays at low confidence, and one
 * at a tainted sink gives way to the taint finding. A pattern rule is judged by the dataflow kind it names
 * ({@code @RuleInfo(judgedBy = "sql")}); a rule that names none is judged only by dead code.
 */
public final class DataflowReview {
    private final TaintModels models;

    /** {@code models}: the kinds, with the dataflow rule each declares (a kind without one only judges). */
    public DataflowReview(TaintModels models) {
        this.models = models;
    }

    /**
     * The analyses revised by {@code result}: {@code sources} are the files the result's paths name (for the
     * lines of a finding's path); {@code operatorsData} tells, by path, a file whose unknown data is its operator's
     * (an operator tool, when the threat models do not count local input as an attacker's). A file the analysis
     * failed in keeps its findings and gets a diagnostic.
     */
    public Map<String, FileAnalysis> apply(Map<String, FileAnalysis> analyses, TaintResult result,
                                           Map<String, SourceFile> sources, Predicate<String> operatorsData) {
        Map<String, List<Finding>> added = new HashMap<>();
        for (Finding finding : oneAtASink(result, sources)) {
            added.computeIfAbsent(finding.path(), p -> new ArrayList<>()).add(finding);
        }
        Map<String, FileAnalysis> revised = new LinkedHashMap<>();
        analyses.forEach((path, analysis) -> {
            List<Finding> findings = new ArrayList<>();
            List<Finding> taintHere = added.getOrDefault(path, List.of());
            boolean operators = operatorsData.test(path);
            for (Finding finding : analysis.findings()) {
                Finding rebased = rebase(finding, result, taintHere, operators);
                if (rebased != null) findings.add(rebased);
            }
            findings.addAll(taintHere);
            FileAnalysis after = analysis.withFindings(findings);
            String failed = result.failures().get(path);
            if (failed != null) after = after.withDiagnostic(new Diagnostic(Diagnostic.Kind.ANALYSIS_ERROR, path, 0,
                    "dataflow analysis failed in " + failed + "; the rest of the file and the tree were analysed"));
            revised.put(path, after);
        });
        return revised;
    }

    /**
     * The taint findings, one for each rule at a sink: data of several source categories reaching the same call
     * (a request's and a stored row's) is one defect, reported with the source the rule is surest of (request data
     * before stored data), the first found among equals.
     */
    private List<Finding> oneAtASink(TaintResult result, Map<String, SourceFile> sources) {
        Map<String, Finding> bySink = new LinkedHashMap<>();
        for (TaintFinding taint : result.findings()) {
            Finding finding = toFinding(taint, sources);
            if (finding == null) continue;
            bySink.merge(finding.rule().id() + '|' + finding.path() + '|' + finding.range(), finding,
                    (first, other) -> other.confidence().compareTo(first.confidence()) > 0 ? other : first);
        }
        return new ArrayList<>(bySink.values());
    }

    /**
     * A tainted sink with a taint finding of its own replaces the pattern finding; one whose kind has
     * no taint rule (the models use it only to judge data, as for XML parsers whose configuration the
     * pattern rule checks) confirms it: it is then one step more severe and of high confidence. A finding
     * that stands for several places (one parser, many calls) is judged by the worst of them. In an operator
     * tool, unknown data is the operator's (unless the threat model says local input is an attacker's): a
     * pattern finding on it goes.
     */
    Finding rebase(Finding finding, TaintResult result, List<Finding> taintFindings, boolean operatorsData) {
        if (result.dead(finding.path(), finding.line())) return null;
        Optional<TaintKind> judge = models.kind(finding.rule().judgedBy());
        if (judge.isEmpty()) return finding;
        TaintKind kind = judge.get();
        SinkVerdict own = verdictAt(result, finding.path(), finding.line(), kind);
        SinkVerdict verdict = own;
        List<Integer> taintedPlaces = new ArrayList<>();
        for (FlowStep place : finding.related()) {
            SinkVerdict there = verdictAt(result, place.path(), place.line(), kind);
            if (there == SinkVerdict.TAINTED) taintedPlaces.add(place.line());
            if (there != null) verdict = verdict == null ? there : verdict.combine(there);
        }
        Optional<RuleMetadata> taintRule = kind.reportedBy();
        // Judged only: a low-confidence could-be whose kind no taint rule reports (lxml's default parser) claims
        // something only where attacker data is shown to reach it.
        boolean couldBe = finding.confidence() == Confidence.LOW && taintRule.isEmpty();
        if (verdict == null) return couldBe ? null : finding;
        return switch (verdict) {
            case SAFE -> null;
            // A taint finding at its own line or at a tainted place it stands for reports the path and replaces it.
            case TAINTED -> taintRule.isPresent() && taintFindings.stream().anyMatch(t -> (t.line() == finding.line()
                    || own != SinkVerdict.TAINTED && taintedPlaces.contains(t.line()))
                    && t.rule().id().equals(taintRule.get().id())) ? null
                    : confirmed(finding, own == SinkVerdict.TAINTED ? List.of() : taintedPlaces);
            // In an operator tool, data the dataflow cannot trace to an attacker is whoever runs it's own.
            case UNKNOWN -> couldBe || operatorsData ? null : finding.withConfidence(Confidence.LOW);
        };
    }

    /** Confirmed at the finding's own place ({@code elsewhere} empty) or at those lines among its related places. */
    private static Finding confirmed(Finding finding, List<Integer> elsewhere) {
        if (finding.confidence() == Confidence.HIGH) return finding;
        String where = elsewhere.isEmpty() ? "it" : (elsewhere.size() == 1 ? "the call on line " : "the calls on lines ")
                + elsewhere.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return finding.rejudged(finding.severity().raised(), Confidence.HIGH, finding.message()
                + " The dataflow analysis shows attacker-controlled data reaching " + where + ".");
    }

    /** The verdict of the kind's sinks at the line. */
    private static SinkVerdict verdictAt(TaintResult result, String path, int line, TaintKind kind) {
        return result.verdicts().get(new TaintResult.Site(path, line, kind.cwe()));
    }

    /** The taint finding as its kind's rule reports it; null for a kind no rule reports. */
    Finding toFinding(TaintFinding taint, Map<String, SourceFile> sources) {
        RuleMetadata rule = taint.kind().reportedBy().orElse(null);
        if (rule == null) return null;
        List<FlowStep> flow = new ArrayList<>();
        for (Step step : taint.path()) {
            flow.add(new FlowStep(step.path(), step.range(), line(sources.get(step.path()), step.range().startLine()),
                    step.note()));
        }
        Step sink = taint.sink();
        Step source = taint.path().get(0);
        String where = source.path().equals(sink.path()) ? "line " + source.range().startLine()
                : source.path() + ":" + source.range().startLine();
        String message = rule.summary() + " " + capitalised(source.note()) + " (" + where + ") "
                + sink.note() + " after " + (taint.path().size() - 1) + " step" + (taint.path().size() == 2 ? "" : "s") + ".";
        Confidence confidence = taint.sourceCategory().equals("remote") ? Confidence.HIGH : Confidence.MEDIUM;
        return new Finding(rule, sink.path(), sink.range(), line(sources.get(sink.path()), sink.range().startLine()),
                message, rule.fix(), rule.severity(), confidence, null, flow);
    }

    private static String capitalised(String note) {
        return note.isEmpty() ? note : Character.toUpperCase(note.charAt(0)) + note.substring(1);
    }

    private static String line(SourceFile source, int line) {
        return source == null || line < 1 || line > source.lineCount() ? "" : source.line(line).strip();
    }
}
