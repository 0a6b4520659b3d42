package dev.secreview.python.rules.injection;

import dev.secreview.core.model.Confidence;
import dev.secreview.core.model.Severity;
import dev.secreview.core.rule.RuleInfo;
import dev.secreview.python.api.CallRule;
import dev.secreview.python.api.RuleContext;
import dev.secreview.python.semantic.Identifiers;
import dev.secreview.python.semantic.Interpolation;
import dev.secreview.python.semantic.Binding;
import dev.secreview.python.semantic.Call;
import dev.secreview.python.semantic.PythonFile;
import dev.secreview.python.semantic.Snippets;
import dev.secreview.python.tree.PyNode;

import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "py-sql-string",
        cwe = 89,
        judgedBy = "sql",
        severity = Severity.MEDIUM,
        confidence = Confidence.LOW,
        summary = "An SQL statement passed to a DB-API cursor, a database connection or SQLAlchemy text() is "
                + "assembled from values with %, format(), an f-string, + or join().",
        fix = "Keep the SQL constant and pass the values as parameters, e.g. "
                + "cursor.execute(\"SELECT * FROM users WHERE name = %s\", (name,)) "
                + "(sqlite3 uses ?; SQLAlchemy: text(\"... WHERE name = :name\") with {\"name\": name}); "
                + "choose table or column names from a fixed allow-list.",
        altNames = {"B608"})
public final class SqlStringRule implements CallRule {

    private static final Set<String> EXECUTE = Set.of("execute", "executemany", "executescript", "exec_driver_sql");
    private static final Set<String> TEXT = Set.of("sqlalchemy.text", "sqlalchemy.sql.text",
            "sqlalchemy.sql.expression.text", "sqlmodel.text");
    private static final Set<String> PANDAS = Set.of("pandas.read_sql", "pandas.read_sql_query");
    /** Modules whose objects are database connections, cursors, sessions or engines. */
    private static final List<String> DRIVERS = List.of("sqlite3.", "psycopg2.", "psycopg.", "pymysql.",
            "MySQLdb.", "mysql.connector.", "sqlalchemy.", "flask_sqlalchemy.", "sqlmodel.", "django.db.",
            "cx_Oracle.", "oracledb.", "pyodbc.", "pymssql.", "aiosqlite.", "aiomysql.", "aiopg.", "duckdb.");
    /** Words in a receiver's name that say it is a database handle: cur, cursor, conn, db, session, engine. */
    private static final Set<String> HANDLE_WORDS = Set.of("cursor", "cur", "curs", "conn", "connection", "con",
            "cnx", "connect", "db", "database", "dbh", "session", "engine");
    /** Parts that cannot carry SQL: identifiers quoted by the driver. */
    private static final Set<String> QUOTERS = Set.of("quote_name", "quote_ident", "psycopg2.extensions.quote_ident",
            "django.db.connection.ops.quote_name");
    /** quote_name, _quote_name, quote_ident, quote_identifier: functions that quote an SQL identifier. */
    private static final java.util.regex.Pattern QUOTE_FUNCTION = java.util.regex.Pattern.compile(
            "_*quote_(name|ident|identifier)");
    private static final java.util.regex.Pattern SQL = java.util.regex.Pattern.compile(
            "(?is).*\\b(select|insert\\s+into|update|delete\\s+from|where|values|order\\s+by|group\\s+by|"
                    + "create\\s+table|drop\\s+table|alter\\s+table|join)\\b.*");

