package dev.secreview.python.rules.injection;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Interpolation;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Values;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "py-django-raw-sql",
        cwe = 89,
        judgedBy = "sql",
        severity = Severity.HIGH,
        confidence = Confidence.HIGH,
        summary = "SQL given to Django's Manager.raw(), QuerySet.extra() or RawSQL() is assembled from values "
                + "with %, format(), an f-string, + or join().",
        fix = "Keep the SQL constant and pass the values separately: "
                + "User.objects.raw(\"SELECT * FROM auth_user WHERE username = %s\", [username]), "
                + ".extra(where=[\"title = %s\"], params=[title]), RawSQL(\"... = %s\", (value,)); "
                + "better, express the query with filter(), annotate() and F()/Q() objects.",
        altNames = {"B610", "B611"})
public final class DjangoRawSqlRule implements CallRule {

    private static final Set<String> RAW_SQL = Set.of("django.db.models.expressions.RawSQL",
            "django.db.models.RawSQL");
    /** QuerySet.extra() arguments that are SQL text; params and select_params are the safe channel. */
    private static final List<String> EXTRA_SQL = List.of("select", "where", "tables", "order_by");

    @Override
    public void visitCall(Call call, RuleContext context) {
        String name = call.name();
        boolean rawSql = call.callee() != null && RAW_SQL.contains(call.callee());
        if (!rawSql && !name.equals("raw") && !name.equals("extra")) return;
        if (rawSql) {
            check(call, call.argument(0, "sql"), "`RawSQL()`", context);
        } else if (name.equals("raw") && onQuerySet(call, context)) {
            check(call, call.argument(0, "raw_query"), "`" + Snippets.tail(call.function().text(), 50) + "()`", context);
        } else if (name.equals("extra") && onQuerySet(call, context)) {
            List<PyNode> risky = new ArrayList<>();
            for (String keyword : EXTRA_SQL) {
                PyNode value = call.keyword(keyword);
                if (value == null) continue;
                List<PyNode> items = new ArrayList<>();
                if (value.is("list") || value.is("tuple")) {
                    items.addAll(value.namedChildren());
                } else if (value.is("dictionary")) {
                    for (PyNode pair : value.namedChildren()) {
                        if (pair.is("pair")) items.add(pair.field("value"));
                    }
                } else {
                    items.add(value);
                }
                for (PyNode item : items) risky.addAll(builtParts(item, context));
            }
            if (risky.isEmpty()) return;
            context.report(call.node(), "The SQL fragments given to `" + Snippets.tail(call.function().text(), 50)
                    + "()` are built by inserting " + Interpolation.names(risky) + " into their text; Django adds "
                    + "them to the query as written, so a quote in " + (risky.size() == 1 ? "that value" : "those values")
                    + " can change the statement. Pass " + (risky.size() == 1 ? "it" : "them")
                    + " through `params=` instead.",
                    Severity.HIGH, Confidence.HIGH);
        }
    }

    private static void check(Call call, PyNode sql, String what, RuleContext context) {
        List<PyNode> risky = builtParts(sql, context);
        if (risky.isEmpty()) return;
        context.report(call.node(), "The SQL given to " + what + " is built by inserting " + Interpolation.names(risky)
                + " into the statement text; Django sends it to the database as written, so a quote in "
                + (risky.size() == 1 ? "that value" : "those values") + " can change the statement. Pass "
                + (risky.size() == 1 ? "it" : "them") + " in the `params` argument instead.",
                Severity.HIGH, Confidence.HIGH);
    }

    /** The non-constant, non-numeric parts an SQL string is built from; empty when it is not seen being built. */
    private static List<PyNode> builtParts(PyNode sql, RuleContext context) {
        if (sql == null) return List.of();
        Values values = context.values();
        if (values.isConstant(sql)) return List.of();
        PythonFile file = context.file();
        Interpolation.Result built = Interpolation.of(sql, file, values);
        if (built == null) return List.of();
        return built.riskyParts(file, part -> {
            String called = Interpolation.calledName(part, file);
            return called != null && called.matches("(.*\\.)?_*quote_name");
        });
    }

    /**
     * Whether {@code raw}/{@code extra} is called on a model manager or queryset: the receiver chain
     * goes through {@code .objects} (or another manager attribute), or is a name assigned from one.
     */
    private static boolean onQuerySet(Call call, RuleContext context) {
        PyNode receiver = call.receiver();
        for (int depth = 0; receiver != null && depth < 6; depth++) {
            if (receiver.is("attribute")) {
                PyNode attribute = receiver.field("attribute");
                String name = attribute == null ? "" : attribute.text();
                if (name.equals("objects") || name.endsWith("_manager")) return true;
                receiver = receiver.field("object");
            } else if (receiver.is("call")) {
                PyNode function = receiver.field("function");
                receiver = function != null && function.is("attribute") ? function.field("object") : null;
            } else if (receiver.is("identifier")) {
                receiver = context.values().singleAssignedValue(receiver);
            } else {
                return false;
            }
        }
        return false;
    }
}
