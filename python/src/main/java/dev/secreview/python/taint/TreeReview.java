package dev.secreview.python.taint;

import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.engine.TreeMemo;
import dev.secreview.core.cwe.CweCatalog;
import dev.secreview.core.cwe.CweEntry;
import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Diagnostic;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.FlowStep;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.rule.RuleMetadata;
import dev.secreview.dataflow.analysis.Program;
import dev.secreview.dataflow.analysis.SinkVerdict;
import dev.secreview.dataflow.analysis.Step;
import dev.secreview.dataflow.analysis.TaintEngine;
import dev.secreview.dataflow.analysis.TaintFinding;
import dev.secreview.dataflow.analysis.TaintResult;
import dev.secreview.dataflow.model.TaintKind;
import dev.secreview.dataflow.model.TaintModels;
import dev.secreview.python.semantic.CodeRole;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The whole-tree review of Python files: runs the taint analysis over every file's IR, adds its
 * findings (with their paths), and rebases the pattern findings on what the dataflow proved: a
 * pattern finding on dead code or at a sink the dataflow proved harmless goes, one at a sink whose
 * data is unknown stays at low confidence, and one at a tainted sink gives way to the taint finding.
 */
public final class TreeReview {
    private final TaintModels models;
    private final boolean localInputIsAttackerData;

    /**
     * {@code localInputIsAttackerData}: the scan's threat models include {@code local} (the command line,
     * the environment, the console); otherwise an operator tool's unknown data is its operator's.
     */
    public TreeReview(TaintModels models, boolean localInputIsAttackerData) {
        this.models = models;
        this.localInputIsAttackerData = localInputIsAttackerData;
    }

