package dev.secreview.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one finding block of a Markdown review into a {@link Claim}. The block is cut into what the
 * reviewer asserts (title, reasoning, metadata) and the remedy ("Fix:", "Recommendation:" ...): the CWE,
 * lines and code are taken from the assertion only, since code shown in a fix is not claimed to be in
 * the file. For the same reason, backticked code the reviewer says is absent ("without `timeout=`") or
 * gives as an illustration ("a name such as `x; rm -rf /`") is not taken as quoted from the file.
 */
final class ClaimReader {

    private static final Pattern INLINE_CODE = Pattern.compile("`+([^`\\n]+?)`+");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__");
    /** Words that introduce an illustration ("a name such as `x; rm -rf /`"): what follows is not quoted from the file. */
    private static final Pattern EXAMPLE_MARKER = Pattern.compile("(?i)(?:such as|e\\.g\\.,?|for example,?|for instance,?|"
            + "like|including|i\\.e\\.,?|payloads?)\\s*$");
    private static final int EXAMPLE_MARKER_REACH = 20;
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*+\u2022]|\\d{1,3}[.)])\\s+");

    private final List<String> assertion = new ArrayList<>();
    private final List<String> explanation = new ArrayList<>();
    private final List<String> fix = new ArrayList<>();
    private final CodeMentions code = new CodeMentions();

    private ClaimReader() {
    }

    static Claim read(int index, FindingSplitter.Block block) {
        return new ClaimReader().readBlock(index, block.lines());
    }

    private Claim readBlock(int index, List<String> lines) {
        sortLines(lines);
        String prose = joinSoftBreaks(assertion);
        String proseWithoutCode = INLINE_CODE.matcher(prose).replaceAll(" ");
        collectQuotes(prose, code);
        CweMention cwe = CweMention.in(INLINE_CODE.matcher(prose).replaceAll("$1"));
        return new Claim(index, text(lines), cwe.cwe(), cwe.name(), cwe.pillar(),
                LineReferences.in(proseWithoutCode), code.fragments(), code.identifiers(),
                sentence(explanation), sentence(fix));
    }

    /** Sends every line to the assertion or the fix, and the lines that are not only metadata to the explanation too. */
    private void sortLines(List<String> lines) {
        boolean[] fenced = MarkdownLines.fenced(lines);
        boolean inFix = false;
        StringBuilder block = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (fenced[i]) {
                if (MarkdownLines.FENCE.matcher(line).find()) {
                    if (block == null) {
                        block = new StringBuilder();
                    } else {
                        if (inFix) fix.add(block.toString());
                        else code.addBlock(block.toString());
                        block = null;
                    }
                } else if (block != null) {
                    block.append(line).append('\n');
                }
                continue;
            }
            Optional<ClaimLabel> label = i == 0 ? Optional.empty() : ClaimLabel.of(line);
            if (label.isPresent()) inFix = label.get().kind() == ClaimLabel.Kind.FIX;
            if (inFix) {
                fix.add(label.map(ClaimLabel::rest).orElse(line));
                continue;
            }
            assertion.add(line);
            boolean reasoning = label.map(l -> l.kind() == ClaimLabel.Kind.EXPLANATION).orElse(!isOnlyMetadata(line));
            if (reasoning) explanation.add(label.map(ClaimLabel::rest).orElse(line));
        }
    }

    /**
     * The code a passage of prose quotes as being in the file: backticked spans that are neither illustrations
     * nor denied, and names written as calls.
     */
    static void collectQuotes(String prose, CodeMentions code) {
        Matcher inline = INLINE_CODE.matcher(prose);
        while (inline.find()) {
            boolean quotesTheFile = !isIllustration(prose, inline.start())
                    && !Wording.isDenied(prose, inline.start(), inline.end());
            if (quotesTheFile) code.addInline(inline.group(1));
        }
        code.addCalledNames(INLINE_CODE.matcher(prose).replaceAll(" "));
    }

    private static boolean isIllustration(String prose, int quoteStart) {
        return EXAMPLE_MARKER.matcher(prose.substring(Math.max(0, quoteStart - EXAMPLE_MARKER_REACH), quoteStart)).find();
    }

    /** A line that only repeats the CWE and the place, like "**CWE-89: SQL Injection** (line 23)". */
    private static boolean isOnlyMetadata(String line) {
        CweMention cwe = CweMention.in(line);
        if (cwe.cwe() == null && LineReferences.in(line).isEmpty()) return false;
        String rest = cwe.name() == null ? line : line.replace(cwe.name(), " ");
        rest = rest.replaceAll("(?i)\\bCWE[-\\s]?\\d+|\\bpillar\\b|\\blines?\\s+\\d+(?:\\s*[-\u2013]\\s*\\d+)?"
                + "|(?<!\\w)L\\d+\\b", " ");
        return rest.replaceAll("[\\s*_()\\[\\],.:;'\"\u2013\u2014-]+", "").isEmpty();
    }

    /**
     * Lines of one paragraph joined by spaces (a soft line break is a space in Markdown), so that a CWE
     * name wrapped over two lines stays one name; list items and labelled lines start a new line.
     */
    private static String joinSoftBreaks(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            boolean newLine = line.isBlank() || LIST_MARKER.matcher(line).find() || ClaimLabel.of(line).isPresent();
            if (out.length() > 0) out.append(newLine ? '\n' : ' ');
            out.append(line.strip());
        }
        return out.toString();
    }

    private static String text(List<String> lines) {
        int indent = lines.stream().skip(1).filter(l -> !l.isBlank()).mapToInt(MarkdownLines::indent).min().orElse(0);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0).strip());
        for (String line : lines.subList(1, lines.size())) {
            out.add(line.isBlank() ? "" : line.substring(Math.min(indent, MarkdownLines.indent(line))).stripTrailing());
        }
        return String.join("\n", out).strip();
    }

    /** The lines as one sentence: emphasis and line breaks gone; null when there is nothing. */
    private static String sentence(List<String> lines) {
        String joined = String.join(" ", lines.stream().map(l -> LIST_MARKER.matcher(l).replaceFirst("")).toList());
        joined = EMPHASIS.matcher(joined).replaceAll("").replaceAll("\\s+", " ").strip();
        return joined.isEmpty() ? null : joined;
    }
}
