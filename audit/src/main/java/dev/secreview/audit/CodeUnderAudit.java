package dev.secreview.audit;

import dev.secreview.core.model.SourceFile;
import dev.secreview.python.PythonFacade;
import dev.secreview.python.semantic.Binding;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;
import dev.secreview.python.tree.PyTree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The Python file a review is about, parsed once, with the look-ups the checks need: where a name or a
 * quoted piece of code occurs, which constructs and calls the file has, and what it imports.
 * Comments are left out of every look-up: a comment is not code, and a comment quoting a claim must
 * not make that claim true.
 */
public final class CodeUnderAudit {

    private static final Pattern ELISION = Pattern.compile("\\.\\.\\.|\u2026");
    /** "23 | code" or "23: code": the line numbers a prompt put in front of the code, quoted back. */
    private static final Pattern LINE_NUMBER_PREFIX = Pattern.compile("^\\s*\\d{1,6}\\s*[|:]\\s?");

    private final SourceFile source;
    private final PyTree tree;
    private final PythonFile file;
    private final Values values;
    private final String code;
    private final int[] lineStarts;
    private final String squeezed;
    private final int[] squeezedLine;
    private final List<Call> calls;

    private CodeUnderAudit(SourceFile source) {
        this.source = source;
        this.tree = PythonFacade.parse(source);
        this.file = new PythonFile(tree);
        this.values = new Values(file);
        this.code = withoutComments(tree);
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
        this.calls = nodes("call").stream().map(n -> Call.of(n, file)).toList();
    }

    public static CodeUnderAudit parse(SourceFile source) {
        return new CodeUnderAudit(source);
    }

    public SourceFile source() {
        return source;
    }

    /** The file's semantic model: scopes, bindings, qualified names. */
    public PythonFile file() {
        return file;
    }

    /** Constant folding over the file: what an argument's value is when the code fixes it. */
    public Values values() {
        return values;
    }

    /** Where tree-sitter found no valid Python; the rest of the file is still audited. */
    /** Where the file does not parse, in order; the audit reads only code that parses. */
    public List<SyntaxError> syntaxErrors() {
        return tree.syntaxErrors().stream().map(error -> new SyntaxError(error.line(), error.message())).toList();
    }

    /** A syntax error: its line and what the parser says. */
    public record SyntaxError(int line, String message) {
    }

    public int lineCount() {
        return source.lineCount();
    }

    /** Whether a line holds nothing but whitespace or a comment. */
    public boolean isBlank(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : code.length();
        return code.substring(start, end).isBlank();
    }

    /** Every call of the file, in source order. */
    public List<Call> calls() {
        return calls;
    }

    /** The nodes of a tree-sitter type ({@code try_statement}, {@code with_statement}, ...), in source order. */
    public List<PyNode> nodes(String type) {
        List<PyNode> found = new ArrayList<>();
        tree.root().forEachDescendant(n -> {
            if (n.is(type) && n.isNamed()) found.add(n);
        });
        return found;
    }

    /** Lines where a plain or dotted name occurs as a whole name (in code or in a string, not in a comment). */
    public List<Integer> linesOfName(String name) {
        Matcher m = Pattern.compile("(?<!\\w)" + Pattern.quote(name) + "(?!\\w)").matcher(code);
        TreeSet<Integer> lines = new TreeSet<>();
        while (m.find()) lines.add(lineOf(m.start()));
        return List.copyOf(lines);
    }

    /** The lines of each function or class the file defines under this name (the last part of a dotted name). */
    public List<LineSpan> definitionsOf(String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        List<LineSpan> spans = new ArrayList<>();
        tree.root().forEachDescendant(n -> {
            PyNode defined = n.is("function_definition") || n.is("class_definition") ? n.field("name") : null;
            if (defined != null && defined.text().equals(simple)) spans.add(new LineSpan(n.startLine(), n.endLine()));
        });
        return spans;
    }

    /** The function definitions (methods too) of this name: the last part of a dotted name. */
    public List<PyNode> functionsNamed(String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        return nodes("function_definition").stream().filter(f -> f.field("name") != null && f.field("name").text().equals(simple))
                .toList();
    }

    /**
     * Lines where a quoted piece of code starts, ignoring whitespace and the kind of quotes; an elision
     * ("...") and line numbers copied from a prompt are allowed. Empty when any part of it is missing.
     */
    public List<Integer> linesOfCode(String fragment) {
        List<String> parts = new ArrayList<>();
        for (String line : fragment.split("\\R")) {
            String stripped = LINE_NUMBER_PREFIX.matcher(line).replaceFirst("").strip();
            if (stripped.startsWith("#")) continue;
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

    /** Whether a quoted piece of code is exactly this node's code, ignoring whitespace and the kind of quotes. */
    public boolean isQuoted(PyNode node, String fragment) {
        return squeezed(node.text()).equals(squeezed(LINE_NUMBER_PREFIX.matcher(fragment.strip()).replaceFirst("")));
    }

    /**
     * Whether the first part of a dotted name is a module the file imports or a name an import binds:
     * {@code subprocess.run} after {@code import subprocess}, {@code cfg.IntOpt} after
     * {@code from oslo_config import cfg}.
     */
    public boolean isImportedName(String dottedName) {
        String[] parts = dottedName.split("\\.");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (i > 0) prefix.append('.');
            prefix.append(parts[i]);
            if (file.imports(prefix.toString())) return true;
        }
        return parts.length > 1 && bindsImport(parts[0]);
    }

    /** How the module binds a name at its top level: imports, assignments, defs and classes, in source order. */
    public List<Binding> moduleBindings(String name) {
        return file.scope(tree.root()).bindings(name);
    }

    /** The dotted name an expression refers to, imports resolved ({@code cfg.OptGroup} is {@code oslo_config.cfg.OptGroup}). */
    public String qualifiedName(PyNode expression) {
        return file.qualifiedName(expression);
    }

    /** Whether some scope of the file binds this name (an assignment, a parameter, a loop variable, a def). */
    public boolean bindsAnywhere(String name) {
        return nodes("identifier").stream().anyMatch(n -> n.text().equals(name) && !file.resolve(name, n).isEmpty());
    }

    /** Whether the module defines a class of this name at its top level. */
    public boolean definesClass(String name) {
        return moduleBindings(name).stream().anyMatch(b -> b.site().is("class_definition"));
    }

    /** Whether an import at module level binds this name ({@code cfg} after {@code from oslo_config import cfg}). */
    public boolean bindsImport(String name) {
        return file.resolve(name, tree.root()).stream().anyMatch(b -> b.kind() == Binding.Kind.IMPORT);
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

    /** The source with each comment replaced by spaces, so offsets and lines stay as they were. */
    private static String withoutComments(PyTree tree) {
        char[] text = tree.source().text().toCharArray();
        tree.root().forEachDescendant(n -> {
            if (n.is("comment")) Arrays.fill(text, n.startOffset(), n.endOffset(), ' ');
        });
        return new String(text);
    }
}
