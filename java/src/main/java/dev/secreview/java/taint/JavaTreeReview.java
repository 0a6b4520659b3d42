package dev.secreview.java.taint;

import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.engine.TreeMemo;
import dev.secreview.core.model.SourceFile;
import dev.secreview.dataflow.analysis.Program;
import dev.secreview.dataflow.analysis.TaintEngine;
import dev.secreview.dataflow.analysis.TaintResult;
import dev.secreview.dataflow.model.TaintModels;
import dev.secreview.dataflow.review.DataflowReview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole-tree review of Java files: the taint analysis over every file's IR with Java's semantics, its result kept
 * in the tree memo, handed to the dataflow module's {@link DataflowReview}. Java has no operator tools: every file's
 * unknown data stays unknown.
 */
public final class JavaTreeReview {
    private final TaintModels models;

    public JavaTreeReview(TaintModels models) {
        this.models = models;
    }

    public Map<String, FileAnalysis> review(Map<String, FileAnalysis> analyses, TreeMemo memo, String modelsName) {
        List<JavaFacts> modules = new ArrayList<>();
        List<SourceFile> files = new ArrayList<>();
        Map<String, SourceFile> sources = new HashMap<>();
        for (FileAnalysis analysis : analyses.values()) {
            if (analysis.facts() instanceof JavaFacts facts) {
                modules.add(facts);
                files.add(facts.module().source());
                sources.put(facts.module().source().displayPath(), facts.module().source());
            }
        }
        if (modules.isEmpty()) return analyses;
        TaintResult result = memo.remembered(List.of("java dataflow", modelsName), files, TaintResult.class,
                () -> new TaintEngine(new Program(modules.stream().map(JavaFacts::module).toList()), models,
                        JavaSemantics.INSTANCE).run());
        return new DataflowReview(models).apply(analyses, result, sources, path -> false);
    }
}
