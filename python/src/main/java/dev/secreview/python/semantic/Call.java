package dev.secreview.python.semantic;

import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A call site with its arguments sorted out and its callee resolved through imports and aliases.
 * {@code callee} is the qualified name ({@code subprocess.run}, {@code requests.Session().get},
 * {@code eval}) or null when the analysis cannot tell what is called.
 */
public final class Call {
    private final PyNode node;
    private final String callee;
    private final List<PyNode> positional = new ArrayList<>();
    private final List<PyNode> keywords = new ArrayList<>();
    private boolean unpacksArguments;

    Call(PyNode node, String callee) {
        this.node = node;
        this.callee = callee;
        PyNode arguments = node.field("arguments");
        if (arguments == null) return;
        for (PyNode argument : arguments.namedChildren()) {
            switch (argument.type()) {
                case "keyword_argument" -> keywords.add(argument);
                case "list_splat", "dictionary_splat" -> unpacksArguments = true;
                default -> positional.add(argument);
            }
        }
    }

    public static Call of(PyNode callNode, PythonFile file) {
        return new Call(callNode, file.qualifiedName(callNode.field("function")));
    }

    public PyNode node() {
        return node;
    }

    /** The called expression as written, e.g. {@code self.client.get}. */
    public PyNode function() {
        return node.field("function");
    }

    public String callee() {
        return callee;
    }

    /** Whether the resolved callee is one of {@code names}. */
    public boolean calls(String... names) {
        if (callee == null) return false;
        for (String name : names) {
            if (callee.equals(name)) return true;
        }
        return false;
    }

    /** The last segment of the called name: {@code run} for {@code subprocess.run}, {@code get} for {@code s.get}. */
    public String name() {
        PyNode function = function();
        if (function == null) return "";
        if (function.is("attribute")) {
            PyNode attribute = function.field("attribute");
            return attribute == null ? "" : attribute.text();
        }
        return function.text();
    }

    /** The object a method is called on ({@code s} in {@code s.get(...)}), or null for a plain call. */
    public PyNode receiver() {
        PyNode function = function();
        return function != null && function.is("attribute") ? function.field("object") : null;
    }

    public List<PyNode> positional() {
        return List.copyOf(positional);
    }

    /** The value of keyword argument {@code name}, or null. */
    public PyNode keyword(String name) {
        for (PyNode keyword : keywords) {
            PyNode key = keyword.field("name");
            if (key != null && key.text().equals(name)) return keyword.field("value");
        }
        return null;
    }

    /** The whole {@code name=value} node of keyword argument {@code name}, or null. */
    public PyNode keywordArgument(String name) {
        for (PyNode keyword : keywords) {
            PyNode key = keyword.field("name");
            if (key != null && key.text().equals(name)) return keyword;
        }
        return null;
    }

    /** Keyword argument nodes ({@code name=value}) in source order. */
    public List<PyNode> keywordArguments() {
        return List.copyOf(keywords);
    }

    /** The argument passed at {@code index} or as {@code keyword}, whichever is present; null if neither. */
    public PyNode argument(int index, String keyword) {
        if (index >= 0 && index < positional.size()) return positional.get(index);
        return keyword == null ? null : keyword(keyword);
    }

    /** Whether the call passes {@code *args} or {@code **kwargs}, so unseen arguments may be there. */
    public boolean unpacksArguments() {
        return unpacksArguments;
    }

    @Override
    public String toString() {
        return (callee != null ? callee : function().text()) + "(...)@" + node.startLine();
    }
}
