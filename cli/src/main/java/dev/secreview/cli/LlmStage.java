package dev.secreview.cli;

import dev.secreview.core.engine.RuleSelection;
import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.engine.SourceReader;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;
import dev.secreview.llm.LlmReviewer;
import dev.secreview.llm.SecondOpinion;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Adds the LLM's verified second opinion to a finished scan, file by file. It only ever adds findings;
 * whatever goes wrong with the LLM becomes one line on standard error for that file, and the static
 * review (and so the exit code) stays as it was.
 */
final class LlmStage {

    private final LlmReviewer reviewer;
    private final SourceReader reader = new SourceReader();

    LlmStage(LlmReviewer reviewer) {
        this.reviewer = reviewer;
    }

    /** The scan with the verified LLM findings added, those of rules {@code selection} does not report left out. */
    ScanResult review(ScanResult scan, RuleSelection selection, PrintWriter err) {
        List<FileReport> files = scan.files().stream().map(file -> review(file, selection, err)).toList();
        return scan.withFiles(files);
    }

    private FileReport review(FileReport file, RuleSelection selection, PrintWriter err) {
        if (!file.reviewed() || file.lines() == 0) return file;
        // The scan keeps no text; a file's display path is the path it was read from, so it is read again.
        SourceReader.Result read = reader.read(Path.of(file.path()), file.path());
        if (read.problem() != null) {
            err.println("secreview: llm: " + read.problem().render());
            return file;
        }
        SecondOpinion opinion;
        try {
            opinion = reviewer.review(read.file(), file.language(), file.findings());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in the optional stage must not cost the user the static review they already have.
            err.println("secreview: llm: " + file.path() + ": no second opinion (internal error: "
                    + e.getClass().getSimpleName() + ")");
            return file;
        }
        opinion.diagnostic().ifPresent(why -> err.println("secreview: llm: " + file.path() + ": " + why));
        List<Finding> selected = opinion.findings().stream().filter(finding -> selection.reports(finding.rule())).toList();
        return file.withFindings(selected).withExcerptFrom(read.file());
    }
}
