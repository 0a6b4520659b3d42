package dev.secreview.python.rules.injection;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A command template with placeholders (`notify.sh $NAME $TAGS`, `{name}`) filled from a mapping by one function and
 * run through a shell by another of the same file: each free-text value of the mapping (a name, a title, tags,
 * a message) is pasted into the command line unquoted, so whoever can edit that text runs commands on the server.
 * The values are stored data, not the request's, which is why the dataflow's command kind does not follow them.
 */
@RuleInfo(
        id = "py-shell-template-unquoted",
        cwe = 78,
        severity = Severity.HIGH,
        confidence = Confidence.MEDIUM,
        summary = "A command template's placeholders are filled with free text (a name, title, tags, a message) "
                + "without shell quoting, and the command is run through a shell: a `;` or `$(...)` in that text "
                + "runs a command of its own.",
        fix = "Quote each value with shlex.quote() as it goes into the mapping, or split the template with "
                + "shlex.split() first and fill the placeholders in the argument list run without a shell.",
        altNames = {})
public final class ShellTemplateRule implements NodeRule {

    private static final Set<String> SHELL_RUNNERS = Set.of("os.system", "os.popen", "subprocess.getoutput",
            "subprocess.getstatusoutput", "commands.getoutput");
    private static final Set<String> SUBPROCESS = Set.of("subprocess.run", "subprocess.call", "subprocess.check_call",
            "subprocess.check_output", "subprocess.Popen");
    private static final Set<String> QUOTING = Set.of("shlex.quote", "pipes.quote");
    /** Functions and methods that fill a template from a mapping. */
    private static final Set<String> FILLERS = Set.of("replace", "substitute", "safe_substitute", "format",
            "format_map", "render", "expand", "fill", "interpolate");
    /** Words naming text a user writes freely, as opposed to codes, states and times the program makes. */
    private static final Set<String> FREE_TEXT = Set.of("name", "names", "title", "tag", "tags", "label", "labels",
            "description", "desc", "message", "msg", "comment", "comments", "subject", "body", "text", "note",
            "notes", "summary", "content", "filename", "username", "email");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("function_definition");
    }

    @Override
    public void visitNode(PyNode function, RuleContext context) {
        PyNode name = function.field("name");
        if (name == null || !context.fileState(() -> shellFedFunctions(context)).contains(name.text())) return;
        for (PyNode filled : filledMappings(function, context)) {
            for (PyNode value : valuesOf(function, filled.text())) {
                if (!freeText(value, context)) continue;
                context.report(value, "`" + Snippets.shortened(value.text(), 50) + "` goes into the command template "
                        + "that `" + name.text() + "` fills without shell quoting, and the command is run through a "
                        + "shell in this file: a `;`, `|` or `$(...)` in it runs a command of its own.");
            }
        }
    }

    /** The names of functions whose result this file runs through a shell: {@code os.system(self.prepare(...))}. */
    private static Set<String> shellFedFunctions(RuleContext context) {
        Set<String> names = new HashSet<>();
        context.file().root().forEachDescendant(node -> {
            if (!node.is("call")) return;
            PyNode command = shellCommand(Call.of(node, context.file()), context);
            if (command == null) return;
            List<PyNode> producers = new ArrayList<>();
            if (command.is("identifier")) {
                PyNode scope = node.ancestor("function_definition");
                if (scope != null) producers.addAll(valuesAssigned(scope, command.text()));
            } else {
                producers.add(command);
            }
            for (PyNode producer : producers) {
                if (!producer.is("call") || producer.field("function") == null) continue;
                PyNode callee = producer.field("function");
                PyNode last = callee.is("attribute") ? callee.field("attribute") : callee;
                if (last != null && last.is("identifier")) names.add(last.text());
            }
        });
        return names;
    }

    /** The command a shell parses: the argument of os.system(), or of subprocess with shell=True. */
    private static PyNode shellCommand(Call call, RuleContext context) {
        String callee = call.callee();
        if (callee == null) return null;
        if (SHELL_RUNNERS.contains(callee)) return call.argument(0, "command");
        if (SUBPROCESS.contains(callee)) {
            PyNode shell = call.keyword("shell");
            if (shell != null && context.values().isTrue(shell)) return call.argument(0, "args");
        }
        return null;
    }

    /** The mappings the function's returned template is filled from: {@code return replace(template, ctx)}. */
    private static List<PyNode> filledMappings(PyNode function, RuleContext context) {
        List<PyNode> mappings = new ArrayList<>();
        function.forEachDescendant(node -> {
            if (!node.is("return_statement") || node.namedChildren().isEmpty()
                    || node.ancestor("function_definition") != function) {
                return;
            }
            PyNode returned = node.namedChildren().get(0);
            if (!returned.is("call")) return;
            PyNode callee = returned.field("function");
            PyNode last = callee == null ? null : callee.is("attribute") ? callee.field("attribute") : callee;
            if (last == null || !FILLERS.contains(last.text())) return;
            PyNode arguments = returned.field("arguments");
            if (arguments == null) return;
            for (PyNode argument : arguments.namedChildren()) {
                PyNode mapping = argument.is("dictionary_splat") && !argument.namedChildren().isEmpty()
                        ? argument.namedChildren().get(0) : argument;
                if (mapping.is("identifier") && !valuesOf(function, mapping.text()).isEmpty()) mappings.add(mapping);
            }
        });
        return mappings;
    }

    /** What the function puts in the local mapping: the values of its dict literal and of item stores. */
    private static List<PyNode> valuesOf(PyNode function, String mapping) {
        List<PyNode> values = new ArrayList<>();
        for (PyNode assigned : valuesAssigned(function, mapping)) {
            if (!assigned.is("dictionary")) continue;
            for (PyNode pair : assigned.namedChildren()) {
                if (pair.is("pair") && pair.field("value") != null) values.add(pair.field("value"));
            }
        }
        function.forEachDescendant(node -> {
            if (!node.is("assignment")) return;
            PyNode left = node.field("left");
            if (left != null && left.is("subscript") && left.field("value") != null
                    && left.field("value").text().equals(mapping) && node.field("right") != null) {
                values.add(node.field("right"));
            }
        });
        return values;
    }

    private static List<PyNode> valuesAssigned(PyNode function, String name) {
        List<PyNode> values = new ArrayList<>();
        function.forEachDescendant(node -> {
            if (!node.is("assignment")) return;
            PyNode left = node.field("left");
            if (left != null && left.is("identifier") && left.text().equals(name) && node.field("right") != null) {
                values.add(node.field("right"));
            }
        });
        return values;
    }

    /** Not a constant, not quoted, and named as free text: {@code check.name}, {@code tags}, {@code flip.owner.title}. */
    private static boolean freeText(PyNode value, RuleContext context) {
        if (context.values().isConstant(value)) return false;
        if (value.is("call")) {
            String callee = Call.of(value, context.file()).callee();
            if (callee != null && QUOTING.contains(callee)) return false;
        }
        PyNode named = value.is("attribute") ? value.field("attribute") : value;
        if (named == null || !named.is("identifier")) return false;
        return Identifiers.words(named.text()).stream().anyMatch(FREE_TEXT::contains);
    }
}
