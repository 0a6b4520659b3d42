package dev.secreview.core.engine;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Finding;
import dev.secreview.core.model.Severity;
import dev.secreview.core.model.SourceFile;
import dev.secreview.core.model.TextRange;
import dev.secreview.core.rule.RuleMetadata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A front end for engine tests: it reviews {@code .py} files, reports {@code rule} on every line saying DEFECT,
 * checks the file deadline in files that say SLOW (as a real front end's long loops do), finds files that say HUGE over
 * its budget, and counts what it does.
 */
final class CountingFrontEnd implements LanguageFrontEnd {
    final AtomicInteger analysed = new AtomicInteger();
    final AtomicInteger treeReviews = new AtomicInteger();
    final Set<String> reviewedInTree = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final RuleMetadata rule;

    /** Serializable facts, as a disk cache needs them. */
    record Lines(int count) implements FileFacts {
    }

    CountingFrontEnd(RuleMetadata rule) {
        this.rule = rule;
    }

    @Override
    public String language() {
        return "python";
    }

    @Override
    public boolean handles(Path file) {
        return file.toString().endsWith(".py");
    }

    @Override
    public List<RuleMetadata> rules() {
        return List.of(rule);
    }

    @Override
    public FileAnalysis analyze(SourceFile file) {
        analysed.incrementAndGet();
        if (file.text().contains("SLOW")) FileDeadline.check();
        if (file.text().contains("HUGE")) throw new FileTooLarge("over the front end's budget");
        List<Finding> findings = new ArrayList<>();
        for (int line = 1; line <= file.lineCount(); line++) {
            if (file.line(line).equals("DEFECT")) {
                findings.add(new Finding(rule, file.displayPath(), new TextRange(line, 1, line, 7), "DEFECT",
                        "a defect", "remove it", Severity.HIGH, Confidence.HIGH, null, List.of()));
            }
        }
        return new FileAnalysis(findings, List.of(), List.of(), new Lines(file.lineCount()));
    }

    @Override
    public Map<String, FileAnalysis> reviewTree(Map<String, FileAnalysis> files, Set<String> threatModels) {
        treeReviews.incrementAndGet();
        reviewedInTree.addAll(files.keySet());
        return files;
    }
}
