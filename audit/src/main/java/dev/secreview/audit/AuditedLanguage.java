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

/**
 * The languages whose code the audit reads, each through its front end's facade: parsing, the static review as a
 * scan makes it, the dataflow's sink verdicts and the models of the kinds of harm. A file is Java by its name, Python
 * otherwise (the audit's first language, whatever a script is called).
 */
public enum AuditedLanguage {
    PYTHON("#") {
        @Override
        CodeUnderAudit parse(SourceFile source) {
            return PythonCode.of(source);
        }

        @Override
        ReviewedFiles review(List<SourceFile> files, Set<String> threatModels) {
            return PythonFacade.review(files, threatModels);
        }

        @Override
        TaintResult dataflow(Iterable<FileAnalysis> analyses, Set<String> threatModels) {
            return PythonFacade.dataflow(analyses, threatModels);
        }

        @Override
        TaintModels models() {
            return PythonFacade.models();
        }
    },
    JAVA("//") {
        @Override
        CodeUnderAudit parse(SourceFile source) {
            return JavaCode.of(source);
        }

        @Override
        ReviewedFiles review(List<SourceFile> files, Set<String> threatModels) {
            return JavaFacade.review(files, threatModels);
        }

        @Override
        TaintResult dataflow(Iterable<FileAnalysis> analyses, Set<String> threatModels) {
            return JavaFacade.dataflow(analyses, threatModels);
        }

        @Override
        TaintModels models() {
            return JavaFacade.models();
        }
    };

    private final String lineComment;

    AuditedLanguage(String lineComment) {
        this.lineComment = lineComment;
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

    abstract CodeUnderAudit parse(SourceFile source);

    abstract ReviewedFiles review(List<SourceFile> files, Set<String> threatModels);

    abstract TaintResult dataflow(Iterable<FileAnalysis> analyses, Set<String> threatModels);

    abstract TaintModels models();
}
