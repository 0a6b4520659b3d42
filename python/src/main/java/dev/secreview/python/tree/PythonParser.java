package dev.secreview.python.tree;

import dev.secreview.core.engine.FileDeadline;
import dev.secreview.core.model.SourceFile;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSSymbolType;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;
import org.treesitter.TreeSitterPython;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses Python into {@link PyNode}s. {@link PyDescentParser}, in plain Java, builds tree-sitter-python's tree
 * for valid files; a file it rejects (a syntax error, or one of the few constructs whose tree tree-sitter picks
 * by context) is parsed with tree-sitter and its tree copied in one cursor walk. tree-sitter recovers from
 * syntax errors, so a file with a broken statement still yields a tree for the rest; ERROR and MISSING nodes
 * become {@link PyTree.SyntaxError}s. Thread-safe: each thread has its own native parser.
 */
public final class PythonParser {
    /** tree-sitter's builtin symbol for ERROR nodes. */
    private static final int ERROR_SYMBOL = 65535;
    private static final int MAX_REPORTED_ERRORS = 10;

    /**
     * The grammar's tables and each thread's native parser. A holder of its own, because loading them extracts and
     * links the native library: a run whose files the descent parser all accepts never pays for that.
     */
    private static final class Grammar {
        static final String[] SYMBOL_NAMES;
        static final boolean[] SYMBOL_NAMED;
        static final String[] FIELD_NAMES;

        static {
            TSLanguage language = new TreeSitterPython();
            int symbols = language.symbolCount();
            SYMBOL_NAMES = new String[symbols];
            SYMBOL_NAMED = new boolean[symbols];
            for (int i = 0; i < symbols; i++) {
                SYMBOL_NAMES[i] = language.symbolName(i).intern();
                SYMBOL_NAMED[i] = language.symbolType(i) == TSSymbolType.TSSymbolTypeRegular;
            }
            FIELD_NAMES = new String[language.fieldCount() + 1];
            for (int i = 1; i < FIELD_NAMES.length; i++) FIELD_NAMES[i] = language.fieldNameForId(i).intern();
        }

        static final ThreadLocal<TSParser> PARSERS = ThreadLocal.withInitial(() -> {
            TSParser parser = new TSParser();
            parser.setLanguage(new TreeSitterPython());
            return parser;
        });
    }

    /** A node under construction: its children are collected until the cursor leaves it. */
    private static final class Frame {
        final String type;
        final String field;
        final boolean named;
        final int startByte;
        final int startRow;
        final List<PyNode> children = new ArrayList<>();
        final TSNode node;
        int endByte;

        Frame(TSNode node, String type, String field, boolean named, int startByte, int startRow) {
            this.node = node;
            this.type = type;
            this.field = field;
            this.named = named;
            this.startByte = startByte;
            this.startRow = startRow;
            this.endByte = startByte;
        }
    }

    public PyTree parse(SourceFile source) {
        try {
            return PyDescentParser.parse(source);
        } catch (PyTokenizer.Reject notReproducible) {
            return parseWithTreeSitter(source);
        }
    }

    /** The tree by tree-sitter alone, with its error recovery: for files {@link PyDescentParser} rejects. */
    PyTree parseWithTreeSitter(SourceFile source) {
        PyTree tree = new PyTree(source);
        Utf8Offsets offsets = Utf8Offsets.of(source.text());
        TSTree tsTree = Grammar.PARSERS.get().parseString(null, forTreeSitter(source.text()));
        try (TSTreeCursor cursor = new TSTreeCursor(tsTree.getRootNode())) {
            List<PyTree.SyntaxError> errors = new ArrayList<>();
            tree.root = copy(cursor, tree, offsets, errors);
            tree.syntaxErrors = List.copyOf(errors);
        } finally {
            tsTree.close();
        }
        return tree;
    }

