package dev.secreview.python.taint;

import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.engine.TreeMemo;
import dev.secreview.core.model.SourceFile;
import dev.secreview.dataflow.analysis.Program;
import dev.secreview.dataflow.analysis.TaintEngine;
import dev.secreview.dataflow.analysis.TaintResult;
import dev.secreview.dataflow.model.TaintModels;
import dev.secreview.dataflow.review.DataflowReview;
import dev.secreview.python.semantic.CodeRole;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole-tree review of Python files: runs the taint analysis over every file's IR with Python's semantics,
 * keeps its result in the tree memo, and hands it to the dataflow module's {@link DataflowReview}, which adds
 * the taint findings and rebases the pattern findings on the verdicts. What is Python's here: which files have
 * IR, and which are operator tools.
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
        return new DataflowReview(models).apply(analyses, result, sources,
                path -> !localInputIsAttackerData && analyses.get(path).facts() instanceof PythonFacts facts
                        && CodeRole.of(facts.source().projectPath()) == CodeRole.OPERATOR_TOOL);
    }
}
