package orders;

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

/** The order pages of a small shop: a search by customer, and one order by id. */
public class OrderServlet extends HttpServlet {
    private final DataSource dataSource;
    private final OrderRepository orders;

    public OrderServlet(DataSource dataSource) {
        this.dataSource = dataSource;
        this.orders = new OrderRepository(dataSource);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String customer = request.getParameter("customer");
        response.setContentType("text/html");
        PrintWriter page = response.getWriter();
        page.println("<h1>Orders of " + customer + "</h1>");
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM orders WHERE customer = '" + customer + "'")) {
            int count = 0;
            while (rows.next()) {
                count++;
            }
            page.println("<p>" + count + " orders</p>");
        } catch (SQLException e) {
            throw new IOException("cannot list the orders", e);
        }
        String id = request.getParameter("id");
        if (id != null) {
            page.println("<p>" + orders.itemOf(id) + "</p>");
        }
    }
}
