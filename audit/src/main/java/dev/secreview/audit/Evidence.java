package dev.secreview.audit;

import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How evidence sentences quote code and places, so every check words them the same way. A fact of the code
 * is written "path:line `code` what it shows": {@code orders.py:43 `requests.post(...)` passes timeout=10}.
 */
final class Evidence {

    private static final int QUOTE_LENGTH = 60;

    private Evidence() {
    }

    /** "orders.py:12 `code` what"; a long call is shown as `name(...)`. */
    static String at(PyNode node, String what) {
        PyNode function = node.is("call") ? node.field("function") : null;
        String shown = function != null && oneLine(node.text()).length() > QUOTE_LENGTH
                ? function.text() + "(...)"
                : node.text();
        return place(node.tree().source().displayPath(), node.startLine(), shown) + " " + what;
    }

    /** "orders.py:12 `the code of line 12` what": for statements, whose whole text is too long to quote. */
    static String atLine(PyNode node, String what) {
        int line = node.startLine();
        return place(node.tree().source().displayPath(), line, node.tree().source().line(line)) + " " + what;
    }

    /** "orders.py:12 `code`". */
    static String place(String path, int line, String code) {
        return path + ":" + line + " " + quote(code);
    }

    /** Code in backticks, on one line and shortened. */
    static String quote(String code) {
        String oneLine = oneLine(code);
        return "`" + (oneLine.length() <= QUOTE_LENGTH ? oneLine : oneLine.substring(0, QUOTE_LENGTH - 3) + "...") + "`";
    }

    private static String oneLine(String code) {
        return code.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** "line 7" or "lines 7, 9 and 12". */
    static String lines(List<Integer> lines) {
        if (lines.size() == 1) return "line " + lines.get(0);
        String all = lines.stream().limit(5).map(String::valueOf).collect(Collectors.joining(", "));
        return "lines " + (lines.size() > 5 ? all + ", ..." : all);
    }

    static String span(LineSpan span) {
        return (span.first() == span.last() ? "line " : "lines ") + span;
    }
}
