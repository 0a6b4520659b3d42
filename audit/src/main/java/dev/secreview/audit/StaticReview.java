package dev.secreview.audit;

import dev.secreview.core.engine.ReviewedFiles;
import dev.secreview.core.engine.SuppressionDirective;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.FlowStep;
import dev.secreview.core.model.SourceFile;
import dev.secreview.dataflow.analysis.SinkVerdict;
import dev.secreview.dataflow.analysis.TaintResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What the engine's static review says about the audited file: its findings (pattern rules and the
 * whole-tree dataflow, as {@code secreview scan} reports them, suppressed ones left out), with the findings
 * of other files of the tree whose path runs through it (request data read here and run as a command in a
 * helper module), and, for every dataflow sink in the file, whether attacker-controlled data reaches it. It
 * reaches the file's front end through its facade ({@link AuditedLanguage}), as the rest of the audit does.
 */
public final class StaticReview {

    /** A place where the dataflow checked the data reaching a sink: its line, the CWE of the harm, the verdict. */
    public record Sink(int line, int cwe, SinkVerdict verdict) {
    }

    private final String path;
    private final List<Finding> findings;
    private final List<Sink> sinks;

    StaticReview(String path, List<Finding> findings, List<Sink> sinks) {
        this.path = path;
        this.findings = findings.stream().filter(f -> !f.suppressed()).sorted().toList();
        this.sinks = List.copyOf(sinks);
    }

    /**
     * Reviews {@code code} together with the other files of its tree (the dataflow follows calls into them)
     * under the given threat models.
     */
    public static StaticReview of(SourceFile code, List<SourceFile> tree, Set<String> threatModels) {
        List<SourceFile> files = new ArrayList<>();
        files.add(code);
        files.addAll(tree);
        AuditedLanguage language = AuditedLanguage.of(code);
        ReviewedFiles review = language.review(files, threatModels);
        String path = code.displayPath();
        List<Finding> findings = new ArrayList<>();
        review.reviewed().forEach((file, reviewed) -> {
            for (Finding finding : SuppressionDirective.apply(reviewed.findings(), reviewed.suppressions())) {
                if (file.equals(path) || finding.flow().stream().anyMatch(step -> step.path().equals(path))) findings.add(finding);
            }
        });
        return new StaticReview(path, findings, sinks(path, language.dataflow(review.analyses().values(), threatModels)));
    }

    /** The same review with the findings a scan already made of the file (the LLM stage has them at hand). */
    public StaticReview withFindings(List<Finding> scanned) {
        return new StaticReview(path, scanned, sinks);
    }

    /** The active findings of the file and those whose path runs through it, in report order. */
    public List<Finding> findings() {
        return findings;
    }

    /** The lines of the audited file a finding is on: its own line when it is in the file, and the steps of its path there. */
    public List<Integer> linesInFile(Finding finding) {
        List<Integer> lines = new ArrayList<>();
        if (finding.path().equals(path)) lines.add(finding.line());
        finding.flow().stream().filter(step -> step.path().equals(path)).map(FlowStep::line).forEach(lines::add);
        return lines.stream().distinct().sorted().toList();
    }

    /** The dataflow sinks of the file, by line. */
    public List<Sink> sinks() {
        return sinks;
    }

    /**
     * The sink verdicts of one file. The front end keeps them to itself once it has rebased its findings on
     * them, so the dataflow runs once more here over the IR the front end already built.
     */
    private static List<Sink> sinks(String path, TaintResult result) {
        List<Sink> sinks = new ArrayList<>();
        result.verdicts().forEach((site, verdict) -> {
            if (site.path().equals(path)) sinks.add(new Sink(site.line(), site.cwe(), verdict));
        });
        sinks.sort(Comparator.comparingInt(Sink::line).thenComparingInt(Sink::cwe));
        return sinks;
    }
}
