package dev.secreview.audit;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One claim of a review: a finding the reviewer asserts. Any field may be absent (null / empty);
 * null lists are stored as empty lists so callers never need a null check on them.
 *
 * @param index         1-based position of the claim in the review
 * @param text          the claim as the reviewer wrote it (heading and body)
 * @param cwe           the CWE id the reviewer assigned
 * @param cweName       the CWE name the reviewer gave with the id
 * @param pillar        the CWE-1000 pillar the reviewer named
 * @param lines         the lines the reviewer points at
 * @param codeFragments code the reviewer quotes (code blocks, backticked text that is not a plain name)
 * @param identifiers   backticked plain or dotted names ({@code foo}, {@code subprocess.run})
 * @param explanation   why the reviewer thinks it is a defect
 * @param fix           the remedy the reviewer proposes
 */
public record Claim(int index, String text, Integer cwe, String cweName, Integer pillar,
                    List<LineSpan> lines, List<String> codeFragments, List<String> identifiers,
                    String explanation, String fix) {

    private static final Pattern BOLD_START = Pattern.compile("^\\*\\*(.+?)\\*\\*");
    /** "(CWE-22: ... ('Path Traversal'))" in a title: the CWE is shown beside the title already. */
    private static final Pattern CWE_IN_PARENTHESES = Pattern.compile("\\s*\\(CWE[-\\s]?\\d+(?:[^()]|\\([^()]*\\))*\\)");
    private static final int TITLE_LENGTH = 100;

    public Claim {
        lines = lines == null ? List.of() : List.copyOf(lines);
        codeFragments = codeFragments == null ? List.of() : List.copyOf(codeFragments);
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }

    /** A one-line title: the bold lead of the first line, or the first line, without Markdown emphasis. */
    public String title() {
        String first = text == null ? "" : text.strip().lines().findFirst().orElse("");
        Matcher bold = BOLD_START.matcher(first);
        String lead = bold.find() ? bold.group(1) : first;
        String title = CWE_IN_PARENTHESES.matcher(lead).replaceAll("").replace("**", "").replace("__", "").strip();
        return title.length() <= TITLE_LENGTH ? title : title.substring(0, TITLE_LENGTH - 3).stripTrailing() + "...";
    }
}