    /**
     * The text as tree-sitter should see it, same length so that offsets are unchanged. tree-sitter counts
     * rows by '\n' only: a lone '\r' (old Mac line ends) becomes '\n' so rows agree with the source's line
     * index. The bundled grammar does not take a form feed for whitespace (a file with one, common in old
     * code and the standard library, was a syntax error), while Python does and resets the indentation
     * column at it; the grammar's scanner does exactly that for a '\r' inside a line, so a form feed becomes one.
     */
    static String forTreeSitter(String text) {
        if (text.indexOf('\r') < 0 && text.indexOf('\f') < 0) return text;
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '\r' && (i + 1 >= chars.length || chars[i + 1] != '\n')) chars[i] = '\n';
            else if (chars[i] == '\f') chars[i] = '\r';
        }
        return new String(chars);
    }

    private static PyNode copy(TSTreeCursor cursor, PyTree tree, Utf8Offsets offsets, List<PyTree.SyntaxError> errors) {
        ArrayList<Frame> open = new ArrayList<>();
        int copied = 0;
        while (true) {
            if ((++copied & 0xFFF) == 0) FileDeadline.check();
            TSNode node = cursor.currentNode();
            int symbol = NativeNodes.symbol(node);
            boolean error = symbol == ERROR_SYMBOL;
            int fieldId = cursor.currentFieldId();
            Frame frame = new Frame(node, error ? "ERROR" : Grammar.SYMBOL_NAMES[symbol], fieldId > 0 ? Grammar.FIELD_NAMES[fieldId] : null,
                    error || Grammar.SYMBOL_NAMED[symbol], NativeNodes.startByte(node), NativeNodes.startRow(node));
            if (error) {
                noteError(errors, frame.startRow + 1, "syntax error: invalid syntax");
            }
            if (cursor.gotoFirstChild()) {
                open.add(frame);
                continue;
            }
            frame.endByte = leafEnd(node, frame, offsets, tree.source().text());
            if (frame.endByte == frame.startByte && NativeNodes.isMissing(node)) {
                noteError(errors, frame.startRow + 1, "syntax error: missing `" + frame.type + "`");
            }
            // Attach the finished node to its parent; close every parent whose last child this was.
            while (true) {
                PyNode done = build(tree, offsets, frame);
                if (open.isEmpty()) {
                    return done;
                }
                Frame parent = open.get(open.size() - 1);
                parent.children.add(done);
                parent.endByte = Math.max(parent.endByte, frame.endByte);
                if (cursor.gotoNextSibling()) {
                    break;
                }
                cursor.gotoParent();
                frame = open.remove(open.size() - 1);
                // A node can end after its last visible child (e.g. string text after the last escape).
                frame.endByte = Math.max(frame.endByte, NativeNodes.endByte(frame.node));
            }
        }
    }

    /**
     * The end of a leaf. An anonymous token's type is its own text (`(`, `def`, `+=`), so where the
     * source holds that text its end is known without a native call; otherwise (named leaves,
     * zero-width MISSING tokens) ask tree-sitter.
     */
    private static int leafEnd(TSNode node, Frame leaf, Utf8Offsets offsets, String text) {
        if (!leaf.named && text.startsWith(leaf.type, offsets.charOffset(leaf.startByte))) {
            return leaf.startByte + leaf.type.length();
        }
        return NativeNodes.endByte(node);
    }

    private static PyNode build(PyTree tree, Utf8Offsets offsets, Frame frame) {
        PyNode node = new PyNode(tree, frame.type, frame.field, frame.named, offsets.charOffset(frame.startByte),
                offsets.charOffset(frame.endByte), frame.startRow + 1);
        if (!frame.children.isEmpty()) {
            node.children = frame.children.toArray(new PyNode[0]);
            for (PyNode child : node.children) child.parent = node;
        }
        return node;
    }

    private static void noteError(List<PyTree.SyntaxError> errors, int line, String message) {
        if (errors.size() < MAX_REPORTED_ERRORS
                && errors.stream().noneMatch(e -> e.line() == line)) {
            errors.add(new PyTree.SyntaxError(line, message));
        }
    }
}
