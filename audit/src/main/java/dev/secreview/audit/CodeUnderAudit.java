package dev.secreview.audit;

import dev.secreview.core.model.SourceFile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The file a review is about, parsed once, with the look-ups every check needs whatever the language: where a name
 * or a quoted piece of code occurs, which functions and classes it defines, what it calls and imports. Comments are
 * left out of every look-up: a comment is not code, and a comment quoting a claim must not make that claim true.
 * What only Python's syntax tree and semantic model can answer is {@link PythonCode}'s.
 */
public abstract sealed class CodeUnderAudit permits PythonCode, JavaCode {

    private static final Pattern ELISION = Pattern.compile("\\.\\.\\.|\u2026");
    /** "23 | code" or "23: code": the line numbers a prompt put in front of the code, quoted back. */
    private static final Pattern LINE_NUMBER_PREFIX = Pattern.compile("^\\s*\\d{1,6}\\s*[|:]\\s?");

    private final SourceFile source;
    private final AuditedLanguage language;
    private final String code;
    private final int[] lineStarts;
    private final String squeezed;
    private final int[] squeezedLine;

    /** @param withoutComments the file's text with each comment replaced by spaces, so offsets and lines stay */
    CodeUnderAudit(SourceFile source, AuditedLanguage language, String withoutComments) {
        this.source = source;
        this.language = language;
        this.code = withoutComments;
        this.lineStarts = IntStream.rangeClosed(1, Math.max(1, source.lineCount()))
                .map(line -> source.lineCount() == 0 ? 0 : source.lineStart(line)).toArray();
        StringBuilder squeezedText = new StringBuilder(code.length());
        int[] lines = new int[code.length()];
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (Character.isWhitespace(c)) continue;
            lines[squeezedText.length()] = lineOf(i);
            squeezedText.append(squeeze(c));
        }
        this.squeezed = squeezedText.toString();
        this.squeezedLine = Arrays.copyOf(lines, squeezed.length());
    }

    /** The file parsed by the front end of its language (Python unless it is a Java file). */
    public static CodeUnderAudit parse(SourceFile source) {
        return AuditedLanguage.of(source).parse(source);
    }

    public SourceFile source() {
        return source;
    }

    public AuditedLanguage language() {
        return language;
    }

    /** Where the file does not parse, in order; the audit reads only code that parses. */
    public abstract List<SyntaxError> syntaxErrors();

    /** A syntax error: its line and what the parser says. */
    public record SyntaxError(int line, String message) {
    }

    /** A call in the file: the name it calls ({@code execute} of {@code cursor.execute(q)}) and its first line. */
    record CallSite(String name, int line) {
    }

    /** Every call of the file whose called name can be read, in source order. */
    abstract List<CallSite> callSites();

    /** The lines of each function, method or class the file defines under this name (the last part of a dotted name). */
    public abstract List<LineSpan> definitionsOf(String name);

    /** Whether the file defines a class of this name. */
    abstract boolean definesClass(String name);

    /** Whether a class of this name is one the file can speak of: one it defines (a function too) or imports. */
    boolean knowsClass(String name) {
        return !definitionsOf(name).isEmpty() || bindsImport(name);
    }

    /** Whether an import of the file binds this name ({@code cfg} after {@code from oslo_config import cfg}). */
    abstract boolean bindsImport(String name);

    /** Whether the first part of a dotted name is a module or class the file imports. */
    abstract boolean isImportedName(String dottedName);

    public int lineCount() {
        return source.lineCount();
    }

    /** Whether a line holds nothing but whitespace or a comment. */
    public boolean isBlank(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : code.length();
        return code.substring(start, end).isBlank();
    }

    /** Lines where a plain or dotted name occurs as a whole name (in code or in a string, not in a comment). */
    public List<Integer> linesOfName(String name) {
        Matcher m = Pattern.compile("(?<!\\w)" + Pattern.quote(name) + "(?!\\w)").matcher(code);
        TreeSet<Integer> lines = new TreeSet<>();
        while (m.find()) lines.add(lineOf(m.start()));
        return List.copyOf(lines);
    }

    /**
     * Lines where a quoted piece of code starts, ignoring whitespace and the kind of quotes; an elision
     * ("...") and line numbers copied from a prompt are allowed. Empty when any part of it is missing.
     */
    public List<Integer> linesOfCode(String fragment) {
        List<String> parts = new ArrayList<>();
        for (String line : fragment.split("\\R")) {
            String stripped = LINE_NUMBER_PREFIX.matcher(line).replaceFirst("").strip();
            if (language.isCommentLine(stripped)) continue;
            for (String part : ELISION.split(stripped)) {
                String key = squeezed(part);
                if (!key.isEmpty()) parts.add(key);
            }
        }
        if (parts.isEmpty() || parts.stream().anyMatch(p -> !squeezed.contains(p))) return List.of();
        TreeSet<Integer> lines = new TreeSet<>();
        for (int at = squeezed.indexOf(parts.get(0)); at >= 0; at = squeezed.indexOf(parts.get(0), at + 1)) {
            lines.add(squeezedLine[at]);
        }
        return List.copyOf(lines);
    }

    /** Whether a quoted piece of code is exactly this text of the file, ignoring whitespace and the kind of quotes. */
    static boolean quotes(String text, String fragment) {
        return squeezed(text).equals(squeezed(LINE_NUMBER_PREFIX.matcher(fragment.strip()).replaceFirst("")));
    }

    private int lineOf(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return index >= 0 ? index + 1 : -index - 1;
    }

    private static String squeezed(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) out.append(squeeze(c));
        }
        return out.toString();
    }

    /** Quotes compare equal whatever their kind: reviewers often retype "x" as 'x'. */
    private static char squeeze(char c) {
        return c == '"' ? '\'' : c;
    }
}
