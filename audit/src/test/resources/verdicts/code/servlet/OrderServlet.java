package shop;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

/** Lists a customer's orders and deletes one. */
public class OrderServlet extends HttpServlet {
    private DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String customer = request.getParameter("customer");
        String status = request.getParameter("status");
        response.setContentType("text/html");
        PrintWriter out = response.getWriter();
        out.println("<h1>Orders of " + customer + "</h1>");
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery("SELECT item, note FROM orders WHERE customer = '" + customer + "'");
            while (rows.next()) {
                out.println("<li>" + rows.getString("item") + ": " + rows.getString("note") + "</li>");
            }
            PreparedStatement byStatus = connection.prepareStatement("SELECT id FROM orders WHERE status = ?");
            byStatus.setString(1, status);
            byStatus.executeQuery();
        } catch (SQLException e) {
            throw new IOException("cannot list orders", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM orders WHERE id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("cannot delete the order", e);
        }
        response.sendRedirect("orders");
    }
}
