package app;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Fields across methods, overloads chosen by the number of arguments, inner and anonymous classes: where the
 * request's text goes into SQL and where a constant does.
 */
public class OrderSearch extends HttpServlet {
    private Connection connection;
    private String customer;
    private final String table = "orders";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        customer = request.getParameter("customer");
        String status = request.getParameter("status");
        try {
            byCustomer();
            byTable();
            find(status);
            find(status, 10);
            new Query(status).run();
            new Query("open").run();
        } catch (SQLException e) {
            throw new IOException(e);
        }
        Consumer<String> notes = new Consumer<String>() {
            @Override
            public void accept(String value) {
                try {
                    // expect: java-sql-injection
                    connection.createStatement().execute("SELECT * FROM orders WHERE note = '" + value + "'");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        notes.accept(status);
    }

    private void byCustomer() throws SQLException {
        // expect: java-sql-injection
        connection.createStatement().execute("SELECT * FROM orders WHERE customer = '" + customer + "'");
    }

    private void byTable() throws SQLException {
        // ok: java-sql-injection
        connection.createStatement().execute("SELECT COUNT(*) FROM " + table);
    }

    private void find(String status) throws SQLException {
        // expect: java-sql-injection
        connection.createStatement().execute("SELECT * FROM orders WHERE status = '" + status + "'");
    }

    private void find(String status, int limit) throws SQLException {
        // ok: java-sql-injection
        connection.createStatement().execute("SELECT * FROM orders WHERE status = 'open' LIMIT " + limit);
    }

    /** An inner class: its field is set by its constructor and read by its method. */
    private class Query {
        private final String status;

        Query(String status) {
            this.status = status;
        }

        void run() throws SQLException {
            // expect: java-sql-injection
            connection.createStatement().execute("SELECT * FROM orders WHERE status = '" + status + "'");
        }
    }
}
