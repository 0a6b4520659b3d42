package dev.secreview.llm;

import dev.secreview.core.model.Finding;

import java.util.List;
import java.util.Optional;

/**
 * The findings of one file after the LLM's second opinion (every static finding, plus the verified LLM findings
 * that add something); {@code note}, one line about this file when something kept the opinion from being complete
 * (sent in parts, answers unusable, not sent); and {@code endpointFailure}, why the endpoint gave no answer at all
 * (unreachable, an HTTP error after the retries, a timeout), which is about the endpoint rather than the file.
 */
public record SecondOpinion(List<Finding> findings, Optional<String> note, Optional<String> endpointFailure) {

    public SecondOpinion {
        findings = List.copyOf(findings);
    }

    /** The static findings as they are, because the endpoint gave no answer. */
    static SecondOpinion endpointFailed(List<Finding> staticFindings, String why) {
        return new SecondOpinion(staticFindings, Optional.empty(), Optional.of(why));
    }
}
