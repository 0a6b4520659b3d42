package dev.secreview.python.tree;

import dev.secreview.core.engine.FileDeadline;
import dev.secreview.core.engine.FileTooLarge;

import java.util.Arrays;
import java.util.Locale;

/**
 * Splits Python source into the tokens {@link PyDescentParser} reads, placed exactly where tree-sitter-python
 * places its own: the invisible NEWLINE, INDENT and DEDENT tokens are zero-width at the end of the token or
 * comment before them, and a comment line after a block belongs to the block while it is indented at least as
 * far as the block (the grammar's external scanner decides so). Comments and line continuations are "extras":
 * they are kept apart, each with the index of the token that follows it, and placed in the tree afterwards.
 * Anything this tokenizer is not sure to place as tree-sitter does is rejected with {@link Reject}.
 */
final class PyTokenizer {
    /** Thrown where the source is not Python this parser reproduces tree-sitter's tree for; the caller falls back. */
    static final class Reject extends RuntimeException {
        Reject(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * The most tokens a file may have (docs/SPEED.md, "A file that would take too long"): the largest file of the
     * 22 reference trees has 236,090, a list of a million numbers two million, whose tree took 850 MB.
     */
    static final int MAX_TOKENS = 1_000_000;

    static final int NAME = 0;
    static final int KEYWORD = 1;
    static final int NUMBER = 2;
    static final int OP = 3;
    static final int STRING_START = 4;
    static final int STRING_CONTENT = 5;
    static final int ESCAPE_SEQUENCE = 6;
    static final int BACKSLASH = 7;
    static final int ESCAPE_INTERPOLATION = 8;
    static final int STRING_END = 9;
    static final int INTERPOLATION_START = 10;
    static final int INTERPOLATION_END = 11;
    static final int TYPE_CONVERSION = 12;
    static final int FORMAT_TEXT = 13;
    static final int NEWLINE = 14;
    static final int INDENT = 15;
    static final int DEDENT = 16;
    static final int EOF = 17;

    static final int COMMENT = 0;
    static final int LINE_CONTINUATION = 1;

    /** Operators, longest first so that the first match is the longest. */
    private static final String[] OPERATORS = {
        "**=", "//=", ">>=", "<<=", "...",
        "->", ":=", "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
        "^=", "@=",
        "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":",
        ";", ".", "=",
    };

    private static final String[] KEYWORDS = {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    };

    /** The operators that start with each ASCII character, longest first. */
    private static final String[][] OPERATORS_BY_FIRST_CHAR = new String[128][];
    /** The keywords that start with each ASCII letter. */
    private static final String[][] KEYWORDS_BY_FIRST_CHAR = new String[128][];

    static {
        for (String op : OPERATORS) OPERATORS_BY_FIRST_CHAR[op.charAt(0)] = append(OPERATORS_BY_FIRST_CHAR[op.charAt(0)], op);
        for (String keyword : KEYWORDS) {
            KEYWORDS_BY_FIRST_CHAR[keyword.charAt(0)] = append(KEYWORDS_BY_FIRST_CHAR[keyword.charAt(0)], keyword);
        }
    }

    private static String[] append(String[] array, String value) {
        if (array == null) return new String[] {value};
        String[] longer = Arrays.copyOf(array, array.length + 1);
        longer[array.length] = value;
        return longer;
    }

    private final String text;
    /** The text's chars, read directly: String.charAt checks bounds and coding on every call. */
    private final char[] chars;
    private final int length;
    private int pos;

    int count;
    int[] kinds = new int[256];
    int[] starts = new int[256];
    int[] ends = new int[256];
    /** The operator or keyword string of OP and KEYWORD tokens (interned constants), else null. */
    String[] values = new String[256];

    /** 0-based row of each token's and extra's start, rows split at '\n' and at a lone '\r' as tree-sitter sees them. */
    int[] lines = new int[256];
    int[] extraLines = new int[16];
    private int rowCursor;
    private int row;

    int extraCount;
    int[] extraKinds = new int[16];
    int[] extraStarts = new int[16];
    int[] extraEnds = new int[16];
    /** The index of the token after each extra. */
    int[] extraBefore = new int[16];

    private int[] indents = new int[16];
    private int indentDepth = 1;
    /** Open brackets outside strings; a line end inside brackets is whitespace. */
    private int bracketDepth;
    private int tokensOnLine;

    /** An f-string's state: {@code braces} counts brackets open inside the current interpolation. */
    private static final class StringFrame {
        final char quote;
        final boolean triple;
        final boolean raw;
        final boolean bytes;
        final boolean format;
        /** 0 inside the literal text; 1 inside an interpolation; 2 inside its format specifier. */
        int state;
        int brackets;
        /** Interpolations nested in the format specifier ({@code {x:{w}}}). */
        int specDepth;

        StringFrame(char quote, boolean triple, boolean raw, boolean bytes, boolean format) {
            this.quote = quote;
            this.triple = triple;
            this.raw = raw;
            this.bytes = bytes;
            this.format = format;
        }
    }

    private StringFrame[] strings = new StringFrame[4];
    private int stringDepth;

    PyTokenizer(String text) {
        this.text = text;
        this.chars = text.toCharArray();
        this.length = chars.length;
    }

    void tokenize() {
        // tree-sitter drops a byte order mark from its offsets (SourceReader drops a leading one before this).
        if (text.indexOf('\uFEFF') >= 0) throw new Reject("byte order mark");
        skipBlankAndCommentLines();
        if (pos < length && column(pos) != 0) throw new Reject("indented first line");
        while (true) {
            if (stringDepth > 0 && currentString().state != 1) {
                lexStringPart();
                continue;
            }
            if (pos >= length) {
                if (stringDepth > 0 || bracketDepth > 0) throw new Reject("unterminated at end of file");
                if (tokensOnLine > 0) endLogicalLine();
                while (indentDepth > 1) {
                    indentDepth--;
                    addToken(DEDENT, lastEnd(), lastEnd(), null);
                }
                addToken(EOF, length, length, null);
                return;
            }
            char c = chars[pos];
            if (c == ' ' || c == '\t' || c == '\f' || c == '\u000B' || c == '\uFEFF' || c == '\u2060' || c == '\u200B') {
                pos++;
            } else if (c == '\n' || c == '\r') {
                pos++;
                if (c == '\r' && pos < length && chars[pos] == '\n') pos++;
                if (bracketDepth == 0 && stringDepth == 0 && tokensOnLine > 0) endLogicalLine();
            } else if (c == '#') {
                int end = commentEnd(pos);
                addExtra(COMMENT, pos, end);
                pos = end;
            } else if (c == '\\') {
                lexLineContinuation();
            } else {
                lexToken(c);
            }
        }
    }

    private StringFrame currentString() {
        return strings[stringDepth - 1];
    }

    /** A comment runs to the line end; tree-sitter's `.*` keeps the '\r' of a CRLF line end. */
    private int commentEnd(int from) {
        int i = from;
        while (i < length) {
            char ch = chars[i];
            if (ch == '\n') break;
            if (ch == '\r' && (i + 1 >= length || chars[i + 1] != '\n')) break;
            i++;
        }
        return i;
    }

    /**
     * A backslash line end. tree-sitter's scanner swallows it as whitespace when a string starts after it; in
     * every other place the grammar's line_continuation token makes it a node.
     */
    private void lexLineContinuation() {
        int start = pos;
        int i = pos + 1;
        if (i < length && chars[i] == '\r') i++;
        if (i < length && chars[i] == '\n') i++;
        else if (i < length) throw new Reject("stray backslash");
        pos = i;
        if (tokensOnLine == 0) throw new Reject("line continuation at a line start");
        int next = i;
        while (next < length && (chars[next] == ' ' || chars[next] == '\t')) next++;
        if (!startsString(next)) addExtra(LINE_CONTINUATION, start, i);
    }

    private boolean startsString(int at) {
        int i = at;
        while (i < length && i - at < 3 && "rRbBuUfF".indexOf(chars[i]) >= 0) i++;
        return i < length && (chars[i] == '\'' || chars[i] == '"');
    }

    private void lexToken(char c) {
        if (c == '\'' || c == '"') {
            startString(pos, pos);
            return;
        }
        if (isIdentifierStart(c)) {
            int start = pos;
            int i = pos + 1;
            while (i < length && isIdentifierPart(chars[i])) i++;
            if (i < length && (chars[i] == '\'' || chars[i] == '"') && isStringPrefix(start, i)) {
                startString(start, i);
                return;
            }
            pos = i;
            String keyword = keyword(start, i);
            if (keyword != null) addToken(KEYWORD, start, i, keyword);
            else addToken(NAME, start, i, null);
            return;
        }
        if (c >= '0' && c <= '9' || c == '.' && pos + 1 < length && isDigit(chars[pos + 1])) {
            lexNumber();
            return;
        }
        if (c == '!' && stringDepth > 0 && currentString().state == 1 && currentString().brackets == 0
                && pos + 1 < length && chars[pos + 1] >= 'a' && chars[pos + 1] <= 'z') {
            addToken(TYPE_CONVERSION, pos, pos + 2, null);
            pos += 2;
            return;
        }
        String[] candidates = c < OPERATORS_BY_FIRST_CHAR.length ? OPERATORS_BY_FIRST_CHAR[c] : null;
        if (candidates != null) {
            for (String op : candidates) {
                if (startsWith(op, pos)) {
                    lexOperator(op);
                    return;
                }
            }
        }
        throw new Reject("unexpected character");
    }

    private void lexOperator(String op) {
        int start = pos;
        if (stringDepth > 0 && currentString().state == 1 && currentString().brackets == 0) {
            StringFrame frame = currentString();
            if (op.equals("}")) {
                pos++;
                addToken(INTERPOLATION_END, start, pos, "}");
                closeInterpolation(frame);
                return;
            }
            if (op.equals(":")) {
                pos++;
                addToken(OP, start, pos, ":");
                frame.state = 2;
                return;
            }
            if (op.equals(":=")) throw new Reject("':=' in an f-string interpolation");
        }
        pos += op.length();
        switch (op) {
            case "(", "[", "{" -> {
                if (stringDepth > 0) currentString().brackets++;
                else bracketDepth++;
            }
            case ")", "]", "}" -> {
                if (stringDepth > 0) {
                    if (--currentString().brackets < 0) throw new Reject("unbalanced bracket");
                } else if (--bracketDepth < 0) {
                    throw new Reject("unbalanced bracket");
                }
            }
            default -> { }
        }
        addToken(OP, start, pos, op);
    }

    /** After an interpolation's '}': back to the format specifier it was nested in, or to the literal text. */
    private void closeInterpolation(StringFrame frame) {
        if (frame.specDepth > 0) {
            frame.specDepth--;
            frame.state = 2;
        } else {
            frame.state = 0;
        }
    }

    private void lexNumber() {
        int start = pos;
        int i = pos;
        char c = chars[i];
        if (c == '0' && i + 1 < length && "xXoObB".indexOf(chars[i + 1]) >= 0) {
            i += 2;
            while (i < length && (Character.digit(chars[i], 16) >= 0 || chars[i] == '_')) i++;
        } else {
            i = digits(i);
            if (i < length && chars[i] == '.' && !startsWith("...", i)) {
                i = digits(i + 1);
            }
            if (i < length && (chars[i] == 'e' || chars[i] == 'E')) {
                int j = i + 1;
                if (j < length && (chars[j] == '+' || chars[j] == '-')) j++;
                if (j < length && isDigit(chars[j])) i = digits(j);
            }
            if (i < length && (chars[i] == 'j' || chars[i] == 'J')) i++;
        }
        if (i < length && (isIdentifierPart(chars[i]))) throw new Reject("number followed by a name");
        pos = i;
        addToken(NUMBER, start, i, null);
    }

    private int digits(int from) {
        int i = from;
        while (i < length && (isDigit(chars[i]) || chars[i] == '_')) i++;
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean isStringPrefix(int start, int end) {
        int n = end - start;
        if (n > 2) return false;
        boolean raw = false;
        boolean bytes = false;
        boolean format = false;
        boolean unicode = false;
        for (int i = start; i < end; i++) {
            switch (chars[i]) {
                case 'r', 'R' -> raw = true;
                case 'b', 'B' -> bytes = true;
                case 'f', 'F' -> format = true;
                case 'u', 'U' -> unicode = true;
                default -> {
                    return false;
                }
            }
        }
        if (unicode) return n == 1;
        return !(bytes && format) && (n == 1 || raw);
    }

    private void startString(int start, int quoteAt) {
        boolean raw = false;
        boolean bytes = false;
        boolean format = false;
        for (int i = start; i < quoteAt; i++) {
            char p = chars[i];
            if (p == 'r' || p == 'R') raw = true;
            else if (p == 'b' || p == 'B') bytes = true;
            else if (p == 'f' || p == 'F') format = true;
        }
        char quote = chars[quoteAt];
        boolean triple = startsWith(quote == '"' ? "\"\"\"" : "'''", quoteAt);
        pos = quoteAt + (triple ? 3 : 1);
        addToken(STRING_START, start, pos, null);
        if (stringDepth == strings.length) strings = Arrays.copyOf(strings, stringDepth * 2);
        strings[stringDepth++] = new StringFrame(quote, triple, raw, bytes, format);
    }

    /** Literal text of the innermost string, or its format specifier, up to the next token of another kind. */
    private void lexStringPart() {
        StringFrame frame = currentString();
        if (frame.state == 2) {
            lexFormatSpecifier(frame);
            return;
        }
        int start = pos;
        // As in tree-sitter's scanner, a raw string's backslash pairs are not content by themselves: text made
        // only of them runs into the string_end token.
        boolean hasContent = false;
        while (true) {
            if (pos >= length) throw new Reject("unterminated string");
            char c = chars[pos];
            if (frame.format && (c == '{' || c == '}')) {
                if (pos > start && !hasContent) throw new Reject("raw backslashes before a brace");
                if (pos > start) {
                    addToken(STRING_CONTENT, start, pos, null);
                    return;
                }
                if (pos + 1 < length && chars[pos + 1] == c) {
                    addToken(ESCAPE_INTERPOLATION, pos, pos + 2, null);
                    pos += 2;
                    return;
                }
                if (c == '}') throw new Reject("single '}' in an f-string");
                addToken(INTERPOLATION_START, pos, pos + 1, "{");
                pos++;
                frame.state = 1;
                frame.brackets = 0;
                return;
            }
            if (c == '\\') {
                if (frame.raw) {
                    pos++;
                    if (pos < length && (chars[pos] == frame.quote || chars[pos] == '\\')) pos++;
                    if (pos < length && chars[pos] == '\r') pos++;
                    if (pos < length && chars[pos] == '\n') pos++;
                    continue;
                }
                if (frame.bytes && pos + 1 < length && "NuU".indexOf(chars[pos + 1]) >= 0) {
                    // The scanner steps over the letter and, unchecked, the character after it.
                    if (pos + 2 >= length || "\\{}\n\r".indexOf(chars[pos + 2]) >= 0
                            || chars[pos + 2] == frame.quote) {
                        throw new Reject("bytes escape before a delimiter");
                    }
                    pos += 3;
                    hasContent = true;
                    continue;
                }
                if (pos > start) {
                    addToken(STRING_CONTENT, start, pos, null);
                    return;
                }
                int escapeEnd = escapeEnd(pos);
                if (escapeEnd > 0) {
                    addToken(ESCAPE_SEQUENCE, pos, escapeEnd, null);
                    pos = escapeEnd;
                } else {
                    addToken(BACKSLASH, pos, pos + 1, "\\");
                    pos++;
                }
                return;
            }
            if (c == frame.quote) {
                if (!frame.triple || startsWith(frame.quote == '"' ? "\"\"\"" : "'''", pos)) {
                    if (hasContent) {
                        addToken(STRING_CONTENT, start, pos, null);
                        return;
                    }
                    int end = pos + (frame.triple ? 3 : 1);
                    addToken(STRING_END, start, end, null);
                    pos = end;
                    stringDepth--;
                    return;
                }
            } else if ((c == '\n' || c == '\r') && !frame.triple) {
                throw new Reject("line end in a string");
            }
            pos++;
            hasContent = true;
        }
    }

    /** The end of the escape sequence at the backslash {@code at}, or -1 where none matches (as the grammar's regex). */
    private int escapeEnd(int at) {
        int i = at + 1;
        if (i >= length) return -1;
        char c = chars[i];
        switch (c) {
            case 'u':
                return hexRun(i + 1, 4);
            case 'U':
                return hexRun(i + 1, 8);
            case 'x':
                return hexRun(i + 1, 2);
            case '\n':
                return i + 1;
            case '\r':
                return i + 1 < length && chars[i + 1] == '\n' ? i + 2 : -1;
            case 'N': {
                if (i + 1 < length && chars[i + 1] == '{') {
                    int close = text.indexOf('}', i + 2);
                    if (close > i + 2) return close + 1;
                }
                return -1;
            }
            default:
                break;
        }
        if (isDigit(c)) {
            int j = i + 1;
            while (j < length && j < i + 3 && isDigit(chars[j])) j++;
            return j;
        }
        return "'\"abfrntv\\".indexOf(c) >= 0 ? i + 1 : -1;
    }

    private int hexRun(int from, int n) {
        if (from + n > length) return -1;
        for (int i = from; i < from + n; i++) {
            if (Character.digit(chars[i], 16) < 0) return -1;
        }
        return from + n;
    }

    /** A format specifier: text chunks (leading whitespace is padding), nested interpolations, the closing '}'. */
    private void lexFormatSpecifier(StringFrame frame) {
        if (pos >= length) throw new Reject("unterminated f-string");
        char c = chars[pos];
        if (c == '{') {
            addToken(INTERPOLATION_START, pos, pos + 1, "{");
            pos++;
            frame.state = 1;
            frame.brackets = 0;
            frame.specDepth++;
            return;
        }
        if (c == '}') {
            addToken(INTERPOLATION_END, pos, pos + 1, "}");
            pos++;
            closeInterpolation(frame);
            return;
        }
        int start = pos;
        while (start < length && Character.isWhitespace(chars[start]) && chars[start] != '\n') start++;
        int end = start;
        while (end < length && "{}\n".indexOf(chars[end]) < 0) end++;
        if (end < length && chars[end] == '\n') throw new Reject("line end in a format specifier");
        if (end > start) addToken(FORMAT_TEXT, start, end, null);
        pos = end;
    }

    /**
     * A logical line ends: a line ending in ':' opens a block (INDENT only, as the grammar has no NEWLINE
     * there), any other gets a NEWLINE; then comment lines and DEDENTs in tree-sitter's order.
     */
    private void endLogicalLine() {
        tokensOnLine = 0;
        int at = lastEnd();
        boolean opensBlock = kinds[count - 1] == OP && ":".equals(values[count - 1]);
        int scan = pos;
        // Comment-only lines after this one, and the indentation of the next line with a token.
        int commentLines = 0;
        int[] commentIndents = new int[4];
        int[] commentStarts = new int[4];
        int next;
        while (true) {
            int indent = 0;
            int i = scan;
            while (i < length) {
                char c = chars[i];
                if (c == ' ') indent++;
                else if (c == '\t') indent += 8;
                else if (c == '\f' || c == '\r' && (i + 1 < length && chars[i + 1] == '\n')) indent = 0;
                else break;
                i++;
            }
            if (i >= length) {
                next = 0;
                break;
            }
            char c = chars[i];
            if (c == '\n' || c == '\r') {
                scan = i + 1;
                if (c == '\r' && scan < length && chars[scan] == '\n') scan++;
                continue;
            }
            if (c == '#') {
                if (commentLines == commentIndents.length) {
                    commentIndents = Arrays.copyOf(commentIndents, commentLines * 2);
                    commentStarts = Arrays.copyOf(commentStarts, commentLines * 2);
                }
                commentIndents[commentLines] = indent;
                commentStarts[commentLines++] = i;
                scan = commentEnd(i);
                continue;
            }
            if (c == '\\') throw new Reject("line continuation at a line start");
            next = indent;
            scan = i;
            break;
        }
        int top = indents[indentDepth - 1];
        int comment = 0;
        if (opensBlock) {
            if (next <= top) throw new Reject("block without indentation");
            pushIndent(next);
            addToken(INDENT, at, at, null);
        } else {
            addToken(NEWLINE, at, at, null);
            while (true) {
                int firstCommentIndent = comment < commentLines ? commentIndents[comment] : -1;
                top = indents[indentDepth - 1];
                if (next < top && firstCommentIndent < top) {
                    indentDepth--;
                    addToken(DEDENT, at, at, null);
                    continue;
                }
                if (comment < commentLines) {
                    int end = commentEnd(commentStarts[comment]);
                    addExtra(COMMENT, commentStarts[comment], end);
                    at = end;
                    comment++;
                    continue;
                }
                break;
            }
            if (next != indents[indentDepth - 1] && scan < length) throw new Reject("inconsistent indentation");
        }
        for (; comment < commentLines; comment++) {
            addExtra(COMMENT, commentStarts[comment], commentEnd(commentStarts[comment]));
        }
        pos = scan;
    }

    private void pushIndent(int indent) {
        if (indentDepth == indents.length) indents = Arrays.copyOf(indents, indentDepth * 2);
        indents[indentDepth++] = indent;
    }

    /** Before the first token: blank lines and comments only. */
    private void skipBlankAndCommentLines() {
        while (pos < length) {
            char c = chars[pos];
            if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\uFEFF' || c == '\u000B') {
                pos++;
            } else if (c == '#') {
                int end = commentEnd(pos);
                addExtra(COMMENT, pos, end);
                pos = end;
            } else {
                return;
            }
        }
    }

    /** The column of {@code at} counting from the last line start. */
    private int column(int at) {
        int i = at;
        while (i > 0 && chars[i - 1] != '\n' && chars[i - 1] != '\r') i--;
        int col = 0;
        for (int k = i; k < at; k++) {
            char c = chars[k];
            if (c == '\f' || c == '\uFEFF') col = 0;
            else col++;
        }
        return col;
    }

    private int lastEnd() {
        int end = count == 0 ? 0 : ends[count - 1];
        if (extraCount > 0 && extraBefore[extraCount - 1] == count) end = Math.max(end, extraEnds[extraCount - 1]);
        return end;
    }

    private void addToken(int kind, int start, int end, String value) {
        if (count == MAX_TOKENS) {
            throw new FileTooLarge(String.format(Locale.ROOT, "over %,d tokens, four times the largest hand-written "
                    + "Python file we know; data written as code is not reviewed", MAX_TOKENS));
        }
        if (count == kinds.length) {
            int size = count * 2;
            kinds = Arrays.copyOf(kinds, size);
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
            values = Arrays.copyOf(values, size);
            lines = Arrays.copyOf(lines, size);
        }
        if ((count & 0xFFF) == 0) FileDeadline.check();
        kinds[count] = kind;
        lines[count] = rowAt(start);
        starts[count] = start;
        ends[count] = end;
        values[count] = value;
        count++;
        if (kind != NEWLINE && kind != INDENT && kind != DEDENT) tokensOnLine++;
    }

    private void addExtra(int kind, int start, int end) {
        if (extraCount == extraKinds.length) {
            int size = extraCount * 2;
            extraKinds = Arrays.copyOf(extraKinds, size);
            extraStarts = Arrays.copyOf(extraStarts, size);
            extraEnds = Arrays.copyOf(extraEnds, size);
            extraBefore = Arrays.copyOf(extraBefore, size);
            extraLines = Arrays.copyOf(extraLines, size);
        }
        extraLines[extraCount] = rowAt(start);
        extraKinds[extraCount] = kind;
        extraStarts[extraCount] = start;
        extraEnds[extraCount] = end;
        extraBefore[extraCount] = count;
        extraCount++;
    }

    private boolean startsWith(String prefix, int at) {
        if (at + prefix.length() > length) return false;
        for (int i = 0; i < prefix.length(); i++) {
            if (chars[at + i] != prefix.charAt(i)) return false;
        }
        return true;
    }

    /** Whether the text at {@code at} holds {@code word} from its index {@code from} on. */
    private boolean regionMatches(int at, String word, int from) {
        for (int i = from; i < word.length(); i++) {
            if (chars[at + i - from] != word.charAt(i)) return false;
        }
        return true;
    }

    /** Rows of positions asked in increasing order, counted once. */
    private int rowAt(int at) {
        if (at < rowCursor) throw new Reject("positions out of order");
        for (int i = rowCursor; i < at; i++) {
            char c = chars[i];
            if (c == '\n' || c == '\r' && (i + 1 >= length || chars[i + 1] != '\n')) row++;
        }
        rowCursor = at;
        return row;
    }

    /** The row of the end of the text, for an empty module. */
    int rowAtEnd() {
        return rowAt(length);
    }

    private String keyword(int start, int end) {
        int n = end - start;
        if (n < 2 || n > 8) return null;
        char first = chars[start];
        String[] candidates = first < KEYWORDS_BY_FIRST_CHAR.length ? KEYWORDS_BY_FIRST_CHAR[first] : null;
        if (candidates == null) return null;
        for (String keyword : candidates) {
            if (keyword.length() == n && regionMatches(start + 1, keyword, 1)) return keyword;
        }
        return null;
    }

    private static boolean isIdentifierStart(char c) {
        if (c < 0x80) return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
        return Character.isUnicodeIdentifierStart(c) || Character.isHighSurrogate(c);
    }

    private static boolean isIdentifierPart(char c) {
        if (c < 0x80) return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= '0' && c <= '9';
        return (Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c))
                || Character.isSurrogate(c);
    }
}
