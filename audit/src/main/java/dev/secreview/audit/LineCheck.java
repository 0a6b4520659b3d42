package dev.secreview.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Every line the claim points at is a line of the file that holds code, and the names and code the claim
 * quotes are on or within {@value #NEAR} lines of one of them (or the line is inside the function or
 * class the claim names). Names and code missing from the file are left to {@link SymbolCheck}.
 */
final class LineCheck implements ClaimCheck {

    static final int NEAR = 3;

    @Override
    public Outcome check(Claim claim, AuditInput input) {
        CodeUnderAudit code = input.code();
        if (claim.lines().isEmpty()) return Outcome.passed(List.of());
        List<String> evidence = new ArrayList<>();
        for (LineSpan span : claim.lines()) {
            String problem = problemWith(span, code);
            if (problem != null) return Outcome.failed(Verdict.BAD_LINE, List.of(problem));
            String verb = span.first() == span.last() ? " is" : " are";
            evidence.add(Evidence.span(span) + verb + " in the file (" + code.lineCount() + " lines)");
        }
        for (String name : claim.identifiers()) {
            String far = farFromClaimedLines("`" + name + "`", code.linesOfName(name), code.definitionsOf(name), claim.lines());
            if (far != null) return Outcome.failed(Verdict.BAD_LINE, List.of(far));
        }
        for (String fragment : claim.codeFragments()) {
            String far = farFromClaimedLines(Evidence.quote(fragment), code.linesOfCode(fragment), List.of(), claim.lines());
            if (far != null) return Outcome.failed(Verdict.BAD_LINE, List.of(far));
        }
        return Outcome.confirmed(evidence);
    }

    private static String problemWith(LineSpan span, CodeUnderAudit code) {
        if (span.first() < 1) return "line " + span.first() + " is not a line number";
        if (span.last() > code.lineCount()) {
            return Evidence.span(span) + (span.first() > code.lineCount() ? " is" : " goes") + " past the end of the file ("
                    + code.lineCount() + " lines)";
        }
        for (int line = span.first(); line <= span.last(); line++) {
            if (!code.isBlank(line)) return null;
        }
        return Evidence.span(span) + (span.first() == span.last() ? " holds" : " hold") + " no code (only blanks or comments)";
    }

    /** Null when the mention is near a claimed line (or not in the file at all); else the evidence that it is not. */
    private static String farFromClaimedLines(String mention, List<Integer> found, List<LineSpan> definitions,
                                              List<LineSpan> claimed) {
        if (found.isEmpty()) return null;
        for (LineSpan span : claimed) {
            if (found.stream().anyMatch(line -> line >= span.first() - NEAR && line <= span.last() + NEAR)) return null;
            if (definitions.stream().anyMatch(d -> d.first() <= span.last() && d.last() >= span.first())) return null;
        }
        String where = claimed.size() == 1 ? Evidence.span(claimed.get(0)) : "the lines given";
        return mention + " is on " + Evidence.lines(found) + ", not within " + NEAR + " lines of " + where;
    }
}
