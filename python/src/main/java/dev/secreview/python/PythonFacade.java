package dev.secreview.python;

import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.engine.ReviewedFiles;
import dev.secreview.core.model.SourceFile;
import dev.secreview.dataflow.analysis.Program;
import dev.secreview.dataflow.analysis.TaintEngine;
import dev.secreview.dataflow.analysis.TaintResult;
import dev.secreview.dataflow.ir.SourceModule;
import dev.secreview.dataflow.model.TaintModels;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.taint.PythonFacts;
import dev.secreview.python.taint.PythonModels;
import dev.secreview.python.taint.PythonSemantics;
import dev.secreview.python.tree.PyTree;
import dev.secreview.python.tree.PythonParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one door other modules (the audit of a written review) go through to the Python front end: parsing a file
 * into the syntax tree and semantic model they read ({@code tree}, {@code semantic}), each file's own analysis and
 * the whole-tree review as a scan makes them, the dataflow's verdicts over the files' IR, and the models. The
 * scanner itself finds the front end as a {@code LanguageFrontEnd} service, never through this class.
 */
public final class PythonFacade {

    private PythonFacade() {
    }

    /** The file's syntax tree (syntax errors are in it, the rest of the tree is intact). */
    public static PyTree parse(SourceFile source) {
        return new PythonParser().parse(source);
    }

    /** The file's scopes, bindings and qualified names. */
    public static PythonFile file(SourceFile source) {
        return new PythonFile(parse(source));
    }

    /**
     * What a scan makes of these files, with every installed rule: each file's own analysis (the first of a
     * path wins), and the whole-tree review of them under the threat models.
     */
    public static ReviewedFiles review(List<SourceFile> files, Set<String> threatModels) {
        return ReviewedFiles.of(new PythonFrontEnd(), files, threatModels);
    }

    /** The dataflow over the IR of the analyses (those of Python files), with the models of the threat models. */
    public static TaintResult dataflow(Iterable<FileAnalysis> analyses, Set<String> threatModels) {
        List<SourceModule> modules = new ArrayList<>();
        for (FileAnalysis analysis : analyses) {
            if (analysis.facts() instanceof PythonFacts facts) modules.add(facts.module());
        }
        if (modules.isEmpty()) return new TaintResult(List.of(), Map.of(), Map.of(), Map.of());
        return new TaintEngine(new Program(modules), PythonModels.forThreatModels(threatModels),
                PythonSemantics.INSTANCE).run();
    }

    /** Python's models: the kinds of harm with their dataflow rules, sources, sinks and the rest. */
    public static TaintModels models() {
        return PythonModels.get();
    }
}
