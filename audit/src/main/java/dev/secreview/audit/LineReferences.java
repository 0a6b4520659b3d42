package dev.secreview.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lines a finding points at: "line 42", "lines 10-12", "line 42-44", "lines 3 and 7", "L42", "app.py:42". */
final class LineReferences {

    private static final String RANGE = "\\d{1,9}(?:\\s*(?:-|\u2013|\u2014|to|through)\\s*\\d{1,9})?";
    private static final String RANGES = RANGE + "(?:\\s*(?:,|and|&|or)\\s*" + RANGE + ")*";
    private static final Pattern WORD = Pattern.compile("(?i)\\blines?\\b[\\s:#*_\"']*(" + RANGES + ")");
    private static final Pattern ONLY_RANGES = Pattern.compile("(?i)" + RANGES);
    private static final Pattern SHORT = Pattern.compile("(?<![\\w-])L(\\d{1,9})(?:\\s*[-\u2013]\\s*L?(\\d{1,9}))?\\b");
    private static final Pattern FILE_LINE = Pattern.compile("\\.py:(\\d{1,9})(?:-(\\d{1,9}))?\\b");
    private static final Pattern ONE_RANGE = Pattern.compile("(\\d{1,9})(?:\\s*(?:-|\u2013|\u2014|to|through)\\s*(\\d{1,9}))?");

    private LineReferences() {
    }

    static List<LineSpan> in(String prose) {
        Set<LineSpan> spans = new LinkedHashSet<>();
        Matcher word = WORD.matcher(prose);
        while (word.find()) spans.addAll(ranges(word.group(1)));
        Matcher shortForm = SHORT.matcher(prose);
        while (shortForm.find()) spans.add(span(shortForm.group(1), shortForm.group(2)));
        Matcher fileLine = FILE_LINE.matcher(prose);
        while (fileLine.find()) spans.add(span(fileLine.group(1), fileLine.group(2)));
        return List.copyOf(spans);
    }

    /** "10-12", "42", "3, 7 and 9": the line field of the JSON answer schema, or the numbers after "lines". */
    static List<LineSpan> ranges(String numbers) {
        List<LineSpan> spans = new ArrayList<>();
        Matcher m = ONE_RANGE.matcher(numbers);
        while (m.find()) spans.add(span(m.group(1), m.group(2)));
        return spans;
    }

    /** The lines of text that is nothing but line numbers and ranges ("42", "10-12", "3, 7 and 9"); empty otherwise or for line 0. */
    static List<LineSpan> list(String text) {
        if (!ONLY_RANGES.matcher(text.strip()).matches()) return List.of();
        List<LineSpan> spans = ranges(text);
        return spans.stream().allMatch(span -> span.first() >= 1) ? spans : List.of();
    }

    private static LineSpan span(String first, String last) {
        int a = Integer.parseInt(first);
        int b = last == null ? a : Integer.parseInt(last);
        return new LineSpan(Math.min(a, b), Math.max(a, b));
    }
}
