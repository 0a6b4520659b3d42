package app;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

public class OrderListServlet extends HttpServlet {
    private DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String customer = request.getParameter("customer");
        PrintWriter out = response.getWriter();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // The rows a query returns are the database's: the filter the request injects is the SQL finding, not an XSS one.
            ResultSet rows = statement.executeQuery("SELECT id FROM orders WHERE customer = '" + customer + "'");
            while (rows.next()) {
                // ok: java-xss
                out.println("<li>" + rows.getLong("id") + "</li>");
            }
        } catch (SQLException e) {
            // expect: java-xss
            out.println("<p>No orders for " + customer + "</p>");
        }
    }
}
