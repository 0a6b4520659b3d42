package dev.secreview.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CWE a review assigns to a finding, the name it gives with the id, and the pillar it names:
 * "CWE-89 (SQL Injection)", "CWE-89: SQL Injection", "CWE-89 - SQL Injection", "**CWE**: CWE-89",
 * "Pillar: CWE-707".
 */
record CweMention(Integer cwe, String name, Integer pillar) {

    private static final Pattern ID = Pattern.compile(
            "(?i)\\bCWE\\s*(?:[-\u2010\u2013\u2014#:]|\\*{1,2}\\s*:\\s*)?\\s*(\\d{1,5})\\b");
    private static final Pattern PILLAR = Pattern.compile(
            "(?i)\\bpillar\\b[^\\n\\d]{0,12}?(?:CWE\\s*[-\u2010\u2013]?\\s*)?(\\d{1,5})\\b");
    /** What follows an id when the reviewer did not give a name but a place or another field. */
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "(?i)^(?:lines?\\b|L\\d|on line|at line|in line|see\\b|pillar\\b|\\d)");
    private static final String SEPARATORS = ":-\u2013\u2014,";
    private static final int MAX_NAME_LENGTH = 200;

    static final CweMention NONE = new CweMention(null, null, null);

    /** The first CWE id that is not a pillar mention, with the first name the review gives for that id. */
    static CweMention in(String prose) {
        Integer pillar = null;
        List<int[]> pillarRanges = new ArrayList<>();
        Matcher p = PILLAR.matcher(prose);
        while (p.find()) {
            if (pillar == null) pillar = Integer.valueOf(p.group(1));
            pillarRanges.add(new int[]{p.start(), p.end()});
        }
        Integer cwe = null;
        String name = null;
        Matcher m = ID.matcher(prose);
        while (m.find()) {
            if (insideAny(m.start(1), pillarRanges)) continue;
            int id = Integer.parseInt(m.group(1));
            if (cwe == null) cwe = id;
            if (cwe == id && name == null) name = nameAfter(prose, m.end());
        }
        return new CweMention(cwe, name, pillar);
    }

    /** An id written on its own, as in the JSON answer schema: "CWE-89", "CWE-89: SQL Injection" or "89". */
    static CweMention ofField(String value) {
        String text = value.trim();
        return in(text.matches("\\d+") ? "CWE-" + text : text);
    }

    private static boolean insideAny(int index, List<int[]> ranges) {
        return ranges.stream().anyMatch(r -> index >= r[0] && index < r[1]);
    }

    /** The name written right after an id, in parentheses or after a separator; null when none is given. */
    private static String nameAfter(String text, int from) {
        int i = skipEmphasis(text, from);
        while (i < text.length() && text.charAt(i) == ' ') i++;
        if (i >= text.length()) return null;
        char c = text.charAt(i);
        String candidate;
        if (c == '(') {
            candidate = balancedParentheses(text, i);
        } else if (SEPARATORS.indexOf(c) >= 0) {
            candidate = nameUntilTerminator(text, skipEmphasis(text, i + 1));
            if (candidate != null && !looksLikeName(candidate)) candidate = null;
        } else {
            return null;
        }
        if (candidate == null) return null;
        String name = clean(candidate);
        return name.isEmpty() || name.length() > MAX_NAME_LENGTH || NOT_A_NAME.matcher(name).find() ? null : name;
    }

    private static int skipEmphasis(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == '*' || text.charAt(i) == '_' || text.charAt(i) == '`')) i++;
        return i;
    }

    private static String balancedParentheses(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') return null;
            if (c == '(') depth++;
            if (c == ')' && --depth == 0) return text.substring(open + 1, i);
        }
        return null;
    }

    /** Up to the end of the name: emphasis, an unmatched ')', a "(line 3)", a line break or a clause separator. */
    private static String nameUntilTerminator(String text, int start) {
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' && depth == 0 && NOT_A_NAME.matcher(text.substring(i + 1)).find()) return text.substring(start, i);
            if (c == '(') depth++;
            if (c == ')' && depth-- == 0) return text.substring(start, i);
            if (depth > 0) continue;
            if (c == '\n' || text.startsWith("**", i) || text.startsWith("__", i)) return text.substring(start, i);
            if (i + 1 < text.length() && text.charAt(i + 1) == ' ' && ",;:.".indexOf(c) >= 0) return text.substring(start, i);
            if (c == ' ' && i + 2 < text.length() && "-\u2013\u2014".indexOf(text.charAt(i + 1)) >= 0
                    && text.charAt(i + 2) == ' ') {
                return text.substring(start, i);
            }
        }
        return text.substring(start);
    }

    /**
     * A name is short or written in title case; "CWE-89 - the query is built from input" is a
     * description after a dash, not a name.
     */
    private static boolean looksLikeName(String candidate) {
        String[] words = candidate.trim().split("\\s+");
        if (words.length <= 3) return true;
        int longWords = 0;
        int capitalised = 0;
        for (String word : words) {
            String w = word.replaceAll("^[^A-Za-z]+", "");
            if (w.length() < 4) continue;
            longWords++;
            if (Character.isUpperCase(w.charAt(0))) capitalised++;
        }
        return capitalised * 2 >= longWords;
    }

    private static String clean(String name) {
        return name.replaceAll("\\s+", " ").replaceAll("^[\\s*_`\"]+|[\\s*_`\",;:.]+$", "");
    }
}
