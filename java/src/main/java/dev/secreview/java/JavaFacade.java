package dev.secreview.java;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.engine.ReviewedFiles;
import dev.secreview.core.model.SourceFile;
import dev.secreview.dataflow.analysis.Program;
import dev.secreview.dataflow.analysis.TaintEngine;
import dev.secreview.dataflow.analysis.TaintResult;
import dev.secreview.dataflow.ir.SourceModule;
import dev.secreview.dataflow.model.TaintModels;
import dev.secreview.java.taint.JavaFacts;
import dev.secreview.java.taint.JavaModels;
import dev.secreview.java.taint.JavaSemantics;

import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * The one door other modules (the audit of a written review) go through to the Java front end: JavaParser's tree of a
 * file, each file's own analysis and the whole-tree review as a scan makes them, the dataflow's verdicts over the
 * files' IR, and the models. The scanner itself finds the front end as a {@code LanguageFrontEnd} service.
 */
public final class JavaFacade {

    private JavaFacade() {
    }

    /** The file parsed as the front end parses it (comments attributed, Java 21); its problems if it does not parse. */
    public static ParseResult<CompilationUnit> parse(SourceFile source) {
        return JavaFrontEnd.parser().parse(source.text());
    }

    /** What a scan makes of these files, with every installed rule, under the threat models. */
    public static ReviewedFiles review(List<SourceFile> files, Set<String> threatModels) {
        return ReviewedFiles.of(new JavaFrontEnd(), files, threatModels);
    }

    /** The dataflow over the IR of the analyses (those of Java files), with the models of the threat models. */
    public static TaintResult dataflow(Iterable<FileAnalysis> analyses, Set<String> threatModels) {
        List<SourceModule> modules = StreamSupport.stream(analyses.spliterator(), false).map(FileAnalysis::facts)
                .filter(JavaFacts.class::isInstance).map(facts -> ((JavaFacts) facts).module()).toList();
        return new TaintEngine(new Program(modules), JavaModels.forThreatModels(threatModels), JavaSemantics.INSTANCE).run();
    }

    /** Java's models: the kinds of harm with their dataflow rules, sources, sinks and the rest. */
    public static TaintModels models() {
        return JavaModels.get();
    }
}
