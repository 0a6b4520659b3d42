package dev.secreview.audit;

import dev.secreview.core.engine.FileAnalysis;
import dev.secreview.core.engine.ReviewedFiles;
import dev.secreview.core.model.SourceFile;
import dev.secreview.dataflow.analysis.TaintResult;
import dev.secreview.dataflow.model.TaintModels;
import dev.secreview.java.JavaFacade;
import dev.secreview.python.PythonFacade;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The languages whose code the audit reads, each through its front end's facade: parsing, the static review as a
 * scan makes it, the dataflow's sink verdicts and the models of the kinds of harm. A file is Java by its name, Python
 * otherwise (the audit's first language, whatever a script is called).
 */
public enum AuditedLanguage {
    PYTHON("#", PythonCode::of, PythonFacade::review, PythonFacade::dataflow, PythonFacade::models),
    JAVA("//", JavaCode::of, JavaFacade::review, JavaFacade::dataflow, JavaFacade::models);

    private final String lineComment;
    private final Function<SourceFile, CodeUnderAudit> parser;
    private final BiFunction<List<SourceFile>, Set<String>, ReviewedFiles> reviewer;
    private final BiFunction<Iterable<FileAnalysis>, Set<String>, TaintResult> dataflow;
    private final Supplier<TaintModels> models;

    AuditedLanguage(String lineComment, Function<SourceFile, CodeUnderAudit> parser,
                    BiFunction<List<SourceFile>, Set<String>, ReviewedFiles> reviewer,
                    BiFunction<Iterable<FileAnalysis>, Set<String>, TaintResult> dataflow, Supplier<TaintModels> models) {
        this.lineComment = lineComment;
        this.parser = parser;
        this.reviewer = reviewer;
        this.dataflow = dataflow;
        this.models = models;
    }

    public static AuditedLanguage of(SourceFile source) {
        return source.displayPath().endsWith(".java") ? JAVA : PYTHON;
    }

    /** Whether a file of the audit's tree is of this language (the other files of a Python project are its modules). */
    public boolean includes(String fileName) {
        return this == JAVA ? fileName.endsWith(".java") : fileName.endsWith(".py") || fileName.endsWith(".pyw");
    }

    /** Whether a line of quoted code is a comment, which the look-ups leave out. */
    boolean isCommentLine(String strippedLine) {
        return strippedLine.startsWith(lineComment) || this == JAVA && (strippedLine.startsWith("/*") || strippedLine.startsWith("*"));
    }

    /** The file parsed by this language's front end. */
    CodeUnderAudit parse(SourceFile source) {
        return parser.apply(source);
    }

    /** What a scan makes of the files: each one's own analysis and the whole-tree review. */
    ReviewedFiles review(List<SourceFile> files, Set<String> threatModels) {
        return reviewer.apply(files, threatModels);
    }

    /** The dataflow over the analyses' IR, for the verdicts at its sinks. */
    TaintResult dataflow(Iterable<FileAnalysis> analyses, Set<String> threatModels) {
        return dataflow.apply(analyses, threatModels);
    }

    /** The kinds of harm the dataflow judges, with their sources, sinks and the rest. */
    TaintModels models() {
        return models.get();
    }
}
