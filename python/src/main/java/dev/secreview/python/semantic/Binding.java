package dev.secreview.python.semantic;

import dev.secreview.python.tree.PyNode;

/**
 * One way a name gets a value in a scope. {@code value} is the assigned expression for
 * {@link Kind#ASSIGNMENT}, the default for {@link Kind#PARAMETER}, the definition node for
 * {@link Kind#DEFINITION}; {@code qualifiedName} is set for {@link Kind#IMPORT}.
 */
public record Binding(Kind kind, String name, PyNode site, PyNode value, String qualifiedName) {

    public enum Kind {
        /** {@code import a.b as c}, {@code from a import b}. */
        IMPORT,
        /** {@code name = value} (also annotated assignments). */
        ASSIGNMENT,
        /** A function or lambda parameter. */
        PARAMETER,
        /** {@code def name} or {@code class name}. */
        DEFINITION,
        /** Any binding whose value is unknown: loop targets, unpacking, {@code with ... as}, augmented assignment. */
        OTHER
    }
}
