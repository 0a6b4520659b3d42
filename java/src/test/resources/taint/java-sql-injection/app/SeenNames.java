package app;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Method references handed to forEach: the method is called with each element of the list. */
public class SeenNames extends HttpServlet {
    private Connection connection;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> names = Arrays.asList(request.getParameterValues("name"));
        List<String> fixed = Arrays.asList("alpha", "beta");
        names.forEach(this::remember);
        fixed.forEach(SeenNames::count);
    }

    private void remember(String name) {
        try {
            // expect: java-sql-injection
            connection.createStatement().execute("INSERT INTO seen VALUES ('" + name + "')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void count(String name) {
        try {
            // ok: java-sql-injection
            DriverManager.getConnection("jdbc:h2:mem:").createStatement().execute("UPDATE counts SET n = n + 1 WHERE name = '" + name + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
