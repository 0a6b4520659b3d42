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

/**
 * A Python file under audit: besides the look-ups of every language, its syntax tree, semantic model and constant
 * folding, which the Python-only checks and facts read (which constructs and calls the file has, what a name is
 * bound to, what an argument's value is).
 */
public final class PythonCode extends CodeUnderAudit {

    private final PyTree tree;
    private final PythonFile file;
    private final Values values;
    private final List<Call> calls;

    private PythonCode(SourceFile source, PyTree tree) {
        super(source, AuditedLanguage.PYTHON, withoutComments(tree));
        this.tree = tree;
        this.file = new PythonFile(tree);
        this.values = new Values(file);
        this.calls = nodes("call").stream().map(n -> Call.of(n, file)).toList();
    }

    static PythonCode of(SourceFile source) {
        return new PythonCode(source, PythonFacade.parse(source));
    }

    /** The file's semantic model: scopes, bindings, qualified names. */
    public PythonFile file() {
        return file;
    }

    /** Constant folding over the file: what an argument's value is when the code fixes it. */
    public Values values() {
        return values;
    }

    @Override
    public List<SyntaxError> syntaxErrors() {
        return tree.syntaxErrors().stream().map(error -> new SyntaxError(error.line(), error.message())).toList();
    }

    /** Every call of the file, in source order. */
    public List<Call> calls() {
        return calls;
    }

    @Override
    List<CallSite> callSites() {
        return calls.stream().filter(c -> c.name() != null).map(c -> new CallSite(c.name(), c.node().startLine())).toList();
    }

    /** The nodes of a tree-sitter type ({@code try_statement}, {@code with_statement}, ...), in source order. */
    public List<PyNode> nodes(String type) {
        List<PyNode> found = new ArrayList<>();
        tree.root().forEachDescendant(n -> {
            if (n.is(type) && n.isNamed()) found.add(n);
        });
        return found;
    }

    @Override
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

    /** Whether a quoted piece of code is exactly this node's code, ignoring whitespace and the kind of quotes. */
    public boolean isQuoted(PyNode node, String fragment) {
        return quotes(node.text(), fragment);
    }

    /**
     * Whether the first part of a dotted name is a module the file imports or a name an import binds:
     * {@code subprocess.run} after {@code import subprocess}, {@code cfg.IntOpt} after
     * {@code from oslo_config import cfg}.
     */
    @Override
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
    @Override
    public boolean definesClass(String name) {
        return moduleBindings(name).stream().anyMatch(b -> b.site().is("class_definition"));
    }

    /** Whether an import at module level binds this name ({@code cfg} after {@code from oslo_config import cfg}). */
    @Override
    public boolean bindsImport(String name) {
        return file.resolve(name, tree.root()).stream().anyMatch(b -> b.kind() == Binding.Kind.IMPORT);
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
