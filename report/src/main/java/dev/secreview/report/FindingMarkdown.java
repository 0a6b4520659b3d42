package dev.secreview.report;

import dev.secreview.core.model.Finding;
import dev.secreview.core.model.FlowStep;

import java.util.List;
import java.util.StringJoiner;

/**
 * A finding in Markdown, in the pieces the Markdown review, GitHub's review comments and Gerrit's robot
 * comments put together: its title, its facts, and what a reviewer reads (why, the dataflow path, the other
 * places, the fix). Paths are the ones a review system knows ({@link ReportModel#repositoryPath}).
 */
final class FindingMarkdown {

    private final ReportModel model;

    FindingMarkdown(ReportModel model) {
        this.model = model;
    }

    /** {@code CWE-78: Improper Neutralization of ... ('OS Command Injection')}. */
    String title(Finding f) {
        return MarkdownText.inline(model.cwe(f.cwe()).label());
    }

    /** {@code **high** severity · high confidence · rule [`py-x`](page) · pillar CWE-707 Improper Neutralization}. */
    String facts(Finding f) {
        ReportModel.Cwe pillar = model.cwe(f.cwe()).pillar();
        return "**" + f.severity().label() + "** severity · " + f.confidence().label() + " confidence · rule "
                + MarkdownText.link(MarkdownText.code(f.rule().id()), model.ruleUrl(f.rule()))
                + " · pillar " + (pillar == null ? "none" : MarkdownText.inline(pillar.title()));
    }

    /** A comment at the finding's code in a review system: its title, facts and explanation. */
    String comment(Finding f) {
        return "**" + title(f) + "**\n\n" + facts(f) + "\n\n" + explanation(f);
    }

    /** {@code `app/views.py:12`}. */
    String place(Finding f) {
        return MarkdownText.code(model.repositoryPath(f.path()) + ":" + f.line());
    }

    /** Why, the path from source to sink, the other places the defect shows, and the fix: paragraphs apart. */
    String explanation(Finding f) {
        StringJoiner paragraphs = new StringJoiner("\n\n");
        paragraphs.add("**Why:** " + MarkdownText.inline(f.message()));
        if (!f.flow().isEmpty()) paragraphs.add(places("Path", f.flow()));
        if (!f.related().isEmpty()) paragraphs.add(places("Also at", f.related()));
        paragraphs.add("**Fix:** " + MarkdownText.inline(f.fix()));
        return paragraphs.toString();
    }

    /** A numbered list of places, each with its note. */
    private String places(String label, List<FlowStep> steps) {
        StringJoiner list = new StringJoiner("\n", "**" + label + ":**\n", "");
        for (int i = 0; i < steps.size(); i++) {
            FlowStep step = steps.get(i);
            String place = MarkdownText.code(model.repositoryPath(step.path()) + ":" + step.line());
            list.add((i + 1) + ". " + place + (step.note().isBlank() ? "" : " " + MarkdownText.inline(step.note())));
        }
        return list.toString();
    }
}