    /**
     * The analyses revised by the dataflow over their IR. Its result is kept in {@code memo} under what it is made
     * from: {@code modelsName} (the threat models) and each module's file (paths and text, which its IR is made
     * from), so a tree whose modules are all the same (only files without IR, such as tests, changed) reuses it.
     */
    public Map<String, FileAnalysis> review(Map<String, FileAnalysis> analyses, TreeMemo memo, String modelsName) {
        List<PythonFacts> modules = new ArrayList<>();
        List<SourceFile> files = new ArrayList<>();
        Map<String, SourceFile> sources = new HashMap<>();
        for (FileAnalysis analysis : analyses.values()) {
            if (analysis.facts() instanceof PythonFacts facts) {
                modules.add(facts);
                files.add(facts.source());
                sources.put(facts.source().displayPath(), facts.source());
            }
        }
        if (modules.isEmpty()) return analyses;
        // IR read back from the cache is decoded here, when needed, on every core.
        TaintResult result = memo.remembered(List.of("python dataflow", modelsName), files, TaintResult.class,
                () -> new TaintEngine(new Program(modules.parallelStream().map(PythonFacts::module).toList()), models,
                        PythonSemantics.INSTANCE)
                        .run());
        Map<String, List<Finding>> added = new HashMap<>();
        for (TaintFinding taint : result.findings()) {
            Finding finding = toFinding(taint, sources);
            if (finding != null) added.computeIfAbsent(finding.path(), p -> new ArrayList<>()).add(finding);
        }
        Map<String, FileAnalysis> revised = new LinkedHashMap<>();
        analyses.forEach((path, analysis) -> {
            List<Finding> findings = new ArrayList<>();
            List<Finding> taintHere = added.getOrDefault(path, List.of());
            boolean operatorsData = !localInputIsAttackerData && analysis.facts() instanceof PythonFacts facts
                    && CodeRole.of(facts.source().projectPath()) == CodeRole.OPERATOR_TOOL;
            for (Finding finding : analysis.findings()) {
                Finding rebased = rebase(finding, result, taintHere, models, operatorsData);
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
     * A tainted sink with a taint finding of its own replaces the pattern finding; one whose kind has
     * no taint rule (the models use it only to judge data, as for XML parsers whose configuration the
     * pattern rule checks) confirms it: it is then one step more severe and of high confidence. A finding
     * that stands for several places (one parser, many calls) is judged by the worst of them. In an operator
     * tool, unknown data is the operator's (unless the threat model says local input is an attacker's): a
     * pattern finding on it goes.
     */
    private static Finding rebase(Finding finding, TaintResult result, List<Finding> taintFindings,
                                  TaintModels models, boolean operatorsData) {
        if (result.dead(finding.path(), finding.line())) return null;
        int judging = judgingCwe(finding.rule(), models);
        SinkVerdict own = verdictAt(result, finding.path(), finding.line(), judging);
        SinkVerdict verdict = own;
        List<Integer> taintedPlaces = new ArrayList<>();
        for (FlowStep place : finding.related()) {
            SinkVerdict there = verdictAt(result, place.path(), place.line(), judging);
            if (there == SinkVerdict.TAINTED) taintedPlaces.add(place.line());
            if (there != null) verdict = verdict == null ? there : verdict.combine(there);
        }
        boolean couldBe = finding.confidence() == Confidence.LOW && judgedOnly(finding.rule(), models);
        if (verdict == null) return couldBe ? null : finding;
        return switch (verdict) {
            case SAFE -> null;
            // A taint finding at its own line or at a tainted place it stands for reports the path and replaces it.
            case TAINTED -> taintFindings.stream().anyMatch(t -> (t.line() == finding.line()
                    || own != SinkVerdict.TAINTED && taintedPlaces.contains(t.line()))
                    && (t.cwe() == finding.cwe() || isParent(t.cwe(), finding.cwe()))) ? null
                    : confirmed(finding, own == SinkVerdict.TAINTED ? List.of() : taintedPlaces);
            // In an operator tool, data the dataflow cannot trace to an attacker is whoever runs it's own.
            case UNKNOWN -> couldBe || operatorsData ? null : finding.withConfidence(Confidence.LOW);
        };
    }

    /**
     * Whether the dataflow judges the data of the rule's findings (the kind it declares, or a models kind
     * with its CWE) but no taint rule reports them: its pattern rule only asks the dataflow whether the data
     * can come from outside (a parser left at settings that resolved entities in old lxml). Such a finding
     * of low confidence claims something only if the answer is yes: at unknown data, or where no data
     * reaches a sink the dataflow judged, it has nothing to say.
     */
    private static boolean judgedOnly(RuleMetadata rule, TaintModels models) {
        Optional<TaintKind> declared = models.kind(rule.judgedBy());
        if (declared.isPresent()) return TaintRules.forKind(declared.get()).isEmpty();
        int cwe = rule.cwe();
        boolean judged = models.kinds().stream().anyMatch(kind -> kind.cwe() == cwe || isParent(kind.cwe(), cwe));
        return judged && TaintRules.all().stream().noneMatch(taint -> taint.cwe() == cwe || isParent(taint.cwe(), cwe));
    }

    /** The CWE whose sink verdicts judge the rule's findings: its declared kind's, else its own. */
    private static int judgingCwe(RuleMetadata rule, TaintModels models) {
        return models.kind(rule.judgedBy()).map(TaintKind::cwe).orElse(rule.cwe());
    }

    /** Confirmed at the finding's own place ({@code elsewhere} empty) or at those lines among its related places. */
    private static Finding confirmed(Finding finding, List<Integer> elsewhere) {
        if (finding.confidence() == Confidence.HIGH) return finding;
        String where = elsewhere.isEmpty() ? "it" : (elsewhere.size() == 1 ? "the call on line " : "the calls on lines ")
                + elsewhere.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return finding.rejudged(finding.severity().raised(), Confidence.HIGH, finding.message()
                + " The dataflow analysis shows attacker-controlled data reaching " + where + ".");
    }

    private static boolean isParent(int parent, int cwe) {
        return CweCatalog.embedded().find(cwe).map(e -> e.researchParents().contains(parent)).orElse(false);
    }

    /** The sink verdict for the finding's CWE, or for its parent (a CWE-95 pattern finding at a CWE-94 sink). */
    private static SinkVerdict verdictAt(TaintResult result, String path, int line, int cwe) {
        SinkVerdict verdict = result.verdicts().get(new TaintResult.Site(path, line, cwe));
        if (verdict != null) return verdict;
        for (int parent : CweCatalog.embedded().find(cwe).map(CweEntry::researchParents).orElse(List.of())) {
            verdict = result.verdicts().get(new TaintResult.Site(path, line, parent));
            if (verdict != null) return verdict;
        }
        return null;
    }

    private static Finding toFinding(TaintFinding taint, Map<String, SourceFile> sources) {
        RuleMetadata rule = TaintRules.forKind(taint.kind()).orElse(null);
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
