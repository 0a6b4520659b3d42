package dev.secreview.cli;

import dev.secreview.report.ControlCharacters;
import dev.secreview.core.engine.RuleSelection;
import dev.secreview.core.engine.ScanResult;
import dev.secreview.core.engine.SourceReader;
import dev.secreview.core.model.FileReport;
import dev.secreview.core.model.Finding;
import dev.secreview.llm.LlmReviewer;
import dev.secreview.llm.SecondOpinion;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adds the LLM's verified second opinion to a finished scan, file by file. It only ever adds findings. A note about
 * one file (sent in parts, answers unusable) is one line on standard error for that file. When the endpoint gives no
 * answer (unreachable, an HTTP error after the retries, a timeout), no further file is sent: it would only fail
 * again, one retry and timeout after another. Then, unless the second opinion is required, one warning names the
 * endpoint and the static review (and so the exit code) stands; when it is required, that is an error.
 */
final class LlmStage {

    private final LlmReviewer reviewer;
    private final String endpoint;
    private final boolean required;
    private final SourceReader reader = new SourceReader();

    LlmStage(LlmReviewer reviewer, String endpoint, boolean required) {
        this.reviewer = reviewer;
        this.endpoint = endpoint;
        this.required = required;
    }

    /**
     * The scan with the verified LLM findings added (those of rules {@code selection} does not report left out);
     * empty when the endpoint failed and the second opinion is required (the error is already said).
     */
    Optional<ScanResult> review(ScanResult scan, RuleSelection selection, PrintWriter err) {
        List<FileReport> files = new ArrayList<>();
        String failure = null;
        int unanswered = 0;
        for (FileReport file : scan.files()) {
            if (!sent(file) || failure != null) {
                if (failure != null && sent(file)) unanswered++; // the endpoint failed already: not sent
                files.add(file);
                continue;
            }
            Answer answer = review(file, selection, err);
            failure = answer.endpointFailure();
            if (failure != null) unanswered++;
            files.add(answer.file());
        }
        if (failure == null) return Optional.of(scan.withFiles(files));
        if (required) {
            err.println("secreview: error: LLM endpoint " + endpoint + ": " + failure + "; --llm-required: no review is written");
            return Optional.empty();
        }
        long sent = scan.files().stream().filter(LlmStage::sent).count();
        err.println("secreview: warning: LLM endpoint " + endpoint + ": " + failure + "; " + unanswered + " of " + sent
                + " files have no second opinion (their review is the static one)");
        return Optional.of(scan.withFiles(files));
    }

    /** Whether a file goes to the LLM: it was reviewed and has code. */
    private static boolean sent(FileReport file) {
        return file.reviewed() && file.lines() > 0;
    }

    /** One file after the second opinion, and why the endpoint gave none (null when it answered). */
    private record Answer(FileReport file, String endpointFailure) {
    }

    private Answer review(FileReport file, RuleSelection selection, PrintWriter err) {
        // The scan keeps no text; a file's display path is the path it was read from, so it is read again.
        SourceReader.Result read = reader.read(Path.of(file.path()), file.path());
        if (read.problem() != null) {
            err.println("secreview: llm: " + ControlCharacters.escape(read.problem().render()));
            return new Answer(file, null);
        }
        SecondOpinion opinion;
        try {
            opinion = reviewer.review(read.file(), file.language(), file.findings());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in the optional stage must not cost the user the static review they already have.
            err.println("secreview: llm: " + file.path() + ": no second opinion (internal error: "
                    + e.getClass().getSimpleName() + ")");
            return new Answer(file, null);
        }
        if (opinion.endpointFailure().isPresent()) return new Answer(file, opinion.endpointFailure().get());
        opinion.note().ifPresent(why -> err.println("secreview: llm: " + file.path() + ": " + why));
        List<Finding> selected = opinion.findings().stream().filter(finding -> selection.reports(finding.rule())).toList();
        return new Answer(file.withFindings(selected).withExcerptFrom(read.file()), null);
    }
}
