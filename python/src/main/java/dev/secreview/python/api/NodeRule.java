package dev.secreview.python.api;

import dev.secreview.python.tree.PyNode;

import java.util.Set;

/** A rule that looks at syntax nodes of the types it names (tree-sitter-python types). */
public interface NodeRule extends PythonRule {
    Set<String> nodeTypes();

    void visitNode(PyNode node, RuleContext context);
}