    @Override
    public void visitCall(Call call, RuleContext context) {
        String callee = call.callee();
        PyNode query;
        String what;
        if (callee != null && TEXT.contains(callee)) {
            query = call.argument(0, "text");
            what = "`" + call.function().text() + "()`";
        } else if (callee != null && PANDAS.contains(callee)) {
            query = call.argument(0, "sql");
            what = "`" + callee + "()`";
        } else if (EXECUTE.contains(call.name()) && isDatabaseHandle(call, context.file())) {
            query = call.argument(0, "sql");
            if (query == null) query = firstNonNull(call.keyword("query"), call.keyword("operation"), call.keyword("statement"));
            what = "`" + Snippets.tail(call.function().text(), 50) + "`";
        } else {
            return;
        }
        if (query == null || context.values().isConstant(query)) return;
        PythonFile file = context.file();
        Interpolation.Result built = Interpolation.of(query, file, context.values());
        if (built == null) return;  // a query handed in from elsewhere: nothing shows how it was made
        List<PyNode> risky = built.parts().stream().filter(part -> !safe(part, file)).toList();
        if (risky.isEmpty()) return;
        // The values come from code this rule does not follow: where the whole-tree analysis sees data from
        // a request reach the statement, its py-sql-injection finding (high) takes this one's place, and
        // where it proves the values fixed by the program, this one goes.
        boolean one = risky.size() == 1;
        context.report(call.node(), "The SQL passed to " + what + " is built by inserting " + Interpolation.names(risky)
                + " into the statement text; if " + (one ? "that value" : "those values")
                + " can hold text from outside the program, a quote in " + (one ? "it" : "them")
                + " can change the statement. Pass " + (one ? "it as a query parameter" : "them as query parameters")
                + " instead, or pick names from a fixed allow-list.",
                SQL.matcher(built.literal()).matches() ? Severity.MEDIUM : Severity.LOW, Confidence.LOW);
    }

    /** Parts that insert no SQL text: numbers and identifiers quoted by the driver. */
    private static boolean safe(PyNode part, PythonFile file) {
        if (Interpolation.isNumeric(part, file)) return true;
        String called = Interpolation.calledName(part, file);
        if (called == null) return false;
        String function = called.substring(called.lastIndexOf('.') + 1);
        return QUOTERS.contains(called) || QUOTE_FUNCTION.matcher(function).matches();
    }

    /** Whether the object {@code execute} is called on is a database cursor, connection, session or engine. */
    static boolean isDatabaseHandle(Call call, PythonFile file) {
        String callee = call.callee();
        if (callee != null) {
            for (String driver : DRIVERS) {
                if (callee.startsWith(driver)) return true;
            }
        }
        PyNode receiver = call.receiver();
        return receiver != null && namesHandle(receiver, file, 0);
    }

    private static boolean namesHandle(PyNode expr, PythonFile file, int depth) {
        if (expr == null || depth > 4) return false;
        switch (expr.type()) {
            case "identifier": {
                if (hasHandleWord(expr.text())) return true;
                // c = conn.cursor(); c.execute(...)   /   with engine.connect() as c: c.execute(...)
                for (Binding binding : file.resolve(expr.text(), expr)) {
                    PyNode value = binding.kind() == Binding.Kind.ASSIGNMENT ? binding.value() : null;
                    if (value != null && namesHandle(value, file, depth + 1)) return true;
                }
                return false;
            }
            case "attribute": {
                PyNode attribute = expr.field("attribute");
                return attribute != null && hasHandleWord(attribute.text());
            }
            case "call": {
                String qualified = file.qualifiedName(expr.field("function"));
                if (qualified != null) {
                    for (String driver : DRIVERS) {
                        if (qualified.startsWith(driver)) return true;
                    }
                }
                PyNode function = expr.field("function");
                if (function != null && function.is("attribute")) function = function.field("attribute");
                return function != null && hasHandleWord(function.text());
            }
            case "parenthesized_expression":
                return expr.namedChildren().size() == 1 && namesHandle(expr.namedChildren().get(0), file, depth + 1);
            default:
                return false;
        }
    }

    /** Whether a name is made of words such as {@code cursor}, {@code db}, {@code session}: {@code self.db_conn}, {@code dbSession}. */
    static boolean hasHandleWord(String name) {
        for (String word : Identifiers.words(name)) {
            if (HANDLE_WORDS.contains(word)) return true;
        }
        return false;
    }

    private static PyNode firstNonNull(PyNode... nodes) {
        for (PyNode node : nodes) {
            if (node != null) return node;
        }
        return null;
    }
}
