package dev.secreview.python.rules.deserialization;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.NodeRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleInfo(
        id = "py-celery-pickle",
        cwe = 502,
        judgedBy = "deserialization",
        severity = Severity.HIGH,
        confidence = Confidence.MEDIUM,
        summary = "Celery is configured to accept pickle messages (accept_content, task_serializer), so whoever can "
                + "write to the broker runs code in every worker.",
        fix = "Keep Celery's default JSON serializer: task_serializer = result_serializer = \"json\" and "
                + "accept_content = [\"json\"]; pass objects as ids or plain data. If pickle is unavoidable, use "
                + "Celery's message signing (the \"auth\" serializer) with keys the broker never sees.")
public final class CeleryPickleRule implements NodeRule {
    /** Setting names with the Django-style {@code CELERY_} prefix removed, lower-cased. */
    private static final Set<String> ACCEPT_SETTINGS = Set.of("accept_content", "result_accept_content");
    private static final Set<String> SERIALIZER_SETTINGS = Set.of("task_serializer", "result_serializer",
            "event_serializer");
    /** How Celery and Kombu name the pickle format: its alias and its content type. */
    private static final Set<String> PICKLE = Set.of("pickle", "application/x-python-serialize");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("assignment", "keyword_argument");
    }

    @Override
    public void visitNode(PyNode node, RuleContext context) {
        PythonFile file = context.file();
        String setting = setting(node, file);
        if (setting == null) return;
        PyNode value = node.is("keyword_argument") ? node.field("value") : node.field("right");
        if (!pickle(value, context)) return;
        if (ACCEPT_SETTINGS.contains(setting)) {
            context.report(node, "Celery accepts pickle messages here (`" + setting + "`): a worker unpickles what it "
                    + "takes from the broker, and unpickling runs code chosen by whoever wrote the message, so anyone "
                    + "who can publish to the broker (a shared or exposed Redis or RabbitMQ) runs code in the worker.");
        } else if (!acceptsPickleElsewhere(file, context)) {
            context.report(node, "Celery sends messages as pickle (`" + setting + "`), so its workers must accept "
                    + "pickle: unpickling runs code chosen by whoever wrote the message, and anyone who can publish to "
                    + "the broker runs code in the worker.");
        }
    }

    /** The Celery setting an assignment or keyword sets, normalised; null when it is not one. */
    private static String setting(PyNode node, PythonFile file) {
        PyNode named = node.is("keyword_argument") ? node.field("name") : settingName(node.field("left"));
        if (named == null || node.is("keyword_argument") && callOf(node) == null) return null;
        String lower = named.text().toLowerCase(Locale.ROOT);
        boolean prefixed = lower.startsWith("celery_");
        String bare = prefixed ? lower.substring("celery_".length()) : lower;
        // The name first: the context below asks the module's imports, and every assignment of a file comes here.
        if (!ACCEPT_SETTINGS.contains(bare) && !SERIALIZER_SETTINGS.contains(bare)) return null;
        return prefixed || celeryContext(node, file) ? bare : null;
    }

    /** The call a keyword argument is passed to; null when it is not in a call's arguments. */
    private static PyNode callOf(PyNode keyword) {
        PyNode call = keyword.parent() == null ? null : keyword.parent().parent();
        return call != null && call.is("call") && call.field("function") != null ? call : null;
    }

    /** The name an assignment's target gives a setting: a plain name or an attribute's last part. */
    private static PyNode settingName(PyNode left) {
        if (left == null) return null;
        if (left.is("identifier")) return left;
        return left.is("attribute") ? left.field("attribute") : null;
    }

    /** Whether the setting is made where Celery reads it: a Celery call or configuration object, a Celery module. */
    private static boolean celeryContext(PyNode node, PythonFile file) {
        if (node.is("keyword_argument")) {
            PyNode call = callOf(node);
            String callee = String.valueOf(file.qualifiedName(call.field("function")));
            return callee.startsWith("celery") || call.field("function").text().contains("conf");
        }
        return node.field("left").text().contains("conf") || celeryModule(file);
    }

    /** A module that imports Celery or is named for its configuration ({@code celeryconfig.py}). */
    private static boolean celeryModule(PythonFile file) {
        return file.imports("celery") || file.source().projectPath().toLowerCase(Locale.ROOT).contains("celery");
    }

    private static boolean pickle(PyNode value, RuleContext context) {
        Object folded = value == null ? null : context.values().constant(value).orElse(null);
        List<String> names = new ArrayList<>();
        if (folded instanceof String s) names.add(s);
        if (folded instanceof List<?> list) for (Object item : list) if (item instanceof String s) names.add(s);
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).anyMatch(PICKLE::contains);
    }

    /** Whether the file also sets an accept-content list with pickle in it (that line is the one reported). */
    private static boolean acceptsPickleElsewhere(PythonFile file, RuleContext context) {
        boolean[] found = {false};
        file.root().forEachDescendant(n -> {
            if (found[0] || !(n.is("assignment") || n.is("keyword_argument"))) return;
            String setting = setting(n, file);
            if (setting != null && ACCEPT_SETTINGS.contains(setting)) {
                found[0] = pickle(n.is("keyword_argument") ? n.field("value") : n.field("right"), context);
            }
        });
        return found[0];
    }
}
