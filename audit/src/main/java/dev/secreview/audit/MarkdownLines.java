package dev.secreview.audit;

import java.util.List;
import java.util.regex.Pattern;

/** The Markdown line shapes a review is made of; shared by the splitter and the claim reader. */
final class MarkdownLines {

    static final Pattern FENCE = Pattern.compile("^\\s*(?:```|~~~)");
    static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    static final Pattern NUMBERED = Pattern.compile("^(\\s*)(?:[*_]{2})?\\d{1,3}[.)](?:[*_]{2})?\\s+(\\S.*)$");
    static final Pattern BULLET = Pattern.compile("^(\\s*)[-*+\u2022]\\s+(\\S.*)$");
    static final Pattern RULE = Pattern.compile("^\\s{0,3}([-*_])(?:\\s*\\1){2,}\\s*$");
    /** "Fix:", "**Fix:**", "- **CWE**: ...", "#### Recommendation", "**Fix**". */
    static final Pattern LABEL = Pattern.compile(
            "^\\s*(?:[-*+\u2022]\\s+)?(?:#{1,6}\\s+)?[*_]{0,2}([A-Za-z][A-Za-z /]{0,24}?)[*_]{0,2}\\s*"
                    + "(?::[*_]{0,2}\\s*(.*)|[*_]{0,2}\\s*$)");

    private MarkdownLines() {
    }

    /** For each line, whether it is inside (or opens or closes) a fenced code block. */
    static boolean[] fenced(List<String> lines) {
        boolean[] fenced = new boolean[lines.size()];
        boolean open = false;
        for (int i = 0; i < lines.size(); i++) {
            boolean fence = FENCE.matcher(lines.get(i)).find();
            fenced[i] = open || fence;
            if (fence) open = !open;
        }
        return fenced;
    }

    static int indent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
        return i;
    }
}
