package dev.secreview.python.tree;

import dev.secreview.core.model.TextRange;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One node of a Python syntax tree, built by {@link PyDescentParser} or copied out of tree-sitter, so that
 * rules read it without native calls. Types and field names are tree-sitter-python's ({@code call},
 * {@code function:}, ...). Offsets are char offsets into the file's text.
 */
public final class PyNode {
    private static final PyNode[] NO_CHILDREN = new PyNode[0];

    private final PyTree tree;
    private final String type;
    private final String field;
    private final boolean named;
    private final int start;
    private final int end;
    private final int startLine;
    PyNode parent;
    PyNode[] children = NO_CHILDREN;

    PyNode(PyTree tree, String type, String field, boolean named, int start, int end, int startLine) {
        this.tree = tree;
        this.type = type;
        this.field = field;
        this.named = named;
        this.start = start;
        this.end = end;
        this.startLine = startLine;
    }

    public PyTree tree() {
        return tree;
    }

    /** The tree-sitter node type, e.g. {@code call}, {@code identifier}, or the token for anonymous nodes. */
    public String type() {
        return type;
    }

    public boolean is(String nodeType) {
        return type.equals(nodeType);
    }

    /** The field name this node has in its parent ({@code function}, {@code arguments}, ...), or null. */
    public String field() {
        return field;
    }

    public boolean isNamed() {
        return named;
    }

    public PyNode parent() {
        return parent;
    }

    public List<PyNode> children() {
        return List.of(children);
    }

    public int childCount() {
        return children.length;
    }

    public PyNode child(int index) {
        return children[index];
    }

    /** Named children, skipping punctuation, keywords and comments. */
    public List<PyNode> namedChildren() {
        List<PyNode> result = new ArrayList<>(children.length);
        for (PyNode child : children) {
            if (child.named && !child.is("comment")) result.add(child);
        }
        return result;
    }

    /** The first child in the given field, or null. */
    public PyNode field(String name) {
        for (PyNode child : children) {
            if (name.equals(child.field)) return child;
        }
        return null;
    }

    /** All children in the given field, in order. */
    public List<PyNode> fields(String name) {
        List<PyNode> result = new ArrayList<>(2);
        for (PyNode child : children) {
            if (name.equals(child.field)) result.add(child);
        }
        return result;
    }

    /** The first child of the given type, or null. */
    public PyNode childOfType(String nodeType) {
        for (PyNode child : children) {
            if (child.is(nodeType)) return child;
        }
        return null;
    }

    /** The nearest ancestor of one of the given types, or null. */
    /** The function or class a statement defines: itself, or the one a {@code decorated_definition} wraps. */
    public PyNode definition() {
        return is("decorated_definition") ? field("definition") : this;
    }

    public PyNode ancestor(String... types) {
        for (PyNode p = parent; p != null; p = p.parent) {
            for (String t : types) {
                if (p.is(t)) return p;
            }
        }
        return null;
    }

    public int startOffset() {
        return start;
    }

    public int endOffset() {
        return end;
    }

    /** 1-based line of the first character. */
    public int startLine() {
        return startLine;
    }

    /** 1-based line of the last character. */
    public int endLine() {
        return end > start ? tree.lineOf(end - 1) : startLine;
    }

    public TextRange range() {
        int endLine = tree.lineOf(end);
        return new TextRange(startLine, tree.columnOf(startLine, start), endLine, tree.columnOf(endLine, end));
    }

    /** The source text of this node. */
    public String text() {
        return tree.source().text().substring(start, end);
    }

    /** Visits this node and all its descendants, in source order, without recursion. */
    public void forEachDescendant(Consumer<PyNode> visitor) {
        ArrayList<PyNode> stack = new ArrayList<>();
        stack.add(this);
        while (!stack.isEmpty()) {
            PyNode node = stack.remove(stack.size() - 1);
            visitor.accept(node);
            for (int i = node.children.length - 1; i >= 0; i--) stack.add(node.children[i]);
        }
    }

    /** Whether this node is {@code other} or one of its descendants. */
    public boolean within(PyNode other) {
        for (PyNode p = this; p != null; p = p.parent) {
            if (p == other) return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return type + "@" + startLine + ":" + (text().length() > 40 ? text().substring(0, 40) + "…" : text());
    }
}
