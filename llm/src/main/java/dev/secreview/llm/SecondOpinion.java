package dev.secreview.llm;

import dev.secreview.core.model.Finding;

import java.util.List;
import java.util.Optional;

/**
 * The findings of one file after the LLM's second opinion (every static finding, plus the verified LLM
 * findings that add something) and, when something kept the opinion from being complete, one line saying what.
 */
public record SecondOpinion(List<Finding> findings, Optional<String> diagnostic) {

    public SecondOpinion {
        findings = List.copyOf(findings);
    }
}
