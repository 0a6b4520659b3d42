package dev.secreview.python.rules.deserialization;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(
        id = "py-pickle-load",
        cwe = 502,
        judgedBy = "deserialization",
        severity = Severity.HIGH,
        confidence = Confidence.MEDIUM,
        summary = "Data is deserialized with pickle or a pickle-based loader (cPickle, dill, jsonpickle, shelve, "
                + "pandas.read_pickle, joblib.load), which runs code chosen by whoever wrote the data.",
        fix = "Exchange data in a format that cannot describe code, e.g. json.loads(body) into plain dicts and "
                + "lists, and rebuild objects explicitly; if pickle is unavoidable, only load data this service "
                + "wrote itself and authenticate it (hmac.compare_digest on an HMAC of the bytes) before loading.",
        altNames = {"B301"})
public final class PickleLoadRule implements CallRule {

    /** Loader → the keyword its data argument also goes by. */
    private static final Map<String, String> LOADERS = loaders();
    /** Serializers whose output, loaded right back, is data this program made itself. */
    private static final Set<String> DUMPERS = Set.of("dumps", "encode");

    private static Map<String, String> loaders() {
        Map<String, String> m = new java.util.HashMap<>();
        for (String module : List.of("pickle", "cPickle", "_pickle", "dill")) {
            m.put(module + ".load", "file");
            m.put(module + ".loads", "data");
            m.put(module + ".Unpickler", "file");
        }
        m.put("jsonpickle.decode", "string");
        m.put("jsonpickle.loads", "string");
        m.put("jsonpickle.unpickler.decode", "string");
        m.put("jsonpickle.unpickler.Unpickler", "");
        m.put("shelve.open", "filename");
        m.put("shelve.DbfilenameShelf", "filename");
        m.put("pandas.read_pickle", "filepath_or_buffer");
        m.put("joblib.load", "filename");
        m.put("sklearn.externals.joblib.load", "filename");
        return Map.copyOf(m);
    }

    @Override
    public void visitCall(Call call, RuleContext context) {
        String loader = null;
        for (String candidate : context.file().qualifiedNames(call.function())) {
            if (LOADERS.containsKey(candidate)) {
                loader = candidate;
                break;
            }
        }
        if (loader == null) return;
        String keyword = LOADERS.get(loader);
        PyNode data = call.argument(0, keyword.isEmpty() ? null : keyword);
        if (loader.endsWith(".Unpickler") && loader.startsWith("jsonpickle")) data = null;
        if (data != null && (context.values().isConstant(data) && !isPath(loader) || roundTrip(data, context))) return;

        String what = "`" + call.function().text() + "`";
        String source = data == null ? "" : " " + quote(data);
        if (data != null && fromRequest(data, context.values())) {
            context.report(call.node(), what + " deserializes" + source + ", which comes from the request; a crafted "
                    + "pickle runs arbitrary code (via `__reduce__`) while it is being loaded.",
                    Severity.HIGH, Confidence.HIGH);
        } else if (data != null && context.values().isConstant(data)) {
            context.report(call.node(), what + " loads pickled objects from the fixed path" + source + "; anyone "
                    + "who can write that file can make this process run code of their choosing.",
                    Severity.HIGH, Confidence.LOW);
        } else {
            context.report(call.node(), what + " deserializes" + source + "; pickle-based loading rebuilds objects "
                    + "by calling functions named in the data, so if that data can come from a user, the network or "
                    + "a file others can write, loading it runs their code.", Severity.HIGH, Confidence.MEDIUM);
        }
    }

    private static boolean isPath(String loader) {
        return loader.startsWith("shelve.") || loader.endsWith("read_pickle") || loader.endsWith("joblib.load");
    }

    /**
     * {@code pickle.loads(pickle.dumps(obj))}, or a name assigned once from such a dumps() call: the
     * bytes were made by this program a moment ago (copying, tests), not received.
     */
    static boolean roundTrip(PyNode data, RuleContext context) {
        PyNode expr = data;
        if (expr.is("identifier")) {
            PyNode assigned = context.values().singleAssignedValue(expr);
            if (assigned != null) expr = assigned;
        }
        if (!expr.is("call")) return false;
        PythonFile file = context.file();
        PyNode function = expr.field("function");
        String callee = file.qualifiedName(function);
        String name = callee != null ? callee.substring(callee.lastIndexOf('.') + 1)
                : function != null && function.is("attribute") && function.field("attribute") != null
                ? function.field("attribute").text() : "";
        if (!DUMPERS.contains(name)) return false;
        // The serializer must be a module, not some object's dumps(): resolved, or bound by imports only.
        for (String candidate : file.qualifiedNames(expr.field("function"))) {
            if (candidate.matches("(pickle|cPickle|_pickle|dill|jsonpickle|marshal)\\.(dumps|encode)")) return true;
        }
        return false;
    }

    /** Whether the data is read from a web request: {@code request.data}, {@code request.get_data()}, {@code self.request.body}. */
    static boolean fromRequest(PyNode data, Values values) {
        for (String input : values.inputs(data)) {
            if (input.startsWith("request.") || input.startsWith("self.request.") || input.startsWith("flask.request.")
                    || input.contains(".recv(")) {
                return true;
            }
        }
        String text = data.text();
        return text.startsWith("request.") || text.startsWith("self.request.") || text.contains(".recv(");
    }

    static String quote(PyNode expr) {
        String text = expr.text().replaceAll("\\s+", " ");
        return "`" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "`";
    }
}
