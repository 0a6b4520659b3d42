package dev.secreview.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Markdown review into the blocks that each state one finding. Reviews mark findings in
 * different ways; the first of these shapes the review uses wins:
 * <ol>
 *   <li>numbered headings ({@code ### 1. SQL injection}), headings naming a CWE, "Finding 1:" lines;</li>
 *   <li>a top-level numbered list;</li>
 *   <li>a top-level bulleted list (bullets that are only fields, like "- **CWE**: 89", do not count);</li>
 *   <li>unnumbered headings whose section mentions a CWE or a line;</li>
 *   <li>paragraphs that mention a CWE.</li>
 * </ol>
 * The preamble, the sections named Summary, Conclusion, Recommendations and the like, and a block
 * saying that nothing was found never become findings.
 */
final class FindingSplitter {

    private static final Pattern NUMBERED_TITLE = Pattern.compile(
            "(?i)^[*_]{0,2}(?:\\d{1,3}[.):]|(?:finding|issue|vulnerability|defect)\\s*#?\\d+\\b)");
    private static final Pattern FINDING_LINE = Pattern.compile(
            "(?i)^\\s*[*_]{0,2}(?:finding|issue|vulnerability|defect)\\s*#?\\d+\\b");
    private static final Pattern CWE = Pattern.compile("(?i)\\bCWE[-\u2010\u2013\\s]?\\d+");
    private static final Pattern LINE = Pattern.compile("(?i)\\blines?\\s+\\d|(?<!\\w)L\\d+\\b");
    private static final Pattern NON_FINDING_SECTION = Pattern.compile("(?i)\\b(?:summary|conclusions?|overview|"
            + "recommendations?|introduction|scope|methodology|references|next steps|positive|strengths|"
            + "good practices|notes?|general remarks|verdict)\\b");
    private static final Pattern NOTHING_FOUND = Pattern.compile("(?i)\\bno\\s+(?:security\\s+)?(?:defects|issues|"
            + "vulnerabilities|problems|weaknesses|findings)\\s+(?:were\\s+|are\\s+|have\\s+been\\s+)?"
            + "(?:found|detected|identified)");
    /** A finding level that no heading has: "Finding 1:" lines end at any heading. */
    private static final int BELOW_ALL_HEADINGS = 7;

    /** One finding: its lines, the marker (number, bullet, '#') taken off the first. */
    record Block(List<String> lines) {
    }

    private final List<String> lines;
    private final boolean[] fenced;
    private final boolean[] inNonFindingSection;

    private FindingSplitter(List<String> lines) {
        this.lines = lines;
        this.fenced = MarkdownLines.fenced(lines);
        this.inNonFindingSection = nonFindingSections();
    }

    static List<Block> split(String review) {
        return new FindingSplitter(List.of(review.split("\\R", -1))).blocks();
    }

    private List<Block> blocks() {
        List<Block> found = headingFindings();
        if (found.isEmpty()) found = listFindings(MarkdownLines.NUMBERED, i -> true);
        if (found.isEmpty()) found = listFindings(MarkdownLines.BULLET, i -> ClaimLabel.of(lines.get(i)).isEmpty());
        if (found.isEmpty()) found = sectionFindings();
        if (found.isEmpty()) found = paragraphFindings();
        return found.stream().filter(FindingSplitter::statesAFinding).toList();
    }

    private static boolean statesAFinding(Block block) {
        String text = String.join("\n", block.lines());
        return !text.isBlank() && (CWE.matcher(text).find() || !NOTHING_FOUND.matcher(text).find());
    }

    // ------------------------------------------------------------------ shape 1: numbered headings

    private List<Block> headingFindings() {
        List<Integer> starts = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (fenced[i]) continue;
            Matcher heading = MarkdownLines.HEADING.matcher(lines.get(i));
            if (heading.matches() && (NUMBERED_TITLE.matcher(heading.group(2)).find() || CWE.matcher(heading.group(2)).find())) {
                starts.add(i);
                levels.add(heading.group(1).length());
            } else if (FINDING_LINE.matcher(lines.get(i)).find() && !inNonFindingSection[i]) {
                starts.add(i);
                levels.add(BELOW_ALL_HEADINGS);
            }
        }
        boolean[] isStart = marks(starts);
        List<Block> blocks = new ArrayList<>();
        for (int s = 0; s < starts.size(); s++) {
            int start = starts.get(s);
            int level = levels.get(s);
            int end = start + 1;
            while (end < lines.size() && !isStart[end] && !endsHeadingBlock(end, level)) end++;
            blocks.add(block(start, end, stripHeading(lines.get(start))));
        }
        return blocks;
    }

    private boolean endsHeadingBlock(int i, int level) {
        if (fenced[i]) return false;
        if (MarkdownLines.RULE.matcher(lines.get(i)).matches()) return true;
        Matcher heading = MarkdownLines.HEADING.matcher(lines.get(i));
        return heading.matches() && heading.group(1).length() <= level;
    }

    /** The heading's title without its number: "### 1. SQL injection" is "SQL injection". */
    private static String stripHeading(String line) {
        Matcher heading = MarkdownLines.HEADING.matcher(line);
        return heading.matches() ? heading.group(2).replaceFirst("^\\d{1,3}[.):]\\s+", "") : line.strip();
    }

    // ------------------------------------------------------------------ shapes 2 and 3: lists

    private List<Block> listFindings(Pattern marker, IntPredicate counts) {
        List<Integer> candidates = new ArrayList<>();
        int topIndent = Integer.MAX_VALUE;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = marker.matcher(lines.get(i));
            if (fenced[i] || inNonFindingSection[i] || !m.matches() || !counts.test(i)) continue;
            candidates.add(i);
            topIndent = Math.min(topIndent, m.group(1).length());
        }
        List<Integer> starts = new ArrayList<>();
        for (int i : candidates) {
            Matcher m = marker.matcher(lines.get(i));
            if (m.matches() && m.group(1).length() <= topIndent + 1) starts.add(i);
        }
        boolean[] isStart = marks(starts);
        List<Block> blocks = new ArrayList<>();
        for (int s = 0; s < starts.size(); s++) {
            int start = starts.get(s);
            int end = start + 1;
            while (end < lines.size() && !isStart[end] && !endsListItem(end)) end++;
            Matcher m = marker.matcher(lines.get(start));
            blocks.add(block(start, end, m.matches() ? m.group(2) : lines.get(start)));
        }
        return blocks;
    }

    /**
     * A list item ends at a heading, a rule, or (as in Markdown) an unindented paragraph after a blank
     * line; field lines ("Fix: ...") and list items are still part of it, as reviews write them unindented.
     */
    private boolean endsListItem(int i) {
        if (fenced[i]) return false;
        String line = lines.get(i);
        if (MarkdownLines.HEADING.matcher(line).matches() || MarkdownLines.RULE.matcher(line).matches()) return true;
        boolean afterBlank = i > 0 && lines.get(i - 1).isBlank();
        return afterBlank && !line.isBlank() && MarkdownLines.indent(line) == 0
                && !MarkdownLines.BULLET.matcher(line).matches() && !MarkdownLines.NUMBERED.matcher(line).matches()
                && ClaimLabel.of(line).isEmpty();
    }

    // ------------------------------------------------------------------ shape 4: sections under plain headings

    private List<Block> sectionFindings() {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher heading = MarkdownLines.HEADING.matcher(lines.get(i));
            if (fenced[i] || !heading.matches() || NON_FINDING_SECTION.matcher(heading.group(2)).find()) continue;
            int level = heading.group(1).length();
            int end = i + 1;
            while (end < lines.size() && !endsHeadingBlock(end, level)) end++;
            Block candidate = block(i, end, heading.group(2));
            String text = String.join("\n", candidate.lines());
            boolean innermost = lines.subList(i + 1, end).stream().noneMatch(l -> MarkdownLines.HEADING.matcher(l).matches());
            if (innermost && (CWE.matcher(text).find() || LINE.matcher(text).find())) blocks.add(candidate);
        }
        return blocks;
    }

    // ------------------------------------------------------------------ shape 5: paragraphs

    private List<Block> paragraphFindings() {
        List<Block> blocks = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            boolean boundary = i == lines.size() || (lines.get(i).isBlank() && !fenced[i]);
            if (!boundary) continue;
            if (i > start && !inNonFindingSection[start]) {
                Block paragraph = block(start, i, lines.get(start).strip());
                if (CWE.matcher(String.join("\n", paragraph.lines())).find()) blocks.add(paragraph);
            }
            start = i + 1;
        }
        return blocks;
    }

    // ------------------------------------------------------------------ helpers

    private boolean[] marks(List<Integer> starts) {
        boolean[] marked = new boolean[lines.size()];
        starts.forEach(i -> marked[i] = true);
        return marked;
    }

    private Block block(int start, int end, String firstLine) {
        List<String> blockLines = new ArrayList<>();
        blockLines.add(firstLine);
        blockLines.addAll(lines.subList(start + 1, end));
        while (blockLines.size() > 1 && blockLines.get(blockLines.size() - 1).isBlank()) {
            blockLines.remove(blockLines.size() - 1);
        }
        return new Block(blockLines);
    }

    /** For each line, whether the nearest heading above it names a section that holds no findings. */
    private boolean[] nonFindingSections() {
        boolean[] result = new boolean[lines.size()];
        boolean current = false;
        for (int i = 0; i < lines.size(); i++) {
            Matcher heading = MarkdownLines.HEADING.matcher(lines.get(i));
            if (!fenced[i] && heading.matches()) {
                String title = heading.group(2);
                current = NON_FINDING_SECTION.matcher(title).find() && !CWE.matcher(title).find()
                        && !NUMBERED_TITLE.matcher(title).find();
            }
            result[i] = current;
        }
        return result;
    }
}
