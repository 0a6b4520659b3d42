package dev.secreview.report;

import dev.secreview.core.model.Finding;
import dev.secreview.core.model.SourceExcerpt;

import java.util.List;
import java.util.Locale;

/**
 * The lines of code shown with a finding, numbered, its own lines marked with {@code >} ({@code > 20 | code}),
 * its control characters escaped. Empty when the report carries no code for the finding.
 */
record NumberedCode(List<Row> rows, int digits) {

    /** One line: its number, its code as shown, and whether the finding covers it. */
    record Row(int number, String code, boolean flagged) {
    }

    static NumberedCode of(Finding finding, SourceExcerpt excerpt) {
        List<SourceExcerpt.Line> lines = excerpt.around(finding.range());
        if (lines.stream().noneMatch(line -> line.number() == finding.line())) return new NumberedCode(List.of(), 0);
        List<Row> rows = lines.stream().map(line -> new Row(line.number(), ControlCharacters.escape(line.text()),
                line.number() >= finding.range().startLine() && line.number() <= finding.range().endLine())).toList();
        return new NumberedCode(rows, String.valueOf(lines.get(lines.size() - 1).number()).length());
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** {@code > 20 | } for a line of the finding, {@code   17 | } for one around it. */
    String gutter(Row row) {
        return (row.flagged() ? "> " : "  ") + String.format(Locale.ROOT, "%" + digits + "d | ", row.number());
    }

    /** The gutter of a wrapped line's continuation: no number. */
    String continuation() {
        return "  " + " ".repeat(digits) + " | ";
    }

    /** Every line with its gutter, {@code \n} after each, no trailing blanks. */
    String text() {
        StringBuilder text = new StringBuilder();
        rows.forEach(row -> text.append((gutter(row) + row.code()).stripTrailing()).append('\n'));
        return text.toString();
    }
}
